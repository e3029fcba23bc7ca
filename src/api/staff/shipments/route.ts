import { staffShipments } from "../../shipment-handlers"

/** The "to ship" queue (open shipments unless ?status= says otherwise). */
export const GET = staffShipments.list
