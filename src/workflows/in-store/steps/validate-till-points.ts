import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkRedemption } from "../../../lib/loyalty-redemption"

export const validateTillPointsStepId = "validate-till-points"

/**
 * Points paying part of a till sale, by the program's rules as online (the
 * minimum, the balance, the share of the total Medusa computed): 409 naming
 * the limits; a walk-in has none to pay with. The debit checks the balance
 * again under the account lock.
 */
export const validateTillPointsStep = createStep(
  validateTillPointsStepId,
  async (input: { customer_id: string | null; points: number; order: { id: string; total: unknown; currency_code: string } }, { container }) => {
    if (!input.customer_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "points: a walk-in has no points to pay with")
    const check = await checkRedemption(
      container,
      { id: input.order.id, customer_id: input.customer_id, currency_code: input.order.currency_code, total: MathBN.convert(input.order.total as number), credit_lines: [] },
      input.points
    )
    return new StepResponse({ account_id: check.account_id!, amount: check.amount })
  }
)
