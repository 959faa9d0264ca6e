// App entry for `npm run synth` and `cdktf synth`: synthesizes every example stack into cdktf.out/.
// FLOW_PROJECT_DIR=<dir> also writes each stack's prefect.yaml and .prefectignore to <dir>/<stack>/.
// TF_STATE_BUCKET=<bucket> (and TF_STATE_REGION) keeps every stack's state in S3, as CI does.
import { buildApp } from "./app";

buildApp({
  flowProjectDir: process.env.FLOW_PROJECT_DIR,
  stateBucket: process.env.TF_STATE_BUCKET,
  stateRegion: process.env.TF_STATE_REGION,
}).synth();
