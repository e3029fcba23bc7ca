import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendDeskFile } from "../send-desk-file"

/** The desk's icon (linked from desk.html; same origin, so the page's `img-src 'self'` allows it). */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) =>
  sendDeskFile(res, "favicon.svg", "image/svg+xml; charset=utf-8", "public, max-age=86400")
