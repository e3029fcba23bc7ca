import { staffDesk } from "../../../desk-handlers"

export const GET = staffDesk.retrieve
