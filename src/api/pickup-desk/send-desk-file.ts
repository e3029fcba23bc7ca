import type { MedusaResponse } from "@medusajs/framework/http"
import { deskAsset, NOT_BUILT, type DeskFile } from "./desk-assets"

/**
 * One of the desk's files. Fixed names, so `no-cache` (revalidate each load)
 * keeps a tablet from running yesterday's script after an upgrade.
 */
export function sendDeskFile(res: MedusaResponse, name: DeskFile, type: string, cache = "no-cache") {
  const text = deskAsset(name)
  res.setHeader("x-content-type-options", "nosniff")
  if (text === null) {
    res.status(503).setHeader("content-type", "text/plain; charset=utf-8")
    res.send(NOT_BUILT)
    return
  }
  res.setHeader("content-type", type)
  res.setHeader("cache-control", cache)
  res.send(text)
}
