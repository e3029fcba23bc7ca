import { spawnSync } from "node:child_process"
import path from "node:path"

const root = path.resolve(__dirname, "../..")

/**
 * The one-way layers (api → workflows → modules; src/lib and src/shared never
 * import upwards; no import cycles), checked by dependency-cruiser with
 * .dependency-cruiser.cjs. Run as a child process: dependency-cruiser is ESM
 * only and jest loads tests as CommonJS.
 */
describe("layers", () => {
  it("has no back-arrow and no cycle in src", () => {
    const run = spawnSync(process.execPath, [path.join(root, "scripts/check-layers.mjs")], {
      cwd: root,
      // NODE_OPTIONS of `npm test` (vm modules, heap size) are not for the child.
      env: { PATH: process.env.PATH ?? "" },
      encoding: "utf8",
    })
    // The violations themselves are the failure message.
    expect(run.stderr.trim()).toBe("")
    expect(run.status).toBe(0)
  }, 60000)
})
