import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const tillStockKeysStepId = "till-stock-keys"

/**
 * The stock keys a till sale holds from its shelf check to its reservations:
 * the same keys online pickup and routed checkouts take for those inventory
 * items, so a till and a web shopper can't both take the last unit.
 */
export const tillStockKeysStep = createStep(
  tillStockKeysStepId,
  async (input: { items: { variant_id: string }[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["manage_inventory", "inventory_items.inventory_item_id"],
      filters: { id: input.items.map((i) => i.variant_id) },
    })
    const rows = data as { manage_inventory: boolean; inventory_items: ({ inventory_item_id: string } | null)[] | null }[]
    const ids = rows.flatMap((v) => (v.manage_inventory ? (v.inventory_items ?? []).flatMap((ii) => (ii ? [ii.inventory_item_id] : [])) : []))
    return new StepResponse([...new Set(ids)].map((id) => `omnichannel:stock:${id}`).sort())
  }
)
