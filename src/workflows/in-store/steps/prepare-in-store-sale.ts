import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { assertAvailable, findPickupShippingOptionId } from "../../pickup/utils"
import { storeAvailability } from "../../../lib/availability"
import type { InStoreSaleInput } from "../create-in-store-sale"
import { omnichannelOptions } from "../../../lib/plugin-options"

/** The till's own payment provider, when the app registers it (docs/OPERATIONS.md); else Medusa's system provider. */
export const TILL_PAYMENT_PROVIDER = "pp_till_till"
const SYSTEM_PAYMENT_PROVIDER = "pp_system_default"

/** A variant as the till reads it. */
type TillVariant = {
  id: string
  sku: string | null
  title: string | null
  manage_inventory: boolean
  product: { title: string | null; sales_channels: ({ id: string } | null)[] | null } | null
  inventory_items: ({ inventory_item_id: string; required_quantity: number | null } | null)[] | null
}
type TillChannel = { id: string; name: string; stock_locations: ({ id: string } | null)[] | null }
type TillLocation = {
  id: string
  name: string
  address: { address_1: string | null; city: string | null; postal_code: string | null; province: string | null; country_code: string | null } | null
}
type TillCustomer = { id: string; email: string; has_account: boolean }

/**
 * The till's sales channel (plugin option `inStoreSalesChannel`, an id or a
 * name), the store set up to sell in it, and the customer; a store or product
 * not linked to the channel is a 409 saying what to link, before anything is
 * written (Medusa's own message would name only ids).
 */
async function resolveTill(container: MedusaContainer, input: InStoreSaleInput) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const channelOption = omnichannelOptions(container).inStoreSalesChannel
  const byId = channelOption.startsWith("sc_")
  const [{ data: channels }, { data: [customer] }, { data: [storeLocation] }] = await Promise.all([
    query.graph({
      entity: "sales_channel",
      fields: ["id", "name", "stock_locations.id"],
      filters: byId ? { id: channelOption } : { name: channelOption },
    }),
    input.customer_id
      ? query.graph({ entity: "customer", fields: ["id", "email", "has_account"], filters: { id: input.customer_id } })
      : Promise.resolve({ data: [] }),
    query.graph({ entity: "stock_location", fields: ["id", "name", "address.address_1", "address.city", "address.postal_code", "address.province", "address.country_code"], filters: { id: input.location_id } }),
  ])
  const channel = channels[0] as TillChannel | undefined
  if (!channel) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Till sales need the sales channel ${byId ? channelOption : `"${channelOption}"`} (plugin option inStoreSalesChannel): create it, or set the option to the channel your shops sell in`
    )
  }
  if (input.customer_id && !customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such member")
  const location = storeLocation as TillLocation | undefined
  if (!location) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Store ${input.location_id} was not found`)
  if (!(channel.stock_locations ?? []).some((l) => l?.id === input.location_id)) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `${location.name} is not set up for till sales: add the sales channel "${channel.name}" to it (Settings → Locations & Shipping → ${location.name} → Sales channels)`
    )
  }
  return { channel, customer: (customer ?? null) as TillCustomer | null, location }
}

/**
 * Everything the sale needs, checked before anything is written: the till's
 * channel and the store's link to it, a region in the store's country, the
 * member (none for a walk-in), the products sold in that channel, the store's shelf (stocked −
 * reserved, per inventory item: 409 naming what is short), and the store's
 * pickup option (its fulfillment provider hands goods over at the desk).
 */
export const prepareInStoreSaleStepId = "prepare-in-store-sale"

export const prepareInStoreSaleStep = createStep(prepareInStoreSaleStepId, async (input: InStoreSaleInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { channel, customer, location } = await resolveTill(container, input)
  const country = location.address?.country_code?.toLowerCase()
  const { data: regionRows } = await query.graph({ entity: "region", fields: ["id", "currency_code", "countries.iso_2"] })
  const regions = regionRows as { id: string; countries: ({ iso_2: string } | null)[] | null }[]
  const region = regions.find((r) => (r.countries ?? []).some((c) => c?.iso_2 === country)) ?? regions[0]
  if (!region) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No region to price the sale in")

  const { data: variantRows } = await query.graph({
    entity: "variant",
    fields: [
      "id",
      "sku",
      "title",
      "product.title",
      "product.sales_channels.id",
      "manage_inventory",
      "inventory_items.inventory_item_id",
      "inventory_items.required_quantity",
    ],
    filters: { id: input.items.map((i) => i.variant_id) },
  })
  const variants = variantRows as TillVariant[]
  const missing = input.items.filter((i) => !variants.some((v) => v.id === i.variant_id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `items: no variant ${missing.map((m) => m.variant_id).join(", ")}`)
  }
  const notInChannel = variants.filter((v) => !(v.product?.sales_channels ?? []).some((c) => c?.id === channel.id))
  if (notInChannel.length) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Not sold in the sales channel "${channel.name}": ${notInChannel.map((v) => v.sku ?? v.product?.title ?? v.id).join(", ")}. Add the product(s) to that channel to sell them at the till`
    )
  }
  // The shelf: the one free-stock computation (stocked − reserved; a till
  // sale keeps no safety stock back, the goods are in the shopper's hands).
  const availability = (
    await storeAvailability(container, [{ location_id: input.location_id, safety_stock: 0 }], input.items, {
      variants: new Map(
        variants.map((v) => [
          v.id,
          {
            id: v.id,
            manage_inventory: !!v.manage_inventory,
            inventory_items: (v.inventory_items ?? []).flatMap((ii) => (ii ? [ii] : [])).map((ii) => ({
              inventory_item_id: ii.inventory_item_id,
              required_quantity: Number(ii.required_quantity ?? 1),
            })),
          },
        ])
      ),
    })
  ).get(input.location_id)!
  assertAvailable(location.name, availability, new Map(variants.map((v) => [v.id, v.sku ?? v.id])))
  const [shippingOptionId, [tillProvider]] = await Promise.all([
    findPickupShippingOptionId(container, input.location_id),
    container.resolve(Modules.PAYMENT).listPaymentProviders({ id: TILL_PAYMENT_PROVIDER, is_enabled: true }),
  ])
  if (!shippingOptionId) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `${location.name} has no pickup fulfillment set up`)
  }
  // Goods change hands at the store: its address is where the sale is taxed
  // (Medusa's tax lines come from the order's shipping address).
  const address = location.address
  return new StepResponse({
    shipping_address: {
      address_1: address?.address_1 ?? undefined,
      city: address?.city ?? undefined,
      postal_code: address?.postal_code ?? undefined,
      province: address?.province ?? undefined,
      country_code: country,
    },
    sales_channel_id: channel.id,
    region_id: region.id,
    // A member's account email; a walk-in's, if they gave one for the receipt.
    email: customer?.email ?? input.email ?? null,
    payment_provider_id: tillProvider ? TILL_PAYMENT_PROVIDER : SYSTEM_PAYMENT_PROVIDER,
    shipping_option_id: shippingOptionId,
    variants,
  })
})

