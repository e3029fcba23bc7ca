import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { forgetRoutingSettings } from "../../../lib/routing-data"

/**
 * The cached routing settings are dropped after a change (and again if the
 * change is compensated, so the cache never keeps what was rolled back).
 */
export const forgetRoutingSettingsStep = createStep(
  "forget-routing-settings",
  async (_: void, { container }) => {
    await forgetRoutingSettings(container)
    return new StepResponse(undefined, true)
  },
  async (done, { container }) => {
    if (done) await forgetRoutingSettings(container)
  }
)
