import { adminDesk } from "../../../desk-handlers"

/** Find the store's pickup matching a typed or scanned code (rate-limited). */
export const POST = adminDesk.verify
