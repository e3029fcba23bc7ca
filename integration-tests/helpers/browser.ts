import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { chromium, type Browser } from "playwright-core"

/** Debian's chromium (apt-get install chromium); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  })
}

/**
 * Where screenshots go: a temporary folder by default, so a test run leaves
 * the tree clean; SCREENSHOT_DIR=docs/screenshots refreshes the committed ones.
 */
export function screenshotPath(name: string) {
  const dir = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), "omnichannel-screenshots")
  fs.mkdirSync(dir, { recursive: true })
  return path.join(dir, name)
}

/**
 * Screenshots of a test against the demo's `medusa develop`, which restarts
 * on any file written in the project: they wait in a temporary folder and
 * `publish()` copies them to SCREENSHOT_DIR once the demo has stopped.
 */
export function stagedScreenshots() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omnichannel-shots-"))
  return {
    path: (name: string) => path.join(dir, name),
    publish: () => {
      const target = process.env.SCREENSHOT_DIR
      if (!target) return
      fs.mkdirSync(target, { recursive: true })
      for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(target, f))
    },
  }
}
