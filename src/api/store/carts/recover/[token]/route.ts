import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { verifyRecoveryToken } from "../../../../../lib/abandoned-carts"
import { ENGAGEMENT_MODULE } from "../../../../../modules/engagement"
import type { IEngagementModuleService } from "../../../../../types/modules"

const CART_FIELDS = [
  "id",
  "email",
  "currency_code",
  "region_id",
  "sales_channel_id",
  "customer_id",
  "completed_at",
  "items.id",
  "items.title",
  "items.subtitle",
  "items.thumbnail",
  "items.quantity",
  "items.unit_price",
  "items.variant_id",
  "items.product_id",
  "items.subtotal",
  "items.total",
  "item_total",
  "subtotal",
  "shipping_total",
  "tax_total",
  "discount_total",
  "total",
]

/**
 * The cart of a reminder's recovery link, for the storefront to open it
 * again. An expired, tampered or unknown link, or one for another channel's
 * cart, is the same 404; a cart already checked out is a 409. Neither says
 * anything about the cart.
 */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const engagement = req.scope.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  const notFound = () => res.status(404).json({ type: "not_found", message: "This link is not valid or has expired" })
  const cartId = verifyRecoveryToken(engagement.recoveryKey, String(req.params.token ?? ""))
  if (!cartId) return notFound()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: cartId } })
  const channels: string[] = req.publishable_key_context?.sales_channel_ids ?? []
  if (!cart || (cart.sales_channel_id && channels.length && !channels.includes(cart.sales_channel_id))) return notFound()
  if (cart.completed_at) {
    return res.status(409).json({ type: "not_allowed", message: "This cart can no longer be recovered" })
  }
  const { completed_at, ...rest } = cart
  res.json({ cart: rest })
}
