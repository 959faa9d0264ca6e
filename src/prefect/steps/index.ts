export * from "./aws";
export * from "./azure";
export * from "./core";
export * from "./docker";
export * from "./gcp";
export * from "./step";
