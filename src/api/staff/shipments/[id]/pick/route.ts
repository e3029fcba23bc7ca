import { staffShipments } from "../../../../shipment-handlers"

export const POST = staffShipments.pick
