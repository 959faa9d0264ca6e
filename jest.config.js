/** Type-checking is `npm run typecheck` (part of `npm test`); jest only transpiles. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  // The packages resolved to their sources (tsconfig.json "paths"), as examples and users import them.
  moduleNameMapper: {
    "^prefect-code-storage$": "<rootDir>/packages/core/src/index.ts",
    "^prefect-code-storage/lib/(.*)$": "<rootDir>/packages/core/src/$1",
    "^prefect-code-storage-(aws|google|azure|git)$": "<rootDir>/packages/$1/src/index.ts",
  },
  transform: {
    "^.+\\.ts$": ["ts-jest", { isolatedModules: true, diagnostics: false }],
  },
  // The Terraform tier runs `terraform init/validate/plan`; give it room on a 2-core machine.
  testTimeout: 240000,
};
