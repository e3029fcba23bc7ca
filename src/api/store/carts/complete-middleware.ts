import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { loyaltyCreditLines } from "../../../lib/loyalty-redemption"
import { classifyShippingOptions, type ShippingOptionKind } from "../../../lib/pickup-options"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"
import { routingPolicyFor } from "../../../lib/routing-data"
import { deliveryNeedsPlacing } from "../../../lib/home-delivery"
import { completeOmnichannelCartWorkflow } from "../../../workflows/checkout"
import { omnichannelMiddleware } from "../../utils/own-errors"

/**
 * Does completing this cart involve the plugin (a store's pickup option, a
 * delivery in a channel with routing rules or one Medusa might reserve away
 * from its option's location, or points)? Null when not; else what its shipping options are, handed to the
 * workflow so it need not classify them again.
 */
async function omnichannelCheckoutOf(
  scope: MedusaRequest["scope"],
  cartId: string
): Promise<{ shipping_options: Record<string, ShippingOptionKind> } | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({
    entity: "cart",
    fields: ["id", "sales_channel_id", "shipping_methods.shipping_option_id", "credit_lines.reference"],
    filters: { id: cartId },
  })
  if (!cart) return null // Medusa's route answers the 404
  const optionIds = (cart.shipping_methods ?? []).flatMap((m: { shipping_option_id?: string | null } | null) => (m?.shipping_option_id ? [m.shipping_option_id] : []))
  const kinds = await classifyShippingOptions(scope, optionIds)
  const found = { shipping_options: Object.fromEntries(kinds) }
  if (loyaltyCreditLines(cart as { credit_lines?: { reference?: string | null }[] | null }).length) return found
  const all = [...kinds.values()]
  if (all.some((k) => k.kind === "pickup" || k.kind === "removed_pickup")) return found
  const delivery = all.find((k) => k.kind === "delivery")
  if (delivery?.kind === "delivery") {
    if (await routingPolicyFor(scope, cart.sales_channel_id ?? null)) return found
    // Without rules, the stock is taken where the option ships from, when Medusa might take it elsewhere.
    if (delivery.location_id && (await deliveryNeedsPlacing(scope, cartId, delivery.location_id))) return found
  }
  // An option deleted since the shopper chose a store with the plugin's route.
  const orphaned =
    all.some((k) => k.kind === "missing") &&
    (await scope.resolve<IPickupModuleService>(PICKUP_MODULE).listPickupSelections({ cart_id: cartId })).length > 0
  return orphaned ? found : null
}

const PAYMENT_ERRORS: string[] = [
  MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
  MedusaError.Types.PAYMENT_REQUIRES_MORE_ERROR,
]

/**
 * Runs on Medusa's own POST /store/carts/:id/complete, after its query
 * validation. A cart picked up in a store (whichever route set its pickup
 * option) or paid partly with points is completed by
 * completeOmnichannelCartWorkflow, which runs Medusa's completeCartWorkflow
 * inside it, and answered exactly as Medusa's route answers: `{ type:
 * "order", order }` with the requested fields, `{ type: "cart", cart, error }`
 * for a payment that was refused or needs more, the error otherwise. Every
 * other cart goes on to Medusa's route untouched.
 */
async function completeCart(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = req.params.id
  const checkout = await omnichannelCheckoutOf(req.scope, cartId)
  if (!checkout) return next()

  const { errors, result } = await completeOmnichannelCartWorkflow(req.scope).run({
    input: { id: cartId, shipping_options: checkout.shipping_options },
    throwOnError: false,
  })

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const error = errors?.[0]?.error
  if (error) {
    if (!PAYMENT_ERRORS.includes(error.type)) throw error
    const { data: [cart] } = await query.graph({ entity: "cart", fields: defaultStoreCartFields, filters: { id: cartId } })
    res.status(200).json({ type: "cart", cart, error: { message: error.message, name: error.name, type: error.type } })
    return
  }
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: req.queryConfig?.fields ?? ["*"],
    filters: { id: result.id },
  })
  res.status(200).json({ type: "order", order })
}

/** Answers the plugin's 409s itself (see utils/own-errors); any other error goes to the app's handler. */
export const completeOmnichannelCart = omnichannelMiddleware(completeCart)
