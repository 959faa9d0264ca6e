export * from "./aws-credentials";
export * from "./block";
export * from "./secret";
