import { execFileSync } from "node:child_process"
import fs from "node:fs"

/**
 * The browser tests drive Debian's Chromium. On a machine without it, install
 * it when we can (root with apt-get, as on CI and this project's dev
 * machines), so `npm install && npm test` stays the whole set-up; otherwise
 * say exactly what is missing. CHROMIUM_PATH points at another build.
 */
export function ensureChromium() {
  const target = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
  if (fs.existsSync(target)) return target
  const canApt = !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")
  if (!canApt) {
    throw new Error(`Browser tests need Chromium at ${target}: apt-get install chromium, or set CHROMIUM_PATH`)
  }
  console.log("\nInstalling Debian's chromium for the browser tests (apt-get install chromium)…")
  const apt = (args) => execFileSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } })
  try {
    apt(["install", "-y", "--no-install-recommends", "chromium"])
  } catch {
    apt(["update"])
    apt(["install", "-y", "--no-install-recommends", "chromium"])
  }
  return target
}
