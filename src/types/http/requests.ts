/** Request bodies and queries, inferred from the routes' own zod validators so they cannot drift. */
import type { z } from "@medusajs/framework/zod"
import type { AdminAdjustPoints, AdminUpsertLoyaltyProgram, LoyaltyEntriesQuery, StoreApplyCartPoints } from "../../api/admin/loyalty/validators"
import type {
  StoreGetSlots,
  StoreListMyPickups,
  StoreListPickupStores,
  StoreMarkArrived,
  StoreOrderHistory,
  StoreSetCartPickup,
} from "../../api/store/validators"
import type { StaffCreateSale } from "../../api/staff/validators"

export type StoreListPickupStoresQuery = z.input<typeof StoreListPickupStores>
export type StoreGetSlotsQuery = z.input<typeof StoreGetSlots>
export type StoreSetCartPickupBody = z.input<typeof StoreSetCartPickup>
export type StoreListMyPickupsQuery = z.input<typeof StoreListMyPickups>
export type StoreMarkArrivedBody = z.input<typeof StoreMarkArrived>
export type StoreOrderHistoryQuery = z.input<typeof StoreOrderHistory>
export type StoreCustomerLoyaltyQuery = z.input<typeof LoyaltyEntriesQuery>
export type StoreApplyCartPointsBody = z.input<typeof StoreApplyCartPoints>
export type StaffCreateSaleBody = z.input<typeof StaffCreateSale>
export type AdminAdjustPointsBody = z.input<typeof AdminAdjustPoints>
export type AdminUpsertLoyaltyProgramBody = z.input<typeof AdminUpsertLoyaltyProgram>
