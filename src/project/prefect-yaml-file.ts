import { stringify } from "yaml";
import { PrefectYamlDocument } from "../prefect/prefect-yaml";
import { GeneratedFile } from "./generated-file";

/** `prefect.yaml`, rendered from a PrefectYamlDocument. */
export class PrefectYamlFile extends GeneratedFile {
  readonly path = "prefect.yaml";
  constructor(readonly document: PrefectYamlDocument) {
    super();
  }
  render(): string {
    const body = stringify(this.document.toObject(), { lineWidth: 0 });
    return `# ${GeneratedFile.MARKER}\n${body}`;
  }
}
