import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendDeskFile } from "../send-desk-file"

export const GET = async (_req: MedusaRequest, res: MedusaResponse) => sendDeskFile(res, "desk.css", "text/css; charset=utf-8")
