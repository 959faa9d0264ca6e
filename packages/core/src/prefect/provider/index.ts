// Hand-written cdktf bindings for the Prefect Terraform provider (prefecthq/prefect ~> 3.4); see provider.ts.
export * from "./provider";
export * from "./block";
export * from "./flow";
export * from "./deployment";
export * from "./deployment-schedule";
export * from "./work-pool";
export * from "./work-queue";
export * from "./variable";
