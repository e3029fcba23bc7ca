import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { repairStockDriftWorkflow } from "../../../../workflows/inventory"
import { omnichannelRoute } from "../../../utils/own-errors"

/** Sets drifted levels (all, or `level_ids`) to their live reservations; logged. */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<{ level_ids?: string[] }>, res: MedusaResponse) => {
  const { result } = await repairStockDriftWorkflow(req.scope).run({
    input: { level_ids: req.validatedBody?.level_ids, actor: `user:${req.auth_context.actor_id}` },
  })
  res.json({ repaired: result, count: result.length })
})
