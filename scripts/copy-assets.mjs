#!/usr/bin/env node
// `medusa plugin:build` ships compiled sources only: copy the files that are
// not TypeScript (the pickup desk page's HTML, script and styles) beside the
// compiled routes in .medusa/server.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const ASSET_DIRS = ["src/api/pickup-desk/assets"]
for (const dir of ASSET_DIRS) {
  const to = path.join(root, ".medusa/server", dir)
  fs.mkdirSync(to, { recursive: true })
  for (const f of fs.readdirSync(path.join(root, dir))) fs.copyFileSync(path.join(root, dir, f), path.join(to, f))
  console.log(`copied ${dir} → .medusa/server/${dir}`)
}
