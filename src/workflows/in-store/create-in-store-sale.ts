import {
  createOrderFulfillmentWorkflow,
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  createReservationsStep,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
  markPaymentCollectionAsPaid,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { earnOrderPointsWorkflow } from "../loyalty/earn-order-points"
import { assertAvailable, findPickupShippingOptionId } from "../pickup/utils"
import { storeAvailability } from "../../lib/availability"
import { PICKUP_MODULE } from "../../modules/pickup"
import type { IPickupModuleService } from "../../types/modules"
import type { MedusaContainer } from "@medusajs/framework/types"

export type InStoreSaleInput = {
  location_id: string
  customer_id: string
  items: { variant_id: string; quantity: number }[]
  /** the staff member at the till */
  staff_id: string
}

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
  const channelOption = container.resolve<IPickupModuleService>(PICKUP_MODULE).options.inStoreSalesChannel
  const byId = channelOption.startsWith("sc_")
  const [{ data: channels }, { data: [customer] }, { data: [storeLocation] }] = await Promise.all([
    query.graph({
      entity: "sales_channel",
      fields: ["id", "name", "stock_locations.id"],
      filters: byId ? { id: channelOption } : { name: channelOption },
    }),
    query.graph({ entity: "customer", fields: ["id", "email", "has_account"], filters: { id: input.customer_id } }),
    query.graph({ entity: "stock_location", fields: ["id", "name", "address.address_1", "address.city", "address.postal_code", "address.province", "address.country_code"], filters: { id: input.location_id } }),
  ])
  const channel = channels[0] as TillChannel | undefined
  if (!channel) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Till sales need the sales channel ${byId ? channelOption : `"${channelOption}"`} (plugin option inStoreSalesChannel): create it, or set the option to the channel your shops sell in`
    )
  }
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such member")
  const location = storeLocation as TillLocation | undefined
  if (!location) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Store ${input.location_id} was not found`)
  if (!(channel.stock_locations ?? []).some((l) => l?.id === input.location_id)) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `${location.name} is not set up for till sales: add the sales channel "${channel.name}" to it (Settings → Locations & Shipping → ${location.name} → Sales channels)`
    )
  }
  return { channel, customer: customer as TillCustomer, location }
}

/**
 * Everything the sale needs, checked before anything is written: the till's
 * channel and the store's link to it, a region in the store's country, the
 * customer, the products sold in that channel, the store's shelf (stocked −
 * reserved, per inventory item: 409 naming what is short), and the store's
 * pickup option (its fulfillment provider hands goods over at the desk).
 */
export const prepareInStoreSaleStep = createStep("prepare-in-store-sale", async (input: InStoreSaleInput, { container }) => {
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
  const shippingOptionId = await findPickupShippingOptionId(container, input.location_id)
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
    email: customer.email,
    shipping_option_id: shippingOptionId,
    variants,
  })
})

export const createInStoreSaleWorkflowId = "create-in-store-sale"

/**
 * A sale at the till for a member, as a Medusa order of the In-store channel:
 * order → reservations at the store → payment collected (marked paid) →
 * fulfillment at the store from those reservations (stock leaves the shelf)
 * → delivered → points earned like any order, and order.placed. Each core
 * workflow compensates its own steps if a later one fails.
 */
export const createInStoreSaleWorkflow = createWorkflow(createInStoreSaleWorkflowId, (input: InStoreSaleInput) => {
  const prepared = prepareInStoreSaleStep(input)
  const order = createOrderWorkflow.runAsStep({
    input: transform({ input, prepared }, ({ input, prepared }) => ({
      region_id: prepared.region_id,
      customer_id: input.customer_id,
      email: prepared.email,
      sales_channel_id: prepared.sales_channel_id,
      shipping_address: prepared.shipping_address,
      billing_address: prepared.shipping_address,
      items: input.items.map((i) => ({ variant_id: i.variant_id, quantity: i.quantity })),
      metadata: { in_store: true, store_location_id: input.location_id, sold_by: input.staff_id },
      // any: lines by variant; createOrderWorkflow fills in title and price, though its input type asks for them.
    })) as any,
  })

  createReservationsStep(
    transform({ order, prepared, input }, ({ order, prepared, input }) =>
      (order.items ?? []).flatMap((line) => {
        const v = prepared.variants.find((x) => x.id === line.variant_id)
        if (!v?.manage_inventory) return []
        return (v.inventory_items ?? []).flatMap((ii) => (ii ? [ii] : [])).map((ii) => ({
          line_item_id: line.id,
          inventory_item_id: ii.inventory_item_id,
          location_id: input.location_id,
          quantity: Number(line.quantity) * Number(ii.required_quantity ?? 1),
        }))
      })
    )
  )

  // The total after Medusa's tax lines and promotions (the created order's own
  // total is read before they are applied): what the till charges.
  const { data: priced } = useQueryGraphStep({
    entity: "order",
    fields: ["id", "total"],
    filters: { id: order.id },
    options: { isList: false },
  }).config({ name: "read-in-store-sale-total" })
  const paymentCollection = createOrderPaymentCollectionWorkflow.runAsStep({
    input: transform({ priced }, ({ priced }) => ({ order_id: priced.id, amount: MathBN.convert(priced.total).toNumber() })),
  })
  markPaymentCollectionAsPaid.runAsStep({
    input: transform({ order, paymentCollection, input }, ({ order, paymentCollection, input }) => ({
      order_id: order.id,
      payment_collection_id: paymentCollection[0].id,
      captured_by: input.staff_id,
    })),
  })

  const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
    input: transform({ order, input, prepared }, ({ order, input, prepared }) => ({
      order_id: order.id,
      location_id: input.location_id,
      shipping_option_id: prepared.shipping_option_id,
      items: (order.items ?? []).map((l) => ({ id: l.id, quantity: Number(l.quantity) })),
      created_by: input.staff_id,
      no_notification: true,
    })),
  })
  markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
    input: transform({ order, fulfillment }, ({ order, fulfillment }) => ({ orderId: order.id, fulfillmentId: fulfillment.id })),
  })

  const earned = earnOrderPointsWorkflow.runAsStep({ input: transform({ order }, ({ order }) => ({ order_id: order.id })) })
  emitEventStep({ eventName: "order.placed", data: transform({ order }, ({ order }) => ({ id: order.id })) })
  return new WorkflowResponse({ order, earned })
})
