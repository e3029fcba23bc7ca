const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())
// Medusa logs every migration and loader at "info"; keep test output readable.
process.env.LOG_LEVEL ??= "error"

// One run covers the three kinds of tests, named by suffix:
//   *.unit.spec.ts   pure logic (no database)
//   *.module.spec.ts a module's service against a real PostgreSQL
//   *.http.spec.ts   the whole app booted, driven through HTTP
// PostgreSQL: DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD when set, otherwise an
// embedded server started by global-setup on a free port.
module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          transform: { decoratorMetadata: true, react: { runtime: "automatic" } },
          target: "es2021",
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
  testMatch: [
    "<rootDir>/src/**/__tests__/**/*.unit.spec.ts",
    "<rootDir>/data/__tests__/**/*.unit.spec.ts",
    "<rootDir>/src/modules/*/__tests__/**/*.module.spec.ts",
    "<rootDir>/integration-tests/modules/**/*.module.spec.ts",
    "<rootDir>/integration-tests/**/*.http.spec.ts",
  ],
  globalSetup: "<rootDir>/integration-tests/setup/global-setup.mjs",
  globalTeardown: "<rootDir>/integration-tests/setup/global-teardown.mjs",
  setupFiles: ["<rootDir>/integration-tests/setup/setup.js"],
  testTimeout: 120000,
}
