import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService, PickupStoreRow } from "../../../types/modules"
import { WEEKDAYS, type Closure, type WeeklyHours } from "../../../modules/pickup/types"

export type PickupStoreSettingsInput = {
  location_id: string
  enabled?: boolean
  latitude?: number | null
  longitude?: number | null
  timezone?: string
  hours?: WeeklyHours
  closures?: Closure[]
  lead_time_minutes?: number
  slot_minutes?: number
  slot_capacity?: number
  slot_horizon_days?: number
  hold_days?: number | null
  safety_stock?: number
  instructions?: string | null
  curbside?: boolean
  phone?: string | null
  email?: string | null
}

type Compensation =
  | { created_id: string }
  | { previous: PickupStoreRow }

export const upsertPickupStoreStepId = "upsert-pickup-store"

/** Creates or updates the pickup settings of one location. */
export const upsertPickupStoreStep = createStep(
  upsertPickupStoreStepId,
  async (input: PickupStoreSettingsInput, { container }) => {
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    const [existing] = await service.listPickupStores({ location_id: input.location_id })
    if (input.hours) {
      // Every weekday written out ([] = closed): Medusa merges JSON objects on
      // update, so a day left out would otherwise keep its old hours.
      input = { ...input, hours: Object.fromEntries(WEEKDAYS.map((d) => [d, input.hours![d] ?? []])) }
    }

    if (!existing) {
      const created = await service.createPickupStores(input)
      return new StepResponse<typeof created, Compensation>(created, { created_id: created.id })
    }

    const updated = await service.updatePickupStores({ ...input, id: existing.id })
    return new StepResponse<typeof updated, Compensation>(updated, { previous: existing })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    if ("created_id" in compensation) {
      await service.deletePickupStores(compensation.created_id)
      return
    }
    const { created_at, updated_at, deleted_at, ...previous } = compensation.previous
    await service.updatePickupStores(previous)
  }
)
