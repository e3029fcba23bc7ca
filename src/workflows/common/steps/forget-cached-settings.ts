import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { forgetCachedSettings } from "../../../lib/settings-cache"

export const forgetCachedSettingsStepId = "forget-cached-settings"

/**
 * Cached settings (routing, the store directory) are dropped after a change,
 * and again if the change is compensated, so the cache never keeps what was
 * rolled back.
 */
export const forgetCachedSettingsStep = createStep(
  forgetCachedSettingsStepId,
  async (_: void, { container }) => {
    await forgetCachedSettings(container)
    return new StepResponse(undefined, true)
  },
  async (done, { container }) => {
    if (done) await forgetCachedSettings(container)
  }
)
