import { adminDesk } from "../../../../desk-handlers"

export const POST = adminDesk.cancel
