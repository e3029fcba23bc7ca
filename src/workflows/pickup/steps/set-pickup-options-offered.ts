import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { FilterableShippingOptionRuleProps, RuleOperatorType } from "@medusajs/framework/types"
import { PICKUP_OPTION_FIELDS, type PickupSetsRow } from "../utils"

type RuleValue = { id: string; attribute: string; operator: RuleOperatorType; value: string }

export const setPickupOptionsOfferedStepId = "set-pickup-options-offered"

/**
 * Shows or hides a location's pickup shipping options in the store with their
 * `enabled_in_store` rule: when pickup is turned off, Medusa's own
 * GET /store/shipping-options stops listing them and POST
 * /store/carts/:id/shipping-methods refuses them (a cart that chose one
 * earlier is refused at completion). Compensation restores the old values.
 */
export const setPickupOptionsOfferedStep = createStep(
  setPickupOptionsOfferedStepId,
  async (input: { location_id: string; offered: boolean }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [location] } = await query.graph({
      entity: "stock_location",
      fields: PICKUP_OPTION_FIELDS,
      filters: { id: input.location_id },
    })
    const optionIds = ((location as PickupSetsRow | undefined)?.fulfillment_sets ?? [])
      .filter((s) => s?.type === "pickup")
      .flatMap((s) => s.service_zones ?? [])
      .flatMap((z) => z?.shipping_options ?? [])
      .map((o) => o?.id)
      .filter(Boolean)
    if (!optionIds.length) return new StepResponse<void, RuleValue[]>(undefined, [])
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const value = input.offered ? "true" : "false"
    // Medusa's filter type lacks shipping_option_id (the module filters by it), and its DTO
    // types a rule's value as { value }: the module returns the stored string ("true"/"false").
    const found = await fulfillment.listShippingOptionRules({
      shipping_option_id: optionIds,
      attribute: "enabled_in_store",
    } as FilterableShippingOptionRuleProps)
    const rules = (found as unknown as RuleValue[]).filter((r) => r.value !== value)
    if (rules.length) {
      await fulfillment.updateShippingOptionRules(
        rules.map((r) => ({ id: r.id, attribute: r.attribute, operator: r.operator, value }))
      )
    }
    return new StepResponse<void, RuleValue[]>(undefined, rules.map((r) => ({ id: r.id, attribute: r.attribute, operator: r.operator, value: r.value })))
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    await container.resolve(Modules.FULFILLMENT).updateShippingOptionRules(previous)
  }
)
