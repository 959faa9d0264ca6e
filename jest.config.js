/** Type-checking is `npm run typecheck` (part of `npm test`); jest only transpiles. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  // The package entry points (tsconfig.json "paths"), as examples and users import them.
  moduleNameMapper: {
    "^prefect-code-storage$": "<rootDir>/src/index.ts",
    "^prefect-code-storage-(aws|google|azure|git)$": "<rootDir>/src/$1.ts",
  },
  transform: {
    "^.+\\.ts$": ["ts-jest", { isolatedModules: true, diagnostics: false }],
  },
  // The Terraform tier runs `terraform init/validate/plan`; give it room on a 2-core machine.
  testTimeout: 240000,
};
