import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storeRegion } from "../../../lib/till-catalog"
import type { TillPaymentData } from "../../../providers/till-payment/service"

export type AisleAddress = {
  first_name: string
  last_name: string
  address_1: string
  address_2?: string
  city: string
  postal_code: string
  country_code: string
  phone?: string
}

export type AisleOrderInput = {
  /** the shop whose till takes the order */
  location_id: string
  staff_id: string
  customer_id?: string | null
  email: string
  items: { variant_id: string; quantity: number }[]
  fulfillment: { type: "delivery"; address: AisleAddress; option_id?: string | null } | { type: "pickup"; location_id: string }
  payment: TillPaymentData
}

export const prepareAisleOrderStepId = "prepare-aisle-order"

/**
 * An order for what the shelf lacks is an online order taken at the till: it
 * goes in the store's default (online) sales channel, whose locations,
 * delivery options and routing rules the merchant set for shipping to
 * shoppers, priced in the till's region, and tagged with the shop and the
 * staff member who took it. A pickup is at a store of that channel.
 */
export const prepareAisleOrderStep = createStep(prepareAisleOrderStepId, async (input: AisleOrderInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: [store] }, region, { data: [shop] }] = await Promise.all([
    query.graph({ entity: "store", fields: ["default_sales_channel_id"] }),
    storeRegion(container, input.location_id),
    query.graph({ entity: "stock_location", fields: ["name", "address.*"], filters: { id: input.location_id } }),
  ])
  if (!store?.default_sales_channel_id) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "Ordering for a shopper needs the store's default sales channel (Settings → Store)")
  }
  const a = shop?.address
  // A pickup's tax is the store's; a delivery's is its address.
  const shipping_address =
    input.fulfillment.type === "delivery"
      ? input.fulfillment.address
      : { address_1: a?.address_1 ?? undefined, city: a?.city ?? undefined, postal_code: a?.postal_code ?? undefined, country_code: a?.country_code?.toLowerCase() }
  return new StepResponse({
    region_id: region.id,
    sales_channel_id: store.default_sales_channel_id as string,
    shipping_address,
    // Medusa completes a cart only with a provider enabled in its region, and
    // enabling the till's there would offer it to online shoppers: the cart
    // is paid through Medusa's system provider, the method and terminal
    // reference kept on the order (metadata.till_payment) for the receipt.
    payment_provider_id: "pp_system_default",
    metadata: { endless_aisle: true, store_location_id: input.location_id, sold_by: input.staff_id, till_payment: input.payment },
  })
})
