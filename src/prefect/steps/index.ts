export * from "./aws";
export * from "./azure";
export * from "./core";
export * from "./gcp";
export * from "./step";
