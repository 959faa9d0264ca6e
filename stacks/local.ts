import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { LocalCodeStorage, PrefectProject, WorkPool, WorkPoolType } from "prefect-code-storage";
import { exampleProject, ExampleStackOptions, prefectProvider } from "./shared";

/**
 * The smallest setup, for first experiments: the code already sits on the worker's machine, a
 * `process` work pool runs it, and the pull step changes into its directory. No cloud resources.
 */
export class LocalStack extends TerraformStack {
  readonly storage: LocalCodeStorage;
  readonly project: PrefectProject;
  constructor(scope: Construct, id: string, options: ExampleStackOptions = {}) {
    super(scope, id);
    prefectProvider(this);
    const pool = new WorkPool(this, "pool", { name: "local-process", poolType: WorkPoolType.PROCESS });
    this.storage = new LocalCodeStorage(this, "flow-code", { directory: "/srv/flows/etl" });
    this.project = exampleProject(this, options, {
      name: "etl",
      storage: this.storage,
      deployments: [{ name: "hello", entrypoint: "flows/hello.py:hello", workPool: { name: pool.nameInput } }],
    });
  }
}
