/**
 * The plugin's handlers on Medusa's completeCartWorkflow. A core hook takes a
 * single handler, so this file registers one per hook and runs the pickup part
 * then the loyalty part; if the second fails, the first is undone before the
 * error goes up (the step failed, so its own compensation will not run).
 */
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { loyaltyBeforePayment, loyaltyBeforePaymentCompensate, loyaltyValidate } from "./loyalty-completion"
import {
  pickupBeforePayment,
  pickupBeforePaymentCompensate,
  pickupValidate,
  pickupValidateCompensate,
} from "./pickup-completion"

type Ctx = { container: MedusaContainer }

completeCartWorkflow.hooks.validate(
  async (input: any, ctx: Ctx) => {
    const pickup = await pickupValidate(input, ctx)
    try {
      await loyaltyValidate(input, ctx)
    } catch (e) {
      await pickupValidateCompensate(pickup, ctx)
      throw e
    }
    return new StepResponse(undefined, { pickup })
  },
  async (data: any, ctx: Ctx) => {
    await pickupValidateCompensate(data?.pickup, ctx)
  }
)

// Registered by core-flows at runtime but left out of the hook typings (@ignore).
const hooks = completeCartWorkflow.hooks as typeof completeCartWorkflow.hooks & {
  beforePaymentAuthorization: (
    invoke: (input: { input: { id: string } }, context: Ctx) => Promise<any>,
    compensate: (data: any, context: Ctx) => Promise<void>
  ) => void
}

hooks.beforePaymentAuthorization(
  async (input, ctx) => {
    const pickup = await pickupBeforePayment(input, ctx)
    let redeem: any = null
    try {
      redeem = await loyaltyBeforePayment(input, ctx)
    } catch (e) {
      await pickupBeforePaymentCompensate(pickup, ctx)
      throw e
    }
    return new StepResponse(undefined, { pickup, redeem })
  },
  async (data, ctx) => {
    await loyaltyBeforePaymentCompensate(data?.redeem, ctx)
    await pickupBeforePaymentCompensate(data?.pickup, ctx)
  }
)
