import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import pg from "pg"
import net from "node:net"

function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on("error", reject)
  })
}

export type DemoApp = { base: string; shop: string; keys: Record<string, string>; databaseUrl: string; stop: () => Promise<void> }

/**
 * The demo app exactly as `npm run demo` runs it (migrations, seed, `medusa
 * develop` with the admin dashboard), on a fresh database of the test
 * PostgreSQL and a free port. Used by the admin browser tests: the test
 * runner of @medusajs/test-utils boots Medusa without the dashboard.
 */
export async function startDemoApp(): Promise<DemoApp> {
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  const auth = DB_PASSWORD ? `${DB_USERNAME}:${DB_PASSWORD}` : `${DB_USERNAME ?? "postgres"}`
  const server = `postgres://${auth}@${DB_HOST ?? "localhost"}:${DB_PORT ?? 5432}`
  const name = `omnichannel_admin_${Date.now()}`
  const admin = new pg.Client({ connectionString: `${server}/postgres` })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const databaseUrl = `${server}/${name}`
  const port = await getFreePort()
  const root = path.resolve(__dirname, "../..")
  const child: ChildProcess = spawn(process.execPath, ["scripts/demo.mjs"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "development", LOG_LEVEL: "error", NODE_OPTIONS: "", SHOP_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  let output = ""
  child.stdout!.on("data", (d) => (output += d))
  child.stderr!.on("data", (d) => (output += d))
  const deadline = Date.now() + 6 * 60_000
  while (!output.includes("Omnichannel demo is running")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`demo did not start:\n${output.slice(-4000)}`)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  const keys = Object.fromEntries(
    [...output.matchAll(/^\s+(Web store|Mobile app|In-store) key\s+(pk_\w+)/gm)].map((m) => [m[1], m[2]])
  )
  const shop = output.match(/^\s+Web shop\s+(http:\/\/\S+)/m)?.[1]
  if (!shop) throw new Error(`demo printed no storefront URL:\n${output.slice(-2000)}`)
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGINT")
    } catch {}
    const until = Date.now() + 30_000
    while (child.exitCode === null && child.signalCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 200))
    try {
      process.kill(-child.pid!, "SIGKILL")
    } catch {}
    const cleanup = new pg.Client({ connectionString: `${server}/postgres` })
    await cleanup.connect()
    await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => {})
    await cleanup.end()
  }
  return { base: `http://localhost:${port}`, shop, keys, databaseUrl, stop }
}
