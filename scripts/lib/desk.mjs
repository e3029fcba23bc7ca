// Builds the pickup desk app (desk/ → desk/dist) when the build is missing or
// older than any of its sources: desk/, and src/client and src/types (the
// typed client and the status words it bundles). Called by `npm run build`,
// the demo and the test runner's global setup, so the /pickup-desk route of
// an app booted from src always finds a current build.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const dir = path.join(root, "desk")
export const DESK_DIST = path.join(dir, "dist")
const BUILT = ["desk.html", "desk.js", "desk.css", "favicon.svg"]

function newest(p) {
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).filter((f) => f !== "dist").map((f) => newest(path.join(p, f))))
}

/** The oldest built file's time, or -1 when one is missing. */
function builtAt() {
  let oldest = Infinity
  for (const f of BUILT) {
    const p = path.join(DESK_DIST, f)
    if (!fs.existsSync(p)) return -1
    oldest = Math.min(oldest, fs.statSync(p).mtimeMs)
  }
  return oldest
}

export function buildDesk() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--config", path.join(dir, "vite.config.mts")], {
      cwd: root,
      // React's production build whatever the caller's NODE_ENV (jest sets "test", and Vite would follow it).
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
    })
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`vite build of the desk exited with code ${code}`))))
  })
}

export async function ensureDeskBuilt(log = () => {}) {
  const sources = Math.max(newest(dir), newest(path.join(root, "src", "client")), newest(path.join(root, "src", "types")))
  if (builtAt() >= sources) return false
  log("› Building the pickup desk (desk/ → desk/dist)…")
  await buildDesk()
  return true
}
