import fs from "node:fs"
import path from "node:path"

/**
 * The pickup desk page's files (assets/desk.html, desk.js, desk.css, favicon.svg): plain
 * files, the script type-checked with `// @ts-check` (npm run typecheck).
 * `npm run build` copies them beside the compiled routes, which
 * `medusa plugin:build` alone would not (it ships compiled sources only).
 * Read once, on first use.
 */
const cache = new Map<string, string>()
export function deskAsset(name: "desk.html" | "desk.js" | "desk.css" | "favicon.svg"): string {
  let text = cache.get(name)
  if (text === undefined) {
    text = fs.readFileSync(path.join(__dirname, "assets", name), "utf8")
    cache.set(name, text)
  }
  return text
}
