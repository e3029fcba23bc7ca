import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreListMyPickupsType } from "../../../validators"
import { listCustomerPickups } from "./helpers"
import { omnichannelRoute } from "../../../../utils/own-errors"
import type { StoreListCustomerPickupsResponse } from "../../../../../types/http"

export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest<unknown, StoreListMyPickupsType>, res: MedusaResponse) => {
  const { limit, offset, order_id } = req.validatedQuery as StoreListMyPickupsType
  const { pickups, count } = await listCustomerPickups(req.scope, req.auth_context.actor_id, limit, offset, order_id)
  res.json({ pickups, count, limit, offset } satisfies StoreListCustomerPickupsResponse)
})
