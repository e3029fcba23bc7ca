import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertLoyaltyProgramStep, type UpsertLoyaltyProgramInput } from "./steps/upsert-loyalty-program"

export type { UpsertLoyaltyProgramInput }

export const upsertLoyaltyProgramWorkflowId = "upsert-loyalty-program"

/** The merchant's loyalty settings, saved; `loyalty.program_updated` after. */
export const upsertLoyaltyProgramWorkflow = createWorkflow(upsertLoyaltyProgramWorkflowId, (input: UpsertLoyaltyProgramInput) => {
  const program = upsertLoyaltyProgramStep(input)
  emitEventStep(
    transform({ program }, ({ program }) => ({ eventName: "loyalty.program_updated", data: { id: program.id } }))
  )
  return new WorkflowResponse(program)
})
