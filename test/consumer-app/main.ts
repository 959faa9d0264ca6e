// The user's app entry, as `cdktf init --template=typescript` writes main.ts.
import { App } from "cdktf";
import { FlowsStack } from "./flows-stack";

const app = new App();
new FlowsStack(app, "consumer-flows");
app.synth();
