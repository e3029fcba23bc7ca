import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_MODULE } from "../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../modules/loyalty/service"
import { DEFAULT_PROGRAM } from "../../../../modules/loyalty/types"
import type { AdminUpsertLoyaltyProgramType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
  res.json({ program: await service.getProgramSettings() })
}

/** Creates the program on first save, then updates it (JSON fields replaced whole). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertLoyaltyProgramType>, res: MedusaResponse) => {
  const service: LoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
  const current = await service.getProgramSettings()
  if (current.id) {
    await service.updateLoyaltyPrograms({ id: current.id, ...req.validatedBody } as any)
  } else {
    await service.createLoyaltyPrograms({ ...DEFAULT_PROGRAM, ...req.validatedBody } as any)
  }
  res.json({ program: await service.getProgramSettings() })
}
