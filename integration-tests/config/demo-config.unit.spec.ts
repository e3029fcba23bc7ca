import { spawnSync } from "node:child_process"
import path from "node:path"
import { PUBLISHED_SECRETS } from "../../src/lib/production-secrets"

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
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: "j".repeat(32), COOKIE_SECRET: "c".repeat(32), PICKUP_CODE_SECRET: "p".repeat(32) }).http).toEqual(
      expect.objectContaining({ jwtSecret: "j".repeat(32), cookieSecret: "c".repeat(32) })
    )
    const dev = loadConfig({ NODE_ENV: "development" }).http
    expect(dev.jwtSecret).toMatch(/development-only$/)
    expect(dev.jwtSecret).not.toBe("supersecret")
  })

  const good = { JWT_SECRET: "j".repeat(32), COOKIE_SECRET: "c".repeat(32), PICKUP_CODE_SECRET: "p".repeat(32) }

  it("refuses short secrets under NODE_ENV=production, naming the variable in one line", () => {
    for (const name of ["JWT_SECRET", "COOKIE_SECRET", "PICKUP_CODE_SECRET"]) {
      const run = loadConfig({ NODE_ENV: "production", ...good, [name]: "x".repeat(31) })
      expect(run.status).not.toBe(0)
      expect(run.stderr).toContain(`Error: ${name} must be at least 32 characters when NODE_ENV=production (medusa-config.js)\n`)
    }
    expect(loadConfig({ NODE_ENV: "production", ...good, PICKUP_CODE_SECRET: "" }).stderr).toContain(
      "PICKUP_CODE_SECRET must be set when NODE_ENV=production"
    )
  })

  it("refuses every published development value (the plugin's list), for each variable", () => {
    for (const value of PUBLISHED_SECRETS) {
      const run = loadConfig({ NODE_ENV: "production", ...good, JWT_SECRET: value })
      expect(run.stderr).toContain("JWT_SECRET is a published development value; set a random one when NODE_ENV=production")
    }
    for (const name of ["COOKIE_SECRET", "PICKUP_CODE_SECRET"]) {
      expect(loadConfig({ NODE_ENV: "production", ...good, [name]: "supersecret" }).stderr).toContain(`${name} is a published development value`)
    }
    // The repository's development pickup secret is long enough: refused for being published.
    expect(loadConfig({ NODE_ENV: "production", ...good, PICKUP_CODE_SECRET: "omnichannel-development-pickup-code-secret" }).stderr).toContain(
      "PICKUP_CODE_SECRET is a published development value"
    )
  })
})
