import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ensurePickupFulfillmentSetStep } from "./steps/ensure-pickup-fulfillment-set"
import { setPickupOptionsOfferedStep } from "./steps/set-pickup-options-offered"
import { PickupStoreSettingsInput, upsertPickupStoreStep } from "./steps/upsert-pickup-store"
import { validateLocationExistsStep } from "./steps/validate-location"
import { forgetCachedSettingsStep } from "../common/steps/forget-cached-settings"

export const upsertPickupStoreWorkflowId = "upsert-pickup-store"

/**
 * Saves a store's pickup settings. Turning pickup on also gives the location
 * Medusa's pickup fulfillment set and a free "Pick up at <store>" shipping
 * option, so `GET /store/shipping-options` lists it like any core option;
 * turning it off takes the location's pickup options out of the store.
 * Hook `pickupStoreUpserted` lets an app react in the same workflow.
 */
export const upsertPickupStoreWorkflow = createWorkflow(
  upsertPickupStoreWorkflowId,
  (input: PickupStoreSettingsInput) => {
    const location = validateLocationExistsStep({ location_id: input.location_id })
    const pickupStore = upsertPickupStoreStep(input)

    const fulfillment = when("pickup-enabled", { pickupStore }, ({ pickupStore }) => !!pickupStore.enabled).then(
      () =>
        ensurePickupFulfillmentSetStep(
          transform({ location }, ({ location }) => ({
            location_id: location.id,
            location_name: location.name,
            country_code: location.address?.country_code ?? null,
          }))
        )
    )

    when("pickup-option-missing", { fulfillment }, ({ fulfillment }) => !!fulfillment?.shipping_option).then(() => {
      const options = transform({ fulfillment }, ({ fulfillment }) => [
        {
          ...fulfillment!.shipping_option!,
          price_type: "flat" as const,
          provider_id: "manual_manual",
          type: { label: "Pickup", description: "Collect in store", code: "pickup" },
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
            { attribute: "is_return", value: "false", operator: "eq" as const },
          ],
        },
      ])
      createShippingOptionsWorkflow.runAsStep({ input: options })
    })

    // Existing options follow the switch (new ones are created offered).
    setPickupOptionsOfferedStep(
      transform({ pickupStore }, ({ pickupStore }) => ({
        location_id: pickupStore.location_id,
        offered: !!pickupStore.enabled,
      }))
    )

    // The locator's store directory; and a location with pickup settings routes as a store, with its coordinates.
    forgetCachedSettingsStep()

    const pickupStoreUpserted = createHook("pickupStoreUpserted", { pickup_store: pickupStore })
    return new WorkflowResponse(pickupStore, { hooks: [pickupStoreUpserted] })
  }
)
