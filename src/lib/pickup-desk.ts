import type { InferTypeOf, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { PICKUP_MODULE } from "../modules/pickup"
import type { IPickupModuleService, IStaffModuleService } from "../types/modules"
import { PickupActivity } from "../modules/pickup/models/pickup-activity"
import { PickupOrder } from "../modules/pickup/models/pickup-order"
import { ACTIVE_PICKUP_STATUSES, type PickupActor, type PickupStatus } from "../modules/pickup/types"
import { STAFF_MODULE } from "../modules/staff"
import { toStoreIso } from "./hours"

/**
 * Who is at the desk and which stores they may see: a staff member's assigned
 * stores, or every store (`null`) for a merchant in the admin.
 */
export type DeskScope = { location_ids: string[] | null; actor: PickupActor }

export type DeskListQuery = {
  location_id?: string
  status?: PickupStatus[]
  q?: string
  ready_from?: Date
  ready_to?: Date
  limit: number
  offset: number
}

/** A pickup record as the module returns it. */
export type PickupOrderRow = InferTypeOf<typeof PickupOrder>
type PickupActivityRow = InferTypeOf<typeof PickupActivity>
/** A store as the desk shows it. */
type DeskStore = { location_id: string; timezone: string; hold_days: number | null; curbside: boolean; stock_location?: { name: string } | null }

const notFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Pickup with id: ${id} was not found`)

/** A store outside the scope looks exactly like a store that does not exist. */
export function assertStoreInScope(scope: DeskScope, locationId: string) {
  if (scope.location_ids && !scope.location_ids.includes(locationId)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Store with id: ${locationId} was not found`)
  }
}

/** A pickup of a store outside the scope is a 404, as if it did not exist. */
export async function retrievePickupInScope(container: MedusaContainer, scope: DeskScope, id: string) {
  const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const [pickup] = await service.listPickupOrders({ id })
  if (!pickup || (scope.location_ids && !scope.location_ids.includes(pickup.location_id))) {
    throw notFound(id)
  }
  return pickup as PickupOrderRow
}

async function storesById(container: MedusaContainer, locationIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "pickup_store",
    fields: ["location_id", "timezone", "hold_days", "curbside", "stock_location.name"],
    filters: { location_id: [...new Set(locationIds)] },
  })
  return new Map((data as DeskStore[]).map((s) => [s.location_id, s]))
}

const iso = (value: Date | string | null | undefined, tz: string) => (value ? toStoreIso(new Date(value), tz) : null)

function presentSummary(p: PickupOrderRow, store: DeskStore | undefined, items?: { quantity: number }[]) {
  const tz = store?.timezone ?? "UTC"
  return {
    id: p.id,
    status: p.status,
    order_id: p.order_id,
    order_display_id: p.order_display_id,
    customer_name: p.customer_name,
    email: p.email,
    pickup_person: p.pickup_person,
    store: { id: p.location_id, name: store?.stock_location?.name ?? null, curbside: !!store?.curbside },
    slot: p.slot_start ? { start: iso(p.slot_start, tz), end: iso(p.slot_end, tz) } : null,
    ready_by: iso(p.ready_by, tz),
    expires_at: iso(p.expires_at, tz),
    arrived_at: iso(p.arrived_at, tz),
    arrival_note: p.arrival_note,
    item_count: items ? items.reduce((n, i) => n + Number(i.quantity), 0) : undefined,
    created_at: iso(p.created_at, tz),
  }
}

/** The queue: arrived shoppers first, then by ready-by time and slot. */
export async function listDeskPickups(container: MedusaContainer, scope: DeskScope, q: DeskListQuery) {
  if (q.location_id) assertStoreInScope(scope, q.location_id)
  const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const filters: Record<string, unknown> = { status: q.status?.length ? q.status : ACTIVE_PICKUP_STATUSES }
  const locations = q.location_id ? [q.location_id] : scope.location_ids
  if (locations) filters.location_id = locations
  if (q.ready_from || q.ready_to) {
    filters.ready_by = { ...(q.ready_from ? { $gte: q.ready_from } : {}), ...(q.ready_to ? { $lt: q.ready_to } : {}) }
  }
  const search = q.q?.trim()
  if (search) {
    const like = `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    const or: Record<string, unknown>[] = [
      { customer_name: { $ilike: like } },
      { email: { $ilike: like } },
      { order_id: search },
      { id: search },
    ]
    const n = Number(search.replace(/^#/, ""))
    if (Number.isInteger(n) && n > 0 && n < 2 ** 31) or.push({ order_display_id: n })
    filters.$or = or
  }
  const [pickups, count] = await service.listAndCountPickupOrders(filters, {
    take: q.limit,
    skip: q.offset,
    // ASC puts NULLs last in PostgreSQL: shoppers who said they arrived come first.
    order: { arrived_at: "ASC", ready_by: "ASC", slot_start: "ASC", created_at: "ASC" },
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [stores, { data: orders }] = await Promise.all([
    storesById(container, pickups.map((p) => p.location_id)),
    pickups.length
      ? query.graph({ entity: "order", fields: ["id", "items.quantity"], filters: { id: pickups.map((p) => p.order_id) } })
      : Promise.resolve({ data: [] }),
  ])
  const itemsOf = new Map(
    (orders as { id: string; items: { quantity: number }[] | null }[]).map((o) => [o.id, o.items ?? []])
  )
  return {
    pickups: pickups.map((p) => presentSummary(p, stores.get(p.location_id), itemsOf.get(p.order_id))),
    count,
    limit: q.limit,
    offset: q.offset,
  }
}

async function actorNames(container: MedusaContainer, activities: PickupActivityRow[], extra: string[]) {
  const idsOf = (type: string) => [
    ...new Set([...activities.filter((a) => a.actor_type === type).map((a) => a.actor_id), ...extra]),
  ].filter((id): id is string => !!id)
  const staffIds = idsOf("staff")
  const userIds = idsOf("user")
  const names = new Map<string, string>()
  const [staff, users] = await Promise.all([
    staffIds.length
      ? (container.resolve(STAFF_MODULE) as IStaffModuleService).listStaffMembers({ id: staffIds }, { withDeleted: true })
      : [],
    userIds.length ? container.resolve(Modules.USER).listUsers({ id: userIds }) : [],
  ])
  for (const s of staff) names.set(s.id, `${s.first_name} ${s.last_name}`)
  for (const u of users) names.set(u.id, [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email)
  return names
}

type DeskOrder = {
  id: string
  display_id: number | string | null
  status: string
  currency_code: string
  total: number
  items:
    | {
        id: string
        title: string
        variant_title: string | null
        variant_sku: string | null
        thumbnail: string | null
        quantity: number
        unit_price: number
        total: number
      }[]
    | null
}

/** One pickup for the desk: items, customer, who collects, slot, timeline. Never the code. */
export async function presentDeskPickup(container: MedusaContainer, pickup: PickupOrderRow) {
  const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [stores, { data: [orderRow] }, activities] = await Promise.all([
    storesById(container, [pickup.location_id]),
    query.graph({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "status",
        "currency_code",
        "total",
        "items.id",
        "items.title",
        "items.variant_title",
        "items.variant_sku",
        "items.thumbnail",
        "items.quantity",
        "items.unit_price",
        "items.total",
      ],
      filters: { id: pickup.order_id },
    }),
    service.listPickupActivities({ pickup_id: pickup.id }, { order: { created_at: "ASC" } }),
  ])
  const order = orderRow as DeskOrder | undefined
  const store = stores.get(pickup.location_id)
  const tz = store?.timezone ?? "UTC"
  const names = await actorNames(container, activities, pickup.handed_over_by ? [pickup.handed_over_by] : [])
  return {
    ...presentSummary(pickup, store, order?.items ?? []),
    order: order
      ? {
          id: order.id,
          display_id: order.display_id,
          status: order.status,
          currency_code: order.currency_code,
          total: order.total,
          items: (order.items ?? []).map((i) => ({
            id: i.id,
            title: i.title,
            variant_title: i.variant_title,
            sku: i.variant_sku,
            thumbnail: i.thumbnail,
            quantity: Number(i.quantity),
            unit_price: i.unit_price,
            total: i.total,
          })),
        }
      : null,
    customer: { name: pickup.customer_name, email: pickup.email },
    rejected_items: pickup.rejected_items ?? [],
    collected_at: iso(pickup.collected_at, tz),
    collected_by: pickup.collected_by,
    handed_over_by: pickup.handed_over_by
      ? { id: pickup.handed_over_by, name: names.get(pickup.handed_over_by) ?? null }
      : null,
    canceled_at: iso(pickup.canceled_at, tz),
    cancel_reason: pickup.cancel_reason,
    fulfillment_id: pickup.fulfillment_id,
    timeline: [
      { action: "placed", at: iso(pickup.created_at, tz), actor: { type: "customer", id: pickup.customer_id, name: pickup.customer_name } },
      ...activities.map((a) => ({
        action: a.action,
        at: iso(a.created_at, tz),
        actor: {
          type: a.actor_type,
          id: a.actor_id,
          name: a.actor_type === "customer" ? pickup.customer_name : a.actor_id ? names.get(a.actor_id) ?? null : null,
        },
        data: a.data ?? null,
      })),
    ],
  }
}
