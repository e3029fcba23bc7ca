// Builds storefront/ into storefront/dist when the build is missing or older
// than any of its sources (the demo and the storefront test call this).
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const dir = path.join(root, "storefront")

function newest(p) {
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).filter((f) => f !== "dist").map((f) => newest(path.join(p, f))))
}

export async function ensureStorefrontBuilt(log = () => {}) {
  const built = path.join(dir, "dist", "index.html")
  const sources = Math.max(newest(dir), newest(path.join(root, "src", "client")), newest(path.join(root, "src", "types")))
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return
  log("› Building the storefront (storefront/ → storefront/dist)…")
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--config", path.join(dir, "vite.config.mts")], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    })
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with code ${code}`))))
  })
}
