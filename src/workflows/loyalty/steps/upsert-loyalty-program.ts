import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ILoyaltyModuleService } from "../../../types/modules"
import { DEFAULT_PROGRAM, type LoyaltyProgramSettings } from "../../../modules/loyalty/types"

export type UpsertLoyaltyProgramInput = Partial<LoyaltyProgramSettings>
type Undo = { id: string; previous: LoyaltyProgramSettings | null }

// The same string as upsertLoyaltyProgramWorkflowId: both ids are persisted, neither changes.
export const upsertLoyaltyProgramStepId = "upsert-loyalty-program"

/**
 * Creates the program on first save (defaults + the changes), then updates it
 * (JSON fields replaced whole). Compensation: the previous settings back, or
 * the created program removed.
 */
export const upsertLoyaltyProgramStep = createStep(
  upsertLoyaltyProgramStepId,
  async (input: UpsertLoyaltyProgramInput, { container }) => {
    const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const current = await service.getProgramSettings()
    if (current.id) {
      const { id, ...previous } = current
      await service.updateLoyaltyPrograms({ id, ...input })
      return new StepResponse(await service.getProgramSettings(), { id, previous } as Undo)
    }
    const [created] = await service.createLoyaltyPrograms([{ ...DEFAULT_PROGRAM, ...input }])
    return new StepResponse(await service.getProgramSettings(), { id: created.id as string, previous: null } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    if (undo.previous) await service.updateLoyaltyPrograms({ id: undo.id, ...undo.previous })
    else await service.deleteLoyaltyPrograms([undo.id])
  }
)
