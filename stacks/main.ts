// App entry for `npm run synth` and `cdktf synth`: synthesizes every example stack into cdktf.out/.
// FLOW_PROJECT_DIR=<dir> also writes each stack's prefect.yaml and .prefectignore to <dir>/<stack>/.
import { buildApp } from "./app";

buildApp({ flowProjectDir: process.env.FLOW_PROJECT_DIR }).synth();
