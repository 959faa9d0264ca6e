/**
 * The jsii entry: the core API at the root and each cloud as a submodule, so one jsii run checks the
 * whole public surface (`npm run build`). Each cloud module imports only its own provider bindings;
 * the package split into one package per cloud moves these submodules out unchanged.
 */
export * from "./index";
export * as aws from "./aws";
export * as google from "./google";
export * as azure from "./azure";
export * as git from "./git";
