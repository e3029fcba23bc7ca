import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveCart } from "../../../../../lib/carts"
import { applyCartPointsWorkflow, removeCartPointsWorkflow } from "../../../../../workflows/loyalty/apply-cart-points"
import type { StoreApplyCartPointsType } from "../../../../admin/loyalty/validators"
import { omnichannelRoute } from "../../../../utils/own-errors"
import type { StoreApplyCartPointsResponse } from "../../../../../types/http"

const CART_FIELDS = ["id", "currency_code", "total", "subtotal", "credit_line_total", "credit_lines.*", "payment_collection.amount"]

/** Pay part of the cart with points: 409 with the limits when they do not fit. */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<StoreApplyCartPointsType>, res: MedusaResponse) => {
  const { result } = await applyCartPointsWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id, points: req.validatedBody.points },
  })
  res.json({
    cart: await retrieveCart(req.scope, req.params.id, CART_FIELDS),
    loyalty: { points: req.validatedBody.points, amount: result.amount, available: result.available, max_points: result.max_points },
  } satisfies StoreApplyCartPointsResponse)
})

export const DELETE = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await removeCartPointsWorkflow(req.scope).run({ input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id } })
  res.json({ cart: await retrieveCart(req.scope, req.params.id, CART_FIELDS) })
})
