import {
  createHook,
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  PickupStoreSettingsInput,
  upsertPickupStoreStep,
} from "./steps/upsert-pickup-store"

export const upsertPickupStoreWorkflowId = "upsert-pickup-store"

/**
 * Saves a store's pickup settings. The `pickupStoreUpserted` hook lets an app
 * react (e.g. sync settings to a store locator) inside the same workflow.
 */
export const upsertPickupStoreWorkflow = createWorkflow(
  upsertPickupStoreWorkflowId,
  (input: PickupStoreSettingsInput) => {
    const pickupStore = upsertPickupStoreStep(input)
    const pickupStoreUpserted = createHook("pickupStoreUpserted", { pickup_store: pickupStore })
    return new WorkflowResponse(pickupStore, { hooks: [pickupStoreUpserted] })
  }
)
