import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { classifyShippingOptions } from "../../lib/pickup-options"
import { cartLines, pickupShortfalls } from "../../lib/pickup-shortfall"
import { assertAvailable } from "../../workflows/pickup/utils"
import { omnichannelMiddleware } from "../utils/own-errors"

type ListedOption = { id: string; insufficient_inventory?: boolean }

/**
 * On Medusa's GET /store/shipping-options?cart_id: a store's pickup option is
 * `insufficient_inventory` when the store lacks the cart net of its safety
 * stock (Medusa counts only stocked − reserved), so a core storefront shows it
 * as it shows any short option. Everything else in the answer is Medusa's.
 */
async function markShortPickupOptions(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = (req.query as { cart_id?: unknown }).cart_id
  if (typeof cartId !== "string") return next()
  const send = res.json.bind(res)
  // Medusa's handler answers synchronously with its body; the check is async, then the body goes out.
  res.json = ((body: { shipping_options?: ListedOption[] }) => {
    const options = body?.shipping_options
    if (!Array.isArray(options) || !options.length) return send(body)
    void (async () => {
      try {
        const kinds = await classifyShippingOptions(req.scope, options.map((o) => o.id))
        const stores = new Map<string, string>()
        for (const [id, k] of kinds) if (k.kind === "pickup" && k.location_id) stores.set(id, k.location_id)
        const cart = stores.size ? await cartLines(req.scope, cartId) : null
        const short = cart
          ? await pickupShortfalls(req.scope, cart, [...new Set(stores.values())], { onlyWithSafetyStock: true })
          : new Map()
        for (const o of options) if (short.has(stores.get(o.id) ?? "")) o.insufficient_inventory = true
      } catch {
        // Medusa's answer stands when the extra check can't be made.
      }
      send(body)
    })()
    return res
  }) as MedusaResponse["json"]
  next()
}

/**
 * On Medusa's POST /store/carts/:id/shipping-methods (what Medusa's own
 * storefront calls to choose pickup): a store's pickup option that can't
 * supply the cart net of its safety stock is a 409 naming the items, what is
 * there and the store, as the plugin's pickup route answers, before the cart
 * changes (completion checks again: stock can go between the two).
 */
async function refuseShortPickupOption(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const optionId = ((req.validatedBody ?? req.body) as { option_id?: unknown } | undefined)?.option_id
  if (typeof optionId !== "string") return next()
  const kind = (await classifyShippingOptions(req.scope, [optionId])).get(optionId)
  if (kind?.kind !== "pickup" || !kind.location_id) return next()
  const cart = await cartLines(req.scope, req.params.id)
  if (!cart) return next() // Medusa's route answers the 404
  const short = (await pickupShortfalls(req.scope, cart, [kind.location_id])).get(kind.location_id)
  if (short) {
    assertAvailable(kind.location_name ?? kind.location_id, short, new Map(cart.items.map((i) => [i.variant_id, i.variant_sku ?? i.variant_id])))
  }
  next()
}

export const markShortPickupShippingOptions = markShortPickupOptions
export const refuseShortPickupShippingMethod = omnichannelMiddleware(refuseShortPickupOption)
