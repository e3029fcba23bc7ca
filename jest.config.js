const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())
// Medusa logs every migration and loader at "info"; keep test output readable.
process.env.LOG_LEVEL ??= "error"

// REDIS_URL is for the production-topology test only (2 servers + a worker it
// starts on Redis): the in-process tests keep Medusa's in-process event bus,
// locking and workflow engine, so it is handed over under another name.
// Without it that test is left out, and the global setup says so.
if (process.env.REDIS_URL) {
  process.env.OMNICHANNEL_TOPOLOGY_REDIS_URL = process.env.REDIS_URL
  delete process.env.REDIS_URL
}
const topology = !!process.env.OMNICHANNEL_TOPOLOGY_REDIS_URL

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
    "<rootDir>/desk/src/__tests__/**/*.unit.spec.ts",
    "<rootDir>/integration-tests/config/*.unit.spec.ts",
    "<rootDir>/src/modules/*/__tests__/**/*.module.spec.ts",
    "<rootDir>/integration-tests/modules/**/*.module.spec.ts",
    "<rootDir>/integration-tests/**/*.http.spec.ts",
  ],
  testPathIgnorePatterns: ["/node_modules/", ...(topology ? [] : ["<rootDir>/integration-tests/topology/"])],
  globalSetup: "<rootDir>/integration-tests/setup/global-setup.mjs",
  globalTeardown: "<rootDir>/integration-tests/setup/global-teardown.mjs",
  setupFiles: ["<rootDir>/integration-tests/setup/setup.js"],
  testTimeout: 120000,
}
