import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { AdminListPickupStores, AdminUpsertPickupStore } from "./admin/pickup-stores/validators"
import {
  StoreGetSlots,
  StoreListMyPickups,
  StoreListPickupStores,
  StoreSetCartPickup,
} from "./store/validators"
import { AdminRepairStockDrift } from "./admin/stock-drift/validators"
import { completeOmnichannelCart } from "./store/carts/complete-middleware"
import { AdminCreateStaff, AdminListStaff, AdminSetStaffStores, AdminUpdateStaff } from "./admin/pickup-staff/validators"
import { loadStaffMember } from "./staff/middlewares"
import { DeskCancel, DeskCollect, DeskListPickups, DeskMarkReady, DeskVerify, EmptyBody, StaffCreateSale } from "./staff/validators"
import { StoreMarkArrived, StoreOrderHistory } from "./store/validators"
import { AdminAdjustPoints, AdminUpsertLoyaltyProgram, LoyaltyEntriesQuery, StoreApplyCartPoints } from "./admin/loyalty/validators"

/** The same desk routes under /staff (store staff) and /admin (merchant). */
const deskRoutes = (base: string) => [
  { matcher: `${base}/pickups`, methods: ["GET"], middlewares: [validateAndTransformQuery(DeskListPickups, {})] },
  { matcher: `${base}/pickups/verify`, methods: ["POST"], middlewares: [validateAndTransformBody(DeskVerify)] },
  { matcher: `${base}/pickups/:id/prepare`, methods: ["POST"], middlewares: [validateAndTransformBody(EmptyBody)] },
  { matcher: `${base}/pickups/:id/ready`, methods: ["POST"], middlewares: [validateAndTransformBody(DeskMarkReady)] },
  { matcher: `${base}/pickups/:id/collect`, methods: ["POST"], middlewares: [validateAndTransformBody(DeskCollect)] },
  { matcher: `${base}/pickups/:id/cancel`, methods: ["POST"], middlewares: [validateAndTransformBody(DeskCancel)] },
] as any[]

export default defineMiddlewares({
  routes: [
    // Admin (Medusa authenticates /admin/* as a user already).
    {
      matcher: "/admin/pickup-stores",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListPickupStores, {})],
    },
    {
      matcher: "/admin/pickup-stores/:location_id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpsertPickupStore)],
    },
    {
      matcher: "/admin/pickup-staff",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListStaff, {})],
    },
    {
      matcher: "/admin/pickup-staff",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCreateStaff)],
    },
    {
      matcher: "/admin/pickup-staff/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateStaff)],
    },
    {
      matcher: "/admin/pickup-staff/:id/stores",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminSetStaffStores)],
    },
    ...deskRoutes("/admin"),
    {
      matcher: "/admin/stock-drift/repair",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminRepairStockDrift)],
    },
    {
      matcher: "/admin/loyalty/program",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpsertLoyaltyProgram)],
    },
    {
      matcher: "/admin/customers/:id/loyalty",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(LoyaltyEntriesQuery, {})],
    },
    {
      matcher: "/admin/customers/:id/loyalty/adjustments",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminAdjustPoints)],
    },
    // Store staff: their own actor type. An admin or customer token is a 401
    // here, as a staff token is under /admin.
    {
      matcher: "/staff*",
      middlewares: [authenticate("staff", ["session", "bearer"]), loadStaffMember],
    },
    ...deskRoutes("/staff"),
    { matcher: "/staff/sales", methods: ["POST"], middlewares: [validateAndTransformBody(StaffCreateSale)] },
    // Shopper (Medusa requires a publishable key on /store/*).
    {
      matcher: "/store/pickup-stores",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreListPickupStores, {})],
    },
    {
      matcher: "/store/pickup-stores/:id/slots",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreGetSlots, {})],
    },
    {
      matcher: "/store/carts/:id/pickup",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreSetCartPickup)],
    },
    {
      // Medusa's own completion route: pickup and points carts are completed by
      // completeOmnichannelCartWorkflow (around core's completeCartWorkflow);
      // every other cart goes on to Medusa's handler.
      matcher: "/store/carts/:id/complete",
      methods: ["POST"],
      middlewares: [completeOmnichannelCart],
    },
    {
      matcher: "/store/customers/me/pickups*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/customers/me/pickups",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreListMyPickups, {})],
    },
    {
      matcher: "/store/customers/me/history",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(StoreOrderHistory, {})],
    },
    {
      matcher: "/store/customers/me/loyalty",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(LoyaltyEntriesQuery, {})],
    },
    {
      matcher: "/store/carts/:id/loyalty",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/carts/:id/loyalty",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreApplyCartPoints)],
    },
    {
      matcher: "/store/customers/me/pickups/:id/arrived",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreMarkArrived)],
    },
  ],
})
