import { adminShipments } from "../../../../shipment-handlers"

export const POST = adminShipments.pick
