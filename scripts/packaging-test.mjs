#!/usr/bin/env node
// Packaging test: proves this repository is an installable plugin, not only an
// app. Builds it, packs it with `npm pack`, installs the tarball into a fresh
// minimal Medusa app in a temporary folder, registers it under `plugins`,
// migrates, boots `medusa start` and expects a 200 from a plugin route.
//
// PostgreSQL: DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD when set, otherwise an
// embedded server (as for `npm test`).
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { getFreePort, scratchDatabase } from "./lib/postgres.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
const work = fs.mkdtempSync(path.join(os.tmpdir(), "omnichannel-packaging-"))
const appDir = path.join(work, "app")
const started = Date.now()
const cleanups = []

const step = (msg) => console.log(`[packaging ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}`)

function sh(cmd, args, { cwd, env, timeoutMs = 10 * 60_000, quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    const out = []
    const stdout = []
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    const collect = (d) => (quiet ? out.push(d) : process.stdout.write(d))
    child.stdout.on("data", (d) => (stdout.push(d), collect(d)))
    child.stderr.on("data", collect)
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs)
    child.on("exit", (code) => {
      clearTimeout(timer)
      const text = Buffer.concat(out.map((b) => Buffer.from(b))).toString()
      code === 0
        ? resolve(Buffer.concat(stdout).toString())
        : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}\n${text.split("\n").slice(-40).join("\n")}`))
    })
  })
}

async function waitForHealth(url, child, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`medusa start exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/health`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error("medusa start did not become healthy")
}

async function main() {
  step(`building ${pkg.name}`)
  await sh("npm", ["run", "build"], { cwd: root })

  step("packing")
  const packed = JSON.parse(await sh("npm", ["pack", "--json", "--pack-destination", work], { cwd: root }))
  const tarball = path.join(work, packed[0].filename)
  const files = packed[0].files.map((f) => f.path)
  for (const required of [
    ".medusa/server/src/modules/pickup/index.js",
    ".medusa/server/src/workflows/index.js",
    ".medusa/server/src/api/middlewares.js",
    ".medusa/server/src/admin/index.mjs",
  ]) {
    if (!files.includes(required)) throw new Error(`tarball lacks ${required}`)
  }
  if (files.some((f) => f.includes("__tests__") || f.startsWith("src/") || f.startsWith("data/"))) {
    throw new Error("tarball ships sources or tests it should not")
  }
  step(`packed ${packed[0].filename} (${files.length} files, ${(packed[0].size / 1024).toFixed(0)} kB)`)

  // A fresh Medusa app: only Medusa itself, the plugin's peers and the tarball.
  fs.mkdirSync(appDir)
  const medusaVersion = pkg.devDependencies["@medusajs/medusa"]
  fs.writeFileSync(
    path.join(appDir, "package.json"),
    JSON.stringify(
      {
        name: "packaging-test-app",
        private: true,
        dependencies: {
          ...pkg.peerDependencies,
          "@medusajs/medusa": medusaVersion,
          [pkg.name]: `file:${tarball}`,
        },
        allowScripts: pkg.allowScripts,
      },
      null,
      2
    )
  )
  fs.writeFileSync(
    path.join(appDir, "medusa-config.js"),
    `const { defineConfig } = require("@medusajs/framework/utils")
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "test", cookieSecret: "test", storeCors: "*", adminCors: "*", authCors: "*" },
  },
  admin: { disable: true },
  plugins: [{ resolve: "${pkg.name}", options: {} }],
})
`
  )

  step("npm install in the fresh app")
  await sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: appDir, timeoutMs: 15 * 60_000 })

  const database = await scratchDatabase(`omnichannel_packaging_${Date.now()}`, "omnichannel-pack-pg-")
  cleanups.push(database.stop)
  const databaseUrl = database.url

  const env = { DATABASE_URL: databaseUrl, NODE_ENV: "production", LOG_LEVEL: "error" }
  const medusa = path.join(appDir, "node_modules", ".bin", "medusa")

  step("medusa db:migrate (core + plugin migrations, link sync)")
  await sh(medusa, ["db:migrate"], { cwd: appDir, env })
  await sh(medusa, ["user", "-e", "admin@example.com", "-p", "supersecret"], { cwd: appDir, env })

  const port = await getFreePort()
  step(`medusa start on :${port}`)
  const server = spawn(medusa, ["start"], { cwd: appDir, env: { ...process.env, ...env, PORT: String(port) }, stdio: "ignore", detached: true })
  cleanups.unshift(async () => {
    try {
      process.kill(-server.pid, "SIGKILL")
    } catch {}
  })
  const base = `http://localhost:${port}`
  await waitForHealth(base, server)

  const login = await fetch(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@example.com", password: "supersecret" }),
  })
  const { token } = await login.json()
  if (!token) throw new Error(`admin login failed: ${login.status}`)
  const headers = { authorization: `Bearer ${token}` }

  const list = await fetch(`${base}/admin/pickup-stores`, { headers })
  const body = await list.json()
  if (list.status !== 200 || !Array.isArray(body.stores)) {
    throw new Error(`GET /admin/pickup-stores → ${list.status} ${JSON.stringify(body)}`)
  }
  step(`GET /admin/pickup-stores → 200 (${body.count} stores)`)

  // The plugin's validation middleware is loaded too.
  const bad = await fetch(`${base}/admin/pickup-stores?limit=abc`, { headers })
  if (bad.status !== 400) throw new Error(`GET /admin/pickup-stores?limit=abc → ${bad.status}, expected 400`)
  step("GET /admin/pickup-stores?limit=abc → 400 (plugin middlewares loaded)")

  // Store staff: the plugin's staff module (migrated), its actor type and the desk page.
  const created = await fetch(`${base}/admin/pickup-staff`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ email: "desk@example.com", password: "desk-password", first_name: "Desk", last_name: "Staff" }),
  })
  if (created.status !== 201) throw new Error(`POST /admin/pickup-staff → ${created.status} ${await created.text()}`)
  const staffLogin = await fetch(`${base}/auth/staff/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "desk@example.com", password: "desk-password" }),
  })
  const { token: staffToken } = await staffLogin.json()
  const me = await fetch(`${base}/staff/me`, { headers: { authorization: `Bearer ${staffToken}` } })
  if (me.status !== 200) throw new Error(`GET /staff/me → ${me.status}`)
  const asAdmin = await fetch(`${base}/staff/me`, { headers })
  if (asAdmin.status !== 401) throw new Error(`GET /staff/me with an admin token → ${asAdmin.status}, expected 401`)
  step("POST /admin/pickup-staff → 201; staff log in; GET /staff/me → 200 (admin token → 401)")
  const page = await fetch(`${base}/pickup-desk`)
  const html = await page.text()
  const script = await fetch(`${base}/pickup-desk/desk.js`)
  if (page.status !== 200 || !html.includes("Pickup desk") || script.status !== 200) {
    throw new Error(`GET /pickup-desk → ${page.status}, desk.js → ${script.status}`)
  }
  step("GET /pickup-desk and /pickup-desk/desk.js → 200")
  const program = await fetch(`${base}/admin/loyalty/program`, { headers })
  const programBody = await program.json()
  if (program.status !== 200 || programBody.program?.enabled !== true) {
    throw new Error(`GET /admin/loyalty/program → ${program.status} ${JSON.stringify(programBody)}`)
  }
  step("GET /admin/loyalty/program → 200 (loyalty module migrated)")
}

let failed = false
try {
  await main()
  console.log("\npackaging: 1 passed, 0 failed")
} catch (e) {
  failed = true
  console.error(`\npackaging test failed: ${e.message}`)
  console.log("\npackaging: 0 passed, 1 failed")
} finally {
  for (const c of cleanups) {
    try {
      await c()
    } catch {}
  }
  fs.rmSync(work, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
