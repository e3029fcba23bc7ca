import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import PickupModule from "../modules/pickup"

// Read-only: the pickup record already holds location_id, so no link table is
// needed; query.graph can still walk pickup_store -> stock_location.
export default defineLink(
  {
    linkable: PickupModule.linkable.pickupStore,
    field: "location_id",
  },
  StockLocationModule.linkable.stockLocation,
  { readOnly: true }
)
