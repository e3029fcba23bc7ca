import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rangesOn, localDate, toStoreIso } from "../../../lib/hours"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type PickupModuleService from "../../../modules/pickup/service"

/** Events whose message carries the pickup code (the shopper still has to collect). */
const CODE_EVENTS = ["pickup.placed", "pickup.ready", "pickup.expiring"]

export type PickupNotificationInput = { pickup_id: string; event: string; template?: string; extra?: Record<string, unknown> }

/**
 * What the shopper is told about a pickup (store, hours, instructions, the
 * code): one notification per pickup and event, deduplicated by its
 * idempotency key, so a re-delivered event sends nothing twice.
 */
export const buildPickupNotificationStep = createStep(
  "build-pickup-notification",
  async (input: PickupNotificationInput, { container }) => {
    const service: PickupModuleService = container.resolve(PICKUP_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const pickup = await service.retrievePickupOrder(input.pickup_id)
    const [{ data: [order] }, { data: [store] }] = await Promise.all([
      query.graph({ entity: "order", fields: ["id", "display_id", "email"], filters: { id: pickup.order_id } }),
      query.graph({
        entity: "pickup_store",
        fields: ["*", "stock_location.name", "stock_location.address.*"],
        filters: { location_id: pickup.location_id },
      }),
    ])
    const person = (pickup.pickup_person ?? {}) as { email?: string }
    const to = order?.email ?? person.email
    if (!to) {
      return new StepResponse([])
    }
    const tz = (store as any)?.timezone ?? "UTC"
    const readyBy = pickup.ready_by ? new Date(pickup.ready_by as any) : null
    return new StepResponse([
      {
        to,
        channel: service.options.notificationChannel,
        template: input.template ?? input.event,
        trigger_type: input.event,
        resource_id: pickup.id,
        resource_type: "pickup_order",
        idempotency_key: `${input.event}:${pickup.id}`,
        data: {
          event: input.event,
          order_display_id: order?.display_id,
          status: pickup.status,
          store_name: (store as any)?.stock_location?.name,
          store_address: (store as any)?.stock_location?.address,
          instructions: (store as any)?.instructions,
          hours_on_ready_day: readyBy && store ? rangesOn(store as any, localDate(readyBy, tz)) : [],
          ready_by: readyBy ? toStoreIso(readyBy, tz) : null,
          pickup_person: pickup.pickup_person,
          expires_at: pickup.expires_at ? toStoreIso(new Date(pickup.expires_at as any), tz) : null,
          rejected_items: pickup.rejected_items ?? [],
          collected_by: pickup.collected_by ?? null,
          cancel_reason: pickup.cancel_reason ?? null,
          // The code only where the shopper needs it to collect.
          ...(CODE_EVENTS.includes(input.event) ? { code: service.pickupCode(pickup as any) } : {}),
          ...(input.extra ?? {}),
        },
      },
    ])
  }
)
