import { adminDesk } from "../../../desk-handlers"

export const GET = adminDesk.retrieve
