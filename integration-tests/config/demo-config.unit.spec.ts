import { spawnSync } from "node:child_process"
import path from "node:path"

const root = path.resolve(__dirname, "../..")

/** Loads medusa-config.js in a fresh Node with `env`: the config object, or the error it throws. */
function loadConfig(env: Record<string, string>) {
  const run = spawnSync(
    process.execPath,
    // ts-node: defineConfig resolves the demo's TypeScript modules.
    ["-r", "ts-node/register", "-e", "const c = require('./medusa-config.js'); process.stdout.write(JSON.stringify(c.projectConfig.http))"],
    { cwd: root, env: { PATH: process.env.PATH ?? "", TS_NODE_TRANSPILE_ONLY: "true", ...env }, encoding: "utf8" }
  )
  return { status: run.status, http: run.status === 0 ? JSON.parse(run.stdout) : null, stderr: run.stderr }
}

describe("the demo app's secrets", () => {
  it("refuses to load under NODE_ENV=production without JWT_SECRET, naming it", () => {
    const run = loadConfig({ NODE_ENV: "production", COOKIE_SECRET: "c".repeat(32) })
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain("JWT_SECRET must be set when NODE_ENV=production")
  })

  it("refuses to load under NODE_ENV=production without COOKIE_SECRET", () => {
    const run = loadConfig({ NODE_ENV: "production", JWT_SECRET: "j".repeat(32) })
    expect(run.stderr).toContain("COOKIE_SECRET must be set when NODE_ENV=production")
  })

  it("uses the secrets it is given, and development-only ones outside production", () => {
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: "j".repeat(32), COOKIE_SECRET: "c".repeat(32) }).http).toEqual(
      expect.objectContaining({ jwtSecret: "j".repeat(32), cookieSecret: "c".repeat(32) })
    )
    const dev = loadConfig({ NODE_ENV: "development" }).http
    expect(dev.jwtSecret).toMatch(/development-only$/)
    expect(dev.jwtSecret).not.toBe("supersecret")
  })
})
