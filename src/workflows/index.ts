// Public workflows barrel: importable by apps as "medusa-plugin-omnichannel/workflows".
// Everything each area exports (workflows, steps, ids, input types) comes through `export *`.
// Each workflow is then named again below with its documentation: editors show the JSDoc of
// the binding an app imports, and the JSDoc of a re-export (`export { x } from`) is not shown.
// A local export takes precedence over `export *`; it is the same workflow object.
import * as checkout from "./checkout"
import * as engagement from "./engagement"
import * as inStore from "./in-store"
import * as inventory from "./inventory"
import * as loyalty from "./loyalty"
import * as notifications from "./notifications"
import * as pickup from "./pickup"
import * as pickupDesk from "./pickup-desk"
import * as routing from "./routing"
import * as shipFromStore from "./ship-from-store"
import * as staff from "./staff"

export * from "./pickup"
export * from "./pickup-desk"
export * from "./staff"
export * from "./loyalty"
export * from "./in-store"
export * from "./notifications"
export * from "./checkout"
export * from "./inventory"
export * from "./routing"
export * from "./ship-from-store"
export * from "./engagement"

// Pickup stores and carts ------------------------------------------------------------------

/** Saves a store's pickup settings: only the fields given change, but `hours` is the whole week (a day left out is closed).
 * Turning pickup on gives the location Medusa's pickup fulfillment set and a free "Pick up at <store>" option.
 * @example
 * await upsertPickupStoreWorkflow(container).run({
 *   input: { location_id: "sloc_123", enabled: true, timezone: "Europe/Paris", hours: { mon: [["09:00", "19:00"]] }, slot_minutes: 30, slot_capacity: 4 },
 * })
 */
export const upsertPickupStoreWorkflow: typeof pickup.upsertPickupStoreWorkflow = pickup.upsertPickupStoreWorkflow
/** The shopper chooses a store for a cart, optionally a slot and who collects; the store's pickup shipping method replaces a delivery method.
 * @example
 * const { result: selection } = await setCartPickupWorkflow(container).run({
 *   input: { cart_id: "cart_123", location_id: "sloc_123", slot_start: "2026-11-24T16:00:00+01:00", pickup_person: { name: "Ada Martin" } },
 * })
 */
export const setCartPickupWorkflow: typeof pickup.setCartPickupWorkflow = pickup.setCartPickupWorkflow
/** Drops a cart's pickup choice and its shipping method.
 * @example
 * await removeCartPickupWorkflow(container).run({ input: { cart_id: "cart_123" } })
 */
export const removeCartPickupWorkflow: typeof pickup.removeCartPickupWorkflow = pickup.removeCartPickupWorkflow

// Pickup desk (actor: who acts, for the pickup's timeline) ---------------------------------

/** placed → preparing: someone at the store has started picking the order.
 * @example
 * await preparePickupWorkflow(container).run({ input: { pickup_id: "pick_123", actor: { type: "staff", id: "stf_123" } } })
 */
export const preparePickupWorkflow: typeof pickupDesk.preparePickupWorkflow = pickupDesk.preparePickupWorkflow
/** → ready (or partially_ready with `items`): Medusa's fulfillment at the store, the hold starts, the shopper is told.
 * @example
 * await markPickupReadyWorkflow(container).run({
 *   input: { pickup_id: "pick_123", items: [{ line_item_id: "ordli_123", quantity: 1, rejected_quantity: 1, reason: "damaged" }], actor: { type: "staff", id: "stf_123" } },
 * })
 */
export const markPickupReadyWorkflow: typeof pickupDesk.markPickupReadyWorkflow = pickupDesk.markPickupReadyWorkflow
/** Finds a store's pickup by the code the collector shows (404), with the wrong-code limits (429).
 * @example
 * const { result: found } = await verifyPickupCodeWorkflow(container).run({ input: { location_id: "sloc_123", code: "K7P2QX", actor: { type: "staff", id: "stf_123" } } })
 */
export const verifyPickupCodeWorkflow: typeof pickupDesk.verifyPickupCodeWorkflow = pickupDesk.verifyPickupCodeWorkflow
/** Hand-over: the code checked, the payment settled (captured, or rejected items refunded), Medusa's fulfillment delivered.
 * @example
 * await collectPickupWorkflow(container).run({
 *   input: { pickup_id: "pick_123", code: "K7P2QX", collected_by: { name: "Ada Martin", relation: "sister" }, actor: { type: "staff", id: "stf_123" } },
 * })
 */
export const collectPickupWorkflow: typeof pickupDesk.collectPickupWorkflow = pickupDesk.collectPickupWorkflow
/** Cancels an active pickup (or, with `expire`, expires a ready one): fulfillment canceled, Medusa's order canceled, payment voided or refunded.
 * @example
 * await cancelPickupWorkflow(container).run({ input: { pickup_id: "pick_123", reason: "Out of stock", actor: { type: "user", id: "user_123" } } })
 */
export const cancelPickupWorkflow: typeof pickupDesk.cancelPickupWorkflow = pickupDesk.cancelPickupWorkflow
/** The shopper is at the store (curbside: a note on where): the desk's queue shows them first.
 * @example
 * await markPickupArrivedWorkflow(container).run({ input: { pickup_id: "pick_123", note: "blue car, bay 3", actor: { type: "customer", id: "cus_123" } } })
 */
export const markPickupArrivedWorkflow: typeof pickupDesk.markPickupArrivedWorkflow = pickupDesk.markPickupArrivedWorkflow
/** The Medusa order was canceled elsewhere (the admin's order page): the pickup follows.
 * @example
 * await recordPickupOrderCanceledWorkflow(container).run({ input: { pickup_id: "pick_123" } })
 */
export const recordPickupOrderCanceledWorkflow: typeof pickupDesk.recordPickupOrderCanceledWorkflow = pickupDesk.recordPickupOrderCanceledWorkflow
/** A day before a ready order's hold ends: one reminder, once; `result` says whether this run claimed it.
 * @example
 * const { result: claimed } = await remindPickupExpiringWorkflow(container).run({ input: { pickup_id: "pick_123", now: new Date() } })
 */
export const remindPickupExpiringWorkflow: typeof pickupDesk.remindPickupExpiringWorkflow = pickupDesk.remindPickupExpiringWorkflow

// Staff -------------------------------------------------------------------------------------

/** A pickup-desk staff member: their login (the `staff` actor type) and the stores they work at.
 * @example
 * const { result: member } = await createStaffWorkflow(container).run({
 *   input: { email: "lea@example.com", password: "a long secret", first_name: "Léa", last_name: "Roux", location_ids: ["sloc_123"] },
 * })
 */
export const createStaffWorkflow: typeof staff.createStaffWorkflow = staff.createStaffWorkflow
/** Changes a staff member: name, stores (replaces the list), active or not (inactive: their tokens stop working), password.
 * @example
 * await updateStaffWorkflow(container).run({ input: { id: "stf_123", location_ids: ["sloc_123", "sloc_456"], is_active: true } })
 */
export const updateStaffWorkflow: typeof staff.updateStaffWorkflow = staff.updateStaffWorkflow
/** Deletes a staff member and their login.
 * @example
 * await deleteStaffWorkflow(container).run({ input: { id: "stf_123" } })
 */
export const deleteStaffWorkflow: typeof staff.deleteStaffWorkflow = staff.deleteStaffWorkflow

// Loyalty ------------------------------------------------------------------------------------

/** An order's points (any channel, a known customer), pending until the return window has passed; once per order.
 * @example
 * await earnOrderPointsWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const earnOrderPointsWorkflow: typeof loyalty.earnOrderPointsWorkflow = loyalty.earnOrderPointsWorkflow
/** Takes back an order's points: all of them on cancellation (`restore_redeemed` returns points spent), the refunded share on a refund.
 * @example
 * await reverseOrderPointsWorkflow(container).run({
 *   input: { order_id: "order_123", idempotency_key: "reverse:refund:ref_123", refunded_amount: 20, reason: "Refund" },
 * })
 */
export const reverseOrderPointsWorkflow: typeof loyalty.reverseOrderPointsWorkflow = loyalty.reverseOrderPointsWorkflow
/** A merchant's manual correction (negative: a debit, never below zero), with who and why.
 * @example
 * await adjustPointsWorkflow(container).run({
 *   input: { customer_id: "cus_123", points: 250, reason: "Goodwill", actor_id: "user_123", idempotency_key: "adjust:ticket-42" },
 * })
 */
export const adjustPointsWorkflow: typeof loyalty.adjustPointsWorkflow = loyalty.adjustPointsWorkflow
/** Points pay part of a cart (a Medusa cart credit line; debited when the order is placed); a new amount replaces the old.
 * @example
 * const { result } = await applyCartPointsWorkflow(container).run({ input: { cart_id: "cart_123", customer_id: "cus_123", points: 500 } })
 */
export const applyCartPointsWorkflow: typeof loyalty.applyCartPointsWorkflow = loyalty.applyCartPointsWorkflow
/** Takes the points off a cart.
 * @example
 * await removeCartPointsWorkflow(container).run({ input: { cart_id: "cart_123", customer_id: "cus_123" } })
 */
export const removeCartPointsWorkflow: typeof loyalty.removeCartPointsWorkflow = loyalty.removeCartPointsWorkflow
/** Saves the merchant's loyalty program: only the fields given change (the first save starts from the defaults).
 * @example
 * const { result: program } = await upsertLoyaltyProgramWorkflow(container).run({
 *   input: { earn_rates: { eur: 2 }, point_values: { eur: 0.01 }, tiers: [{ name: "Gold", threshold: 1000, multiplier: 1.5 }] },
 * })
 */
export const upsertLoyaltyProgramWorkflow: typeof loyalty.upsertLoyaltyProgramWorkflow = loyalty.upsertLoyaltyProgramWorkflow
/** Expires the loyalty lots due by `now` (the nightly job).
 * @example
 * await expireLoyaltyLotsWorkflow(container).run({ input: { now: new Date() } })
 */
export const expireLoyaltyLotsWorkflow: typeof loyalty.expireLoyaltyLotsWorkflow = loyalty.expireLoyaltyLotsWorkflow
/** Brings an account's tier up to date; `loyalty.tier_changed` when it moves.
 * @example
 * await recomputeLoyaltyTierWorkflow(container).run({ input: { account_id: "lacc_123" } })
 */
export const recomputeLoyaltyTierWorkflow: typeof loyalty.recomputeLoyaltyTierWorkflow = loyalty.recomputeLoyaltyTierWorkflow
/** The customer's loyalty account, created with its member code on first use.
 * @example
 * const { result: account } = await ensureLoyaltyAccountWorkflow(container).run({ input: { customer_id: "cus_123" } })
 */
export const ensureLoyaltyAccountWorkflow: typeof loyalty.ensureLoyaltyAccountWorkflow = loyalty.ensureLoyaltyAccountWorkflow

// Till, checkout, stock, routing, shipping from stores -----------------------------------------

/** A sale at the till, to a member or a walk-in, as a Medusa order of the In-store channel: paid by method (the till's
 * payment provider), fulfilled from the store's shelf under the checkouts' stock keys, points paid and earned as online.
 * @example
 * const { result } = await createInStoreSaleWorkflow(container).run({
 *   input: {
 *     location_id: "sloc_123", customer_id: "cus_123", items: [{ variant_id: "variant_123", quantity: 2 }],
 *     payment: { method: "card", reference: "TPE-0042" }, staff_id: "stf_123",
 *   },
 * })
 */
export const createInStoreSaleWorkflow: typeof inStore.createInStoreSaleWorkflow = inStore.createInStoreSaleWorkflow
/** Money taken at the counter on an order's payment collection: a session with the till provider, authorized and captured,
 * the method and the terminal's reference kept on the payment.
 * @example
 * await payAtTillWorkflow(container).run({
 *   input: { payment_collection_id: "pay_col_123", provider_id: "pp_till_till", amount: 24.9, payment: { method: "cash", reference: null }, staff_id: "stf_123" },
 * })
 */
export const payAtTillWorkflow: typeof inStore.payAtTillWorkflow = inStore.payAtTillWorkflow
/** A shop takes back lines of any channel's order through Medusa's return workflows (restocked at the shop or written off),
 * refunds what Medusa owes to the original payment and gives back points the order was paid with; one at a time per order.
 * @example
 * const { result } = await returnAtStoreWorkflow(container).run({
 *   input: { order_id: "order_123", location_id: "sloc_123", staff_id: "stf_123", items: [{ id: "ordli_123", quantity: 1, restock: true }], return_window_days: 30 },
 * })
 */
export const returnAtStoreWorkflow: typeof inStore.returnAtStoreWorkflow = inStore.returnAtStoreWorkflow
/** The endless aisle: an order taken at the till for what the shelf lacks, delivered or picked up at a store, through a
 * Medusa cart and the plugin's checkout, paid at the till.
 * @example
 * const { result } = await orderForShopperWorkflow(container).run({
 *   input: {
 *     location_id: "sloc_123", staff_id: "stf_123", customer_id: "cus_123", email: "camille@example.com",
 *     items: [{ variant_id: "variant_123", quantity: 1 }], fulfillment: { type: "pickup", location_id: "sloc_456" },
 *     payment: { method: "cash", reference: null },
 *   },
 * })
 */
export const orderForShopperWorkflow: typeof inStore.orderForShopperWorkflow = inStore.orderForShopperWorkflow
/** Completes a cart with a pickup, points or routed delivery (what POST /store/carts/:id/complete runs for such carts).
 * @example
 * const { result } = await completeOmnichannelCartWorkflow(container).run({ input: { id: "cart_123" } })
 */
export const completeOmnichannelCartWorkflow: typeof checkout.completeOmnichannelCartWorkflow = checkout.completeOmnichannelCartWorkflow
/** A pickup order placed without the plugin's checkout gets its reservations at the store and its pickup record; idempotent.
 * @example
 * const { result } = await ensurePickupPlacedWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const ensurePickupPlacedWorkflow: typeof checkout.ensurePickupPlacedWorkflow = checkout.ensurePickupPlacedWorkflow
/** Brings drifted inventory levels (reserved quantity ≠ live reservations) back to their reservations: every one, or `level_ids`.
 * @example
 * const { result: repaired } = await repairStockDriftWorkflow(container).run({ input: { actor: "script" } })
 */
export const repairStockDriftWorkflow: typeof inventory.repairStockDriftWorkflow = inventory.repairStockDriftWorkflow
/** Saves delivery routing: the default and per-channel rules, and which locations ship; all or nothing.
 * @example
 * await updateFulfillmentRoutingWorkflow(container).run({
 *   input: {
 *     default: { enabled: true, rules: ["fewest_locations", "nearest", "priority"], priority: ["sloc_wh", "sloc_123"] },
 *     locations: [{ location_id: "sloc_123", ships: true, safety_stock: 2 }],
 *   },
 * })
 */
export const updateFulfillmentRoutingWorkflow: typeof routing.updateFulfillmentRoutingWorkflow = routing.updateFulfillmentRoutingWorkflow
/** A shipment's next step at its location: "pick" (to_ship → picking) or "pack" (picking → packed).
 * @example
 * await advanceShipmentWorkflow(container).run({ input: { shipment_id: "shp_123", action: "pick", actor: { type: "staff", id: "stf_123" } } })
 */
export const advanceShipmentWorkflow: typeof shipFromStore.advanceShipmentWorkflow = shipFromStore.advanceShipmentWorkflow
/** packed → shipped: Medusa's fulfillment and shipment at the location, with the carrier's tracking.
 * @example
 * await shipShipmentWorkflow(container).run({
 *   input: { shipment_id: "shp_123", carrier: "Colissimo", tracking_number: "6A123", tracking_url: null, actor: { type: "staff", id: "stf_123" } },
 * })
 */
export const shipShipmentWorkflow: typeof shipFromStore.shipShipmentWorkflow = shipFromStore.shipShipmentWorkflow
/** A location can't find a line it was to ship: moved to the next location by the routing rules, or taken off the order.
 * @example
 * const { result } = await rejectShipmentLineWorkflow(container).run({
 *   input: { shipment_id: "shp_123", line_item_id: "ordli_123", reason: "Not found", actor: { type: "staff", id: "stf_123" } },
 * })
 */
export const rejectShipmentLineWorkflow: typeof shipFromStore.rejectShipmentLineWorkflow = shipFromStore.rejectShipmentLineWorkflow

// Notifications (through Medusa's Notification Module) -------------------------------------------

/** Tells the shopper about a pickup event (`event`: the event's name, e.g. "pickup.ready").
 * @example
 * await notifyPickupWorkflow(container).run({ input: { pickup_id: "pick_123", event: "pickup.ready" } })
 */
export const notifyPickupWorkflow: typeof notifications.notifyPickupWorkflow = notifications.notifyPickupWorkflow
/** Tells the customer about the points of a ledger entry (once per entry).
 * @example
 * await notifyPointsEarnedWorkflow(container).run({ input: { entry_id: "lent_123", account_id: "lacc_123" } })
 */
export const notifyPointsEarnedWorkflow: typeof notifications.notifyPointsEarnedWorkflow = notifications.notifyPointsEarnedWorkflow
/** Tells the shopper a parcel left, or an item of the order can't be sent from anywhere.
 * @example
 * await notifyShipmentWorkflow(container).run({ input: { event: "shipment.shipped", shipment_id: "shp_123" } })
 */
export const notifyShipmentWorkflow: typeof notifications.notifyShipmentWorkflow = notifications.notifyShipmentWorkflow
/** Emails a guest order's address the link that confirms its transfer to an account (when the app enables it).
 * @example
 * await notifyOrderTransferWorkflow(container).run({ input: { order_id: "order_123", order_change_id: "ordch_123" } })
 */
export const notifyOrderTransferWorkflow: typeof notifications.notifyOrderTransferWorkflow = notifications.notifyOrderTransferWorkflow

// Segments and abandoned carts ---------------------------------------------------------------

/** The full refresh of every segment (or `segment_ids`) over all customers (nightly, and on create or change).
 * @example
 * const { result: changes } = await refreshSegmentsWorkflow(container).run({ input: { segment_ids: ["seg_123"] } })
 */
export const refreshSegmentsWorkflow: typeof engagement.refreshSegmentsWorkflow = engagement.refreshSegmentsWorkflow
/** A new segment and the Medusa customer group that holds its members, filled at once.
 * @example
 * const { result: segment } = await createSegmentWorkflow(container).run({
 *   input: { handle: "lapsed-90", name: "Lapsed (90 days)", rule: "lapsed", params: { days: 90 } },
 * })
 */
export const createSegmentWorkflow: typeof engagement.createSegmentWorkflow = engagement.createSegmentWorkflow
/** New name, description or parameters (the rule stays); its customer group is renamed with it.
 * @example
 * await updateSegmentWorkflow(container).run({ input: { id: "seg_123", name: "Lapsed (120 days)", params: { days: 120 }, customer_group_id: "cusgroup_123" } })
 */
export const updateSegmentWorkflow: typeof engagement.updateSegmentWorkflow = engagement.updateSegmentWorkflow
/** Deletes a segment and its customer group.
 * @example
 * await deleteSegmentWorkflow(container).run({ input: { id: "seg_123", customer_group_id: "cusgroup_123" } })
 */
export const deleteSegmentWorkflow: typeof engagement.deleteSegmentWorkflow = engagement.deleteSegmentWorkflow
/** One customer's membership of every segment, re-evaluated after their order, cart or profile changed.
 * @example
 * await syncCustomerSegmentsWorkflow(container).run({ input: { customer_id: "cus_123" } })
 */
export const syncCustomerSegmentsWorkflow: typeof engagement.syncCustomerSegmentsWorkflow = engagement.syncCustomerSegmentsWorkflow
/** Orders placed, canceled or moved: their purchases recorded and their customers' segments updated.
 * @example
 * await recordOrderEngagementWorkflow(container).run({ input: { order_ids: ["order_123"] } })
 */
export const recordOrderEngagementWorkflow: typeof engagement.recordOrderEngagementWorkflow = engagement.recordOrderEngagementWorkflow
/** One idle cart's turn: remind its shopper, or record why not (the abandoned-carts job lists the idle carts).
 * @example
 * const { errors } = await remindAbandonedCartWorkflow(container).run({ input: { cart: idleCart, now: new Date() }, throwOnError: false })
 */
export const remindAbandonedCartWorkflow: typeof engagement.remindAbandonedCartWorkflow = engagement.remindAbandonedCartWorkflow
