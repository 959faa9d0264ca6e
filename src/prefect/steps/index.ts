export * from "./aws";
export * from "./core";
export * from "./step";
