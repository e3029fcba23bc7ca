import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { redactStored, type StoredNotifications } from "../stored-notifications"

export const redactStoredIfSendFailsStepId = "redact-stored-notifications-if-send-fails"

/**
 * Before the send, nothing; if the send fails (the provider throws, Medusa
 * marks the row failed with its data intact), its compensation redacts what
 * was stored, so a failed send leaves no link behind either.
 */
export const redactStoredIfSendFailsStep = createStep(
  redactStoredIfSendFailsStepId,
  async (input: StoredNotifications) => new StepResponse(undefined, input),
  async (which, { container }) => {
    if (which) await redactStored(container, which)
  }
)
