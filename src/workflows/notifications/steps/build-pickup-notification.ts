import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { rangesOn, localDate, toStoreIso, type StoreSchedule } from "../../../lib/hours"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"
import { omnichannelOptions } from "../../../lib/plugin-options"

/** Events whose message carries the pickup code (the shopper still has to collect). */
const CODE_EVENTS = ["pickup.placed", "pickup.ready", "pickup.expiring"]

export type PickupNotificationInput = { pickup_id: string; event: string; template?: string; extra?: Record<string, unknown> }

export const buildPickupNotificationStepId = "build-pickup-notification"

/**
 * What the shopper is told about a pickup (store, hours, instructions, the
 * code): one notification per pickup and event, deduplicated by its
 * idempotency key, so a re-delivered event sends nothing twice.
 */
export const buildPickupNotificationStep = createStep(
  buildPickupNotificationStepId,
  async (input: PickupNotificationInput, { container }) => {
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    const pickup = await service.retrievePickupOrder(input.pickup_id)
    // Direct reads (no linked query): the record already carries the order's
    // number and email, copied when it was placed.
    const [[store], location, order] = await Promise.all([
      service.listPickupStores({ location_id: pickup.location_id }),
      container
        .resolve(Modules.STOCK_LOCATION)
        .retrieveStockLocation(pickup.location_id, { select: ["id", "name"], relations: ["address"] })
        .catch(() => null),
      pickup.email
        ? null
        : container
            .resolve(ContainerRegistrationKeys.QUERY)
            .graph({ entity: "order", fields: ["id", "display_id", "email"], filters: { id: pickup.order_id } })
            .then(({ data }) => data[0] as { display_id: number | string | null; email: string | null } | undefined),
    ])
    const person = (pickup.pickup_person ?? {}) as { email?: string }
    const to = pickup.email ?? order?.email ?? person.email
    if (!to) {
      return new StepResponse([])
    }
    const tz = store?.timezone ?? "UTC"
    const readyBy = pickup.ready_by ? new Date(pickup.ready_by) : null
    return new StepResponse([
      {
        to,
        channel: omnichannelOptions(container).notificationChannel,
        template: input.template ?? input.event,
        trigger_type: input.event,
        resource_id: pickup.id,
        resource_type: "pickup_order",
        idempotency_key: `${input.event}:${pickup.id}`,
        data: {
          event: input.event,
          order_display_id: pickup.order_display_id ?? order?.display_id,
          status: pickup.status,
          store_name: location?.name,
          store_address: location?.address ?? null,
          instructions: store?.instructions,
          hours_on_ready_day: readyBy && store ? rangesOn(store as StoreSchedule, localDate(readyBy, tz)) : [],
          ready_by: readyBy ? toStoreIso(readyBy, tz) : null,
          pickup_person: pickup.pickup_person,
          expires_at: pickup.expires_at ? toStoreIso(new Date(pickup.expires_at), tz) : null,
          rejected_items: pickup.rejected_items ?? [],
          collected_by: pickup.collected_by ?? null,
          cancel_reason: pickup.cancel_reason ?? null,
          // The code only where the shopper needs it to collect.
          ...(CODE_EVENTS.includes(input.event) ? { code: service.pickupCode(pickup) } : {}),
          ...(input.extra ?? {}),
        },
      },
    ])
  }
)
