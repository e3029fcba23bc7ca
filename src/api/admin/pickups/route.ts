import { adminDesk } from "../../desk-handlers"

/** The store queue: arrived first, then by ready-by time and slot. */
export const GET = adminDesk.list
