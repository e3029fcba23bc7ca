import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_MODULE } from "../../../../modules/loyalty"
import type { ILoyaltyModuleService } from "../../../../types/modules"
import { upsertLoyaltyProgramWorkflow } from "../../../../workflows/loyalty/upsert-loyalty-program"
import type { AdminUpsertLoyaltyProgramType } from "../validators"
import { omnichannelRoute } from "../../../utils/own-errors"

export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: ILoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
  res.json({ program: await service.getProgramSettings() })
})

export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<AdminUpsertLoyaltyProgramType>, res: MedusaResponse) => {
  const { result } = await upsertLoyaltyProgramWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ program: result })
})
