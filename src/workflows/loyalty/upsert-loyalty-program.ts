import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type { ILoyaltyModuleService } from "../../types/modules"
import { DEFAULT_PROGRAM, type LoyaltyProgramSettings } from "../../modules/loyalty/types"

export type UpsertLoyaltyProgramInput = Partial<LoyaltyProgramSettings>
type Undo = { id: string; previous: LoyaltyProgramSettings | null }

/**
 * Creates the program on first save (defaults + the changes), then updates it
 * (JSON fields replaced whole). Compensation: the previous settings back, or
 * the created program removed.
 */
export const upsertLoyaltyProgramStep = createStep(
  "upsert-loyalty-program",
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

export const upsertLoyaltyProgramWorkflowId = "upsert-loyalty-program"

/** The merchant's loyalty settings, saved; `loyalty.program_updated` after. */
export const upsertLoyaltyProgramWorkflow = createWorkflow(upsertLoyaltyProgramWorkflowId, (input: UpsertLoyaltyProgramInput) => {
  const program = upsertLoyaltyProgramStep(input)
  emitEventStep(
    transform({ program }, ({ program }) => ({ eventName: "loyalty.program_updated", data: { id: program.id } }))
  )
  return new WorkflowResponse(program)
})
