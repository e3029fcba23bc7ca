import { staffDesk } from "../../../desk-handlers"

/** Find the store's pickup matching a typed or scanned code (rate-limited). */
export const POST = staffDesk.verify
