import { staffShipments } from "../../../../../../shipment-handlers"

/** The location can't find the line: it goes to the next location by the routing rules, or is unavailable. */
export const POST = staffShipments.rejectLine
