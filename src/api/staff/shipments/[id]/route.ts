import { staffShipments } from "../../../shipment-handlers"

export const GET = staffShipments.retrieve
