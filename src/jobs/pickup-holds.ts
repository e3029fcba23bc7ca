import type { MedusaContainer } from "@medusajs/framework/types"
import { processPickupHolds } from "../lib/pickup-holds"

/** Reminds shoppers a day before a ready order's hold ends, and expires it when it does. */
export default async function pickupHoldsJob(container: MedusaContainer) {
  await processPickupHolds(container, new Date())
}

export const config = {
  name: "omnichannel-pickup-holds",
  schedule: "*/5 * * * *",
}
