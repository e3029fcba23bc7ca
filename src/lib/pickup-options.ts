import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type ShippingOptionKind =
  /** a live option of a location's "pickup" fulfillment set: `location_id` is the store (null once it was removed) */
  | { kind: "pickup"; location_id: string | null; location_name: string | null }
  /** any other live option: `location_id` is its fulfillment set's location (where Medusa ships it from) */
  | { kind: "delivery"; location_id: string | null; location_name: string | null }
  /** a pickup option deleted since the shopper chose it (its store was removed or its set deleted) */
  | { kind: "removed_pickup" }
  /** no option with that id, live or deleted, of a pickup set */
  | { kind: "missing" }

/**
 * What each shipping option is, as Medusa's own storefront decides it: an
 * option whose service zone belongs to a fulfillment set of type "pickup" is a
 * pickup at that set's stock location, whoever created it (the plugin or the
 * merchant in Medusa's admin). One query for all ids.
 */
export async function classifyShippingOptions(
  container: MedusaContainer,
  optionIds: string[]
): Promise<Map<string, ShippingOptionKind>> {
  const ids = [...new Set(optionIds.filter(Boolean))]
  const result = new Map<string, ShippingOptionKind>(ids.map((id) => [id, { kind: "missing" }]))
  if (!ids.length) return result
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "shipping_option",
    fields: [
      "id",
      "service_zone.fulfillment_set.type",
      "service_zone.fulfillment_set.location.id",
      "service_zone.fulfillment_set.location.name",
    ],
    filters: { id: ids },
  })
  for (const option of data) {
    const set = option.service_zone?.fulfillment_set
    result.set(
      option.id,
      set?.type === "pickup"
        ? { kind: "pickup", location_id: set.location?.id ?? null, location_name: set.location?.name ?? null }
        : { kind: "delivery", location_id: set?.location?.id ?? null, location_name: set?.location?.name ?? null }
    )
  }
  const gone = ids.filter((id) => result.get(id)!.kind === "missing")
  if (gone.length) {
    // Deleting a stock location deletes its fulfillment sets and their options.
    const { data: deleted } = await query.graph({
      entity: "shipping_option",
      fields: ["id", "service_zone.fulfillment_set.type"],
      filters: { id: gone },
      withDeleted: true,
    })
    for (const option of deleted) {
      if (option.service_zone?.fulfillment_set?.type === "pickup") result.set(option.id, { kind: "removed_pickup" })
    }
  }
  return result
}
