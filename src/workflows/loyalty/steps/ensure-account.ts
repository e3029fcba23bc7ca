import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ILoyaltyModuleService } from "../../../types/modules"

export const ensureLoyaltyAccountStepId = "ensure-loyalty-account"

/** The customer's account, created on first earn or first request. */
export const ensureLoyaltyAccountStep = createStep(
  ensureLoyaltyAccountStepId,
  async (input: { customer_id: string }, { container }) => {
    const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const { account, created } = await service.ensureAccount(input.customer_id)
    return new StepResponse(account, created ? account.id : null)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await (container.resolve(LOYALTY_MODULE) as ILoyaltyModuleService).deleteLoyaltyAccounts(createdId)
  }
)
