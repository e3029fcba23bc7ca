/**
 * What the rest of the plugin may call on its own modules: the contracts that
 * routes, workflows, jobs and helpers resolve them as
 * (`container.resolve<IPickupModuleService>(PICKUP_MODULE)`), as Medusa's own
 * modules are resolved as `IOrderModuleService` and the like. Each one names
 * the members its callers use, so a module's other methods and its class stay
 * its own; a caller needing more adds it here.
 */
import type PickupModuleService from "../modules/pickup/service"
import type LoyaltyModuleService from "../modules/loyalty/service"
import type RoutingModuleService from "../modules/routing/service"
import type StaffModuleService from "../modules/staff/service"
import type EngagementModuleService from "../modules/engagement/service"

export type IPickupModuleService = Pick<
  PickupModuleService,
  | "claimExpiryReminder"
  | "codeAttemptLimits"
  | "codeHashCandidates"
  | "createPickupActivities"
  | "createPickupCodeAttempts"
  | "createPickupOrders"
  | "createPickupSelections"
  | "createPickupStores"
  | "deletePickupActivities"
  | "deletePickupOrders"
  | "deletePickupSelections"
  | "deletePickupStores"
  | "hashCode"
  | "holdDaysFor"
  | "listAndCountPickupOrders"
  | "listPickupActivities"
  | "listPickupCodeAttempts"
  | "listPickupOrders"
  | "listPickupSelections"
  | "listPickupStores"
  | "options"
  | "pickedUpOrderIds"
  | "pickupCode"
  | "retrievePickupOrder"
  | "transitionPickup"
  | "updatePickupOrders"
  | "updatePickupSelections"
  | "updatePickupStores"
>

export type ILoyaltyModuleService = Pick<
  LoyaltyModuleService,
  | "appendEntry"
  | "balance"
  | "createLoyaltyPrograms"
  | "deleteLoyaltyAccounts"
  | "deleteLoyaltyPrograms"
  | "ensureAccount"
  | "getProgramSettings"
  | "listAndCountLoyaltyEntries"
  | "listExpiredLots"
  | "listLoyaltyAccounts"
  | "listLoyaltyEntries"
  | "tierProgress"
  | "updateLoyaltyAccounts"
  | "updateLoyaltyPrograms"
>

export type IRoutingModuleService = Pick<
  RoutingModuleService,
  | "createOrderAllocations"
  | "createOrderShipments"
  | "createRoutingLocations"
  | "createRoutingPolicies"
  | "deleteOrderAllocations"
  | "deleteOrderShipments"
  | "deleteRoutingLocations"
  | "deleteRoutingPolicies"
  | "deleteShipmentActivities"
  | "listAndCountOrderShipments"
  | "listOrderAllocations"
  | "listOrderShipments"
  | "listRoutingLocations"
  | "listRoutingPolicies"
  | "listShipmentActivities"
  | "transitionShipment"
  | "updateOrderAllocations"
  | "updateOrderShipments"
  | "updateRoutingLocations"
  | "updateRoutingPolicies"
>

export type IStaffModuleService = Pick<
  StaffModuleService,
  | "createStaffMembers"
  | "deleteStaffMembers"
  | "listAndCountStaffMembers"
  | "listStaffMembers"
  | "restoreStaffMembers"
  | "softDeleteStaffMembers"
  | "updateStaffMembers"
>

export type IEngagementModuleService = Pick<
  EngagementModuleService,
  | "abandonedCartFunnel"
  | "abandonedCartSettings"
  | "buyerFacts"
  | "claimCustomerMemberships"
  | "claimMembership"
  | "claimReminder"
  | "countMembers"
  | "createAbandonedCarts"
  | "createCartReminders"
  | "createSegments"
  | "customerSummaries"
  | "deleteAbandonedCarts"
  | "deleteCartReminders"
  | "deletePurchases"
  | "deleteSegments"
  | "lastReminderToShopper"
  | "listAbandonedCarts"
  | "listAndCountAbandonedCarts"
  | "listBoughtSince"
  | "listBuyers"
  | "listCartReminders"
  | "listLapsed"
  | "listMultichannel"
  | "listPurchases"
  | "listSegments"
  | "metricsCustomerAggregates"
  | "metricsOrderCells"
  | "pageMembers"
  | "purchasesSince"
  | "purchasesWatermark"
  | "recoveryKey"
  | "remindedCartsOf"
  | "reminderDelayHours"
  | "restoreSegments"
  | "retrieveSegment"
  | "scopedFacts"
  | "segmentsToEvaluate"
  | "softDeleteSegments"
  | "unclaimMembership"
  | "updateAbandonedCarts"
  | "updateSegments"
  | "upsertPurchases"
>

// Shapes those methods take and give, so callers need not reach into service.ts.
export type { NewEntry, LoyaltyEntryRow, Balance } from "../modules/loyalty/service"
export type { PurchaseInput, PurchaseRow, PurchaseFilter, ScopedFacts, MetricsFilter } from "../modules/engagement/service"

type RowOf<F> = F extends (...args: never[]) => Promise<(infer R)[]> ? R : never
/** A module's rows as its list methods return them. */
export type PickupOrderRow = RowOf<IPickupModuleService["listPickupOrders"]>
export type PickupStoreRow = RowOf<IPickupModuleService["listPickupStores"]>
export type StaffMemberRow = RowOf<IStaffModuleService["listStaffMembers"]>
export type SegmentRow = RowOf<IEngagementModuleService["listSegments"]>
