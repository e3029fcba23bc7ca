import fs from "node:fs"
import path from "node:path"

/**
 * The pickup desk's built files (desk.html, desk.js, desk.css, favicon.svg):
 * the React app in desk/, built by Vite into desk/dist. The same path from
 * this file in the repository (src/api/pickup-desk → desk/dist) and in the
 * package (.medusa/server/src/api/pickup-desk → .medusa/server/desk/dist,
 * where `npm run build` copies it). Read once, on first use.
 */
export const DESK_DIST = path.resolve(__dirname, "../../../desk/dist")

export type DeskFile = "desk.html" | "desk.js" | "desk.css" | "favicon.svg"

const cache = new Map<DeskFile, string>()

/** The file's text, or null when the desk is not built (a repository checkout before `npm run build:desk`). */
export function deskAsset(name: DeskFile): string | null {
  let text = cache.get(name)
  if (text === undefined) {
    try {
      text = fs.readFileSync(path.join(DESK_DIST, name), "utf8")
    } catch {
      return null // not cached: the build may come while the server runs
    }
    cache.set(name, text)
  }
  return text
}

/** What the desk's routes answer without a build: plain words for whoever runs the server. */
export const NOT_BUILT = "The pickup desk is not built: run `npm run build:desk` (npm run build and the demo do it)."
