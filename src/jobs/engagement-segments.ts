import type { MedusaContainer } from "@medusajs/framework/types"
import { refreshSegmentsWorkflow } from "../workflows/engagement"
import { syncPurchases } from "../lib/purchase-sync"

/**
 * Nightly: catch the read model up with every order changed since the last
 * run (an event lost, an order moved to an account by an order transfer,
 * which emits none), then refresh every segment over all customers (the
 * windows move even when nobody buys).
 */
export default async function engagementSegmentsJob(container: MedusaContainer) {
  await syncPurchases(container)
  await refreshSegmentsWorkflow(container).run({ input: {} })
}

export const config = { name: "omnichannel-engagement-segments", schedule: "15 2 * * *" }
