/**
 * The plugin's layers point one way: api → workflows → modules, with src/lib
 * (pure helpers and shared reads) beside the workflows and src/shared (what
 * every layer may use: option parsing, SQL helpers) under everything.
 * A module owns its pure code and types, so it runs and is tested alone.
 * Checked by `npm test` (integration-tests/config/layers.unit.spec.ts) and
 * `npm run check:layers`.
 *
 * The desk app (desk/) is checked too: it reaches the plugin only through
 * src/client and src/types, as a merchant's client would.
 *
 * Tests are left out of the layer rules (a module's test may drive a
 * workflow), not out of the cycle rule.
 */
const TESTS = "(^|/)__tests__/"

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "module-imports-upper-layer",
      comment: "A module imports nothing from src/lib, src/workflows or src/api: it owns its code and types.",
      severity: "error",
      from: { path: "^src/modules/", pathNot: TESTS },
      to: { path: "^src/(lib|workflows|api)/" },
    },
    {
      name: "module-imports-another-module",
      comment: "A module does not reach into another module's files (Medusa isolates modules; links and workflows join them).",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/", pathNot: TESTS },
      to: { path: "^src/modules/", pathNot: ["^src/modules/$1/"] },
    },
    {
      name: "shared-imports-a-layer",
      comment: "src/shared sits under every layer: it imports none of them.",
      severity: "error",
      from: { path: "^src/shared/", pathNot: TESTS },
      to: { path: "^src/(modules|lib|workflows|api)/" },
    },
    {
      name: "workflow-imports-api",
      comment: "Workflows don't know the HTTP layer that calls them.",
      severity: "error",
      from: { path: "^src/workflows/", pathNot: TESTS },
      to: { path: "^src/api/" },
    },
    {
      name: "lib-imports-workflows-or-api",
      comment: "src/lib helpers are called by workflows and routes, never the other way round.",
      severity: "error",
      from: { path: "^src/lib/", pathNot: TESTS },
      to: { path: "^src/(workflows|api)/" },
    },
    {
      name: "desk-app-imports-only-the-client",
      comment: "The pickup desk app (desk/) is a client like the storefront: of the plugin it imports the typed client and the types only.",
      severity: "error",
      from: { path: "^desk/" },
      to: { path: "^src/", pathNot: "^src/(client|types)/" },
    },
    {
      name: "no-circular",
      comment: "No import cycles in src or the desk app (type-only imports vanish at runtime and are not counted).",
      severity: "error",
      from: { path: "^(src|desk)/" },
      // Neither the first import nor any along the cycle may be type-only for it to count.
      to: { circular: true, dependencyTypesNot: ["type-only"], viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.medusa|dist)/" },
    // Sees `import type` too, so a module can't borrow a type from an upper layer.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
}
