import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { UpdateFulfillmentRoutingInput } from "../update-fulfillment-routing"

export const validateRoutingReferencesStepId = "validate-routing-references"

/**
 * Every location and sales channel the settings name exists (400 naming the
 * field, e.g. `default.priority.2`). Nothing is written.
 */
export const validateRoutingReferencesStep = createStep(
  validateRoutingReferencesStepId,
  async (input: UpdateFulfillmentRoutingInput, { container }) => {
    const fields: { path: string; id: string; kind: "location" | "channel" }[] = []
    input.default?.priority?.forEach((id, i) => fields.push({ path: `default.priority.${i}`, id, kind: "location" }))
    input.channels?.forEach((c, i) => {
      fields.push({ path: `channels.${i}.sales_channel_id`, id: c.sales_channel_id, kind: "channel" })
      c.policy?.priority?.forEach((id, j) => fields.push({ path: `channels.${i}.policy.priority.${j}`, id, kind: "location" }))
    })
    input.locations?.forEach((l, i) => fields.push({ path: `locations.${i}.location_id`, id: l.location_id, kind: "location" }))

    const locationIds = [...new Set(fields.filter((f) => f.kind === "location").map((f) => f.id))]
    const channelIds = [...new Set(fields.filter((f) => f.kind === "channel").map((f) => f.id))]
    const [locations, channels] = await Promise.all([
      locationIds.length
        ? container.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: locationIds }, { select: ["id"], take: null })
        : [],
      channelIds.length
        ? container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ id: channelIds }, { select: ["id"], take: null })
        : [],
    ])
    const known = new Set([...locations.map((l) => l.id), ...channels.map((c) => c.id)])
    const unknown = fields.filter((f) => !known.has(f.id))
    if (unknown.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        unknown.map((f) => `${f.path}: unknown ${f.kind === "location" ? "stock location" : "sales channel"} ${f.id}`).join("; ")
      )
    }
    return new StepResponse(undefined)
  }
)
