import { adminShipments } from "../../../shipment-handlers"

export const GET = adminShipments.retrieve
