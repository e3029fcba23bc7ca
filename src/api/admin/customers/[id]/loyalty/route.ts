import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules, MedusaError } from "@medusajs/framework/utils"
import { presentAccount } from "../../../../../lib/loyalty-present"

export async function assertCustomer(req: AuthenticatedMedusaRequest) {
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: req.params.id }, { select: ["id"] })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${req.params.id} was not found`)
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertCustomer(req)
  const { limit, offset, order_id } = req.validatedQuery as any
  res.json(await presentAccount(req.scope, req.params.id, { limit, offset, order_id, qr: false }))
}
