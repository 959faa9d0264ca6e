// App entry for `npm run synth` and `cdktf synth`: synthesizes every example stack into cdktf.out/.
import { buildApp } from "./app";

buildApp().synth();
