#!/usr/bin/env node
// `medusa plugin:build` ships compiled sources only: build the pickup desk app
// (desk/, React + Vite) and copy it beside the compiled plugin, where the
// /pickup-desk routes read it (.medusa/server/desk/dist: the same path from
// .medusa/server/src/api/pickup-desk as desk/dist from src/api/pickup-desk).
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { buildDesk, DESK_DIST } from "./lib/desk.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
await buildDesk()
const to = path.join(root, ".medusa/server/desk/dist")
fs.rmSync(to, { recursive: true, force: true })
fs.cpSync(DESK_DIST, to, { recursive: true })
console.log(`copied desk/dist → .medusa/server/desk/dist (${fs.readdirSync(to).join(", ")})`)
