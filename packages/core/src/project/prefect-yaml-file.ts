import { PrefectYamlDocument } from "../prefect/prefect-yaml";
import { yamlText } from "../prefect/yaml-text";
import { GeneratedFile } from "./generated-file";

/** `prefect.yaml`, rendered from a PrefectYamlDocument. */
export class PrefectYamlFile extends GeneratedFile {
  readonly path = "prefect.yaml";
  constructor(readonly document: PrefectYamlDocument) {
    super();
  }
  render(): string {
    const body = yamlText(this.document.toObject());
    return `# ${GeneratedFile.MARKER}\n${body}`;
  }
}
