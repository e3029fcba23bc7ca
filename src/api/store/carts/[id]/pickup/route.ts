import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { removeCartPickupWorkflow, setCartPickupWorkflow } from "../../../../../workflows"
import { CartIdParam, type StoreSetCartPickupType } from "../../../validators"
import { omnichannelRoute } from "../../../../utils/own-errors"

function cartId(req: MedusaRequest) {
  const parsed = CartIdParam.safeParse(req.params.id)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `id: must be a cart_… id`)
  }
  return parsed.data
}

async function refetch(req: MedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({
    entity: "cart",
    fields: ["id", "total", "shipping_total", "shipping_methods.*", "items.id", "items.variant_id", "items.quantity"],
    filters: { id },
  })
  return cart
}

export const POST = omnichannelRoute(async (req: MedusaRequest<StoreSetCartPickupType>, res: MedusaResponse) => {
  const id = cartId(req)
  const { result } = await setCartPickupWorkflow(req.scope).run({
    input: { cart_id: id, ...req.validatedBody },
  })
  res.json({ cart: await refetch(req, id), pickup: result })
})

export const DELETE = omnichannelRoute(async (req: MedusaRequest, res: MedusaResponse) => {
  const id = cartId(req)
  await removeCartPickupWorkflow(req.scope).run({ input: { cart_id: id } })
  res.json({ cart: await refetch(req, id), pickup: null, deleted: true })
})
