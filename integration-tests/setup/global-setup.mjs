import path from "node:path"
import { ensureChromium } from "../../scripts/lib/chromium.mjs"
import { ensureDeskBuilt } from "../../scripts/lib/desk.mjs"
import { startEmbeddedPostgres, tmpDataDir } from "../../scripts/lib/postgres.mjs"

// Uses the PostgreSQL named by DB_HOST (+ DB_PORT, DB_USERNAME, DB_PASSWORD)
// when set; otherwise starts a throw-away embedded one for this run.
export default async function globalSetup() {
  if (!process.env.OMNICHANNEL_TOPOLOGY_REDIS_URL) {
    console.log(
      "\nLeft out: integration-tests/topology (2 servers + a worker on Redis). It needs Redis:" +
        " run REDIS_URL=redis://127.0.0.1:6379/7 npm test (it empties that Redis database). .ci/run does."
    )
  }
  try {
    ensureChromium()
  } catch (e) {
    // Only the browser tests need it; they fail with this message.
    console.warn(`\n${e.message}`)
  }
  // The apps the tests boot from src serve the desk from desk/dist: build it
  // when its sources changed (a no-op otherwise).
  await ensureDeskBuilt((line) => console.log(`\n${line}`))
  if (process.env.DB_HOST) {
    return
  }
  const dataDir = path.join(tmpDataDir("omnichannel-test-pg-"), "data")
  const server = await startEmbeddedPostgres({ dataDir, persistent: false })
  // The literal "localhost": @medusajs/test-utils turns SSL on for any other host.
  process.env.DB_HOST = "localhost"
  process.env.DB_PORT = String(server.port)
  process.env.DB_USERNAME = server.user
  process.env.DB_PASSWORD = server.password
  globalThis.__OMNICHANNEL_TEST_PG__ = server
  console.log(`\nEmbedded PostgreSQL for tests on localhost:${server.port}`)
}
