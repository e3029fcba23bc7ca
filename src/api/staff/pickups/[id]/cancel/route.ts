import { staffDesk } from "../../../../desk-handlers"

export const POST = staffDesk.cancel
