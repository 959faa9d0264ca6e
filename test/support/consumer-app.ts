/**
 * A user's cdktf app outside the repository, as the consumer tests build it: the files
 * `cdktf init --template=typescript` writes (cdktf 0.21's template, @cdktf/cli-core/templates/typescript),
 * and the packages packed with `npm pack` exactly as they would be published.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./packages";

/** The template's tsconfig.json. */
export const CDKTF_TEMPLATE_TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
    lib: ["es2018"],
    module: "CommonJS",
    noEmitOnError: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: "ES2018",
    incremental: true,
    skipLibCheck: true,
  },
  include: ["**/*.ts"],
  exclude: ["node_modules", "cdktf.out"],
};

/** The template's package.json scripts and engines (`cdktf init` then installs the dependencies). */
export const CDKTF_TEMPLATE_PACKAGE = {
  version: "1.0.0",
  main: "main.js",
  types: "main.ts",
  license: "MPL-2.0",
  private: true,
  scripts: {
    get: "cdktf get",
    build: "tsc",
    synth: "cdktf synth",
    compile: "tsc --pretty",
    watch: "tsc -w",
    test: "jest",
    "test:watch": "jest --watch",
    upgrade: "npm i cdktf@latest cdktf-cli@latest",
    "upgrade:next": "npm i cdktf@next cdktf-cli@next",
  },
  engines: { node: ">=20.9" },
};

/** The template's cdktf.json: `cdktf synth` runs `app`. */
export const CDKTF_TEMPLATE_CDKTF_JSON = {
  language: "typescript",
  app: "npx ts-node main.ts",
  projectId: "00000000-0000-0000-0000-000000000000",
  sendCrashReports: "false",
  terraformProviders: [],
  terraformModules: [],
  context: {},
};

/** The template's jest.config.js (its settings; the template's comments left out) and setup.js. */
export const CDKTF_TEMPLATE_JEST_CONFIG = `module.exports = {
  clearMocks: true,
  coverageProvider: "v8",
  moduleFileExtensions: ["ts", "js", "json", "node"],
  preset: "ts-jest",
  setupFilesAfterEnv: ["<rootDir>/setup.js"],
  testEnvironment: "node",
  testMatch: ["**/__tests__/**/*.ts", "**/?(*.)+(spec|test).ts"],
  testPathIgnorePatterns: ["/node_modules/", ".d.ts", ".js"],
};
`;
export const CDKTF_TEMPLATE_JEST_SETUP = `const cdktf = require("cdktf");\ncdktf.Testing.setupJest();\n`;

export function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

/**
 * `npm pack` of the named workspace packages into `dest`, with their lifecycle scripts (prepack puts
 * the licence, changelog and the core's bundled dependencies in place). Returns each package's
 * tarball file name.
 */
export function packPackages(names: string[], dest: string): Record<string, string> {
  const args = ["pack", "--json", "--pack-destination", dest, ...names.flatMap((n) => ["--workspace", n])];
  // A failure throws with npm's own stderr in its message.
  const out = execFileSync("npm", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return Object.fromEntries(JSON.parse(out).map((r: { name: string; filename: string }) => [r.name, r.filename]));
}

/** `npm install` in the app, from the npm cache where it can (the registry otherwise); at most 5 minutes. */
export function npmInstall(dir: string): void {
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], timeout: 300_000 });
}

/** What the user's stack in test/consumer-app/ (flows-stack.ts, main.ts) creates. */
export const USER_STACK = { name: "consumer-flows", bucket: "acme-consumer-flow-code", deployments: ["nightly"] };

/** The environment a user's own shell would give their app: none of jest's or cdktf's variables from this run. */
export function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("CDKTF_") && !k.startsWith("JEST_") && k !== "NODE_OPTIONS"));
}
