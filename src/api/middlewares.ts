import {
  authenticate,
  defineMiddlewares,
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
import { AdminUpdateFulfillmentRouting } from "./admin/fulfillment-routing/validators"
import { completeOmnichannelCart } from "./store/carts/complete-middleware"
import { markShortPickupShippingOptions, refuseShortPickupShippingMethod } from "./store/shipping-options-middleware"
import { AdminCreateStaff, AdminListStaff, AdminSetStaffStores, AdminUpdateStaff } from "./admin/pickup-staff/validators"
import { loadStaffMember, refuseRevokedStaffRefresh } from "./staff/middlewares"
import { pluginPathErrorHandler, rejectMalformedInput } from "./utils/reject-malformed-input"
import { throttleStaffLogin } from "./staff/login-throttle"
import { validateBody } from "./utils/validate-body"
import {
  DeskCancel,
  DeskCollect,
  DeskListPickups,
  DeskListShipments,
  DeskMarkReady,
  DeskRejectLine,
  DeskShip,
  DeskVerify,
  EmptyBody,
  StaffCreateSale,
  StaffCreateReturn,
  StaffFindOrders,
  StaffFindItems,
  StaffCreateAisleOrder,
} from "./staff/validators"
import { StoreMarkArrived, StoreOrderHistory } from "./store/validators"
import { AdminRecentPurchasesFeed, RecentPurchasesQuery } from "./admin/recent-purchases/validators"
import { AdminAbandonedCarts } from "./admin/abandoned-carts/validators"
import { AdminOmnichannelMetrics } from "./admin/omnichannel-metrics/validators"
import { AdminCreateSegment, AdminSegmentMembers, AdminUpdateSegment } from "./admin/segments/validators"
import { AdminAdjustPoints, AdminUpsertLoyaltyProgram, LoyaltyEntriesQuery, StoreApplyCartPoints } from "./admin/loyalty/validators"

/** The same desk routes under /staff (store staff) and /admin (merchant). */
const deskRoutes = (base: string) => [
  { matcher: `${base}/pickups`, methods: ["GET"], middlewares: [validateAndTransformQuery(DeskListPickups, {})] },
  { matcher: `${base}/pickups/verify`, methods: ["POST"], middlewares: [validateBody(DeskVerify)] },
  { matcher: `${base}/pickups/:id/prepare`, methods: ["POST"], middlewares: [validateBody(EmptyBody)] },
  { matcher: `${base}/pickups/:id/ready`, methods: ["POST"], middlewares: [validateBody(DeskMarkReady)] },
  { matcher: `${base}/pickups/:id/collect`, methods: ["POST"], middlewares: [validateBody(DeskCollect)] },
  { matcher: `${base}/pickups/:id/cancel`, methods: ["POST"], middlewares: [validateBody(DeskCancel)] },
  { matcher: `${base}/shipments`, methods: ["GET"], middlewares: [validateAndTransformQuery(DeskListShipments, {})] },
  { matcher: `${base}/shipments/:id/pick`, methods: ["POST"], middlewares: [validateBody(EmptyBody)] },
  { matcher: `${base}/shipments/:id/pack`, methods: ["POST"], middlewares: [validateBody(EmptyBody)] },
  { matcher: `${base}/shipments/:id/ship`, methods: ["POST"], middlewares: [validateBody(DeskShip)] },
  { matcher: `${base}/shipments/:id/lines/:line_item_id/reject`, methods: ["POST"], middlewares: [validateBody(DeskRejectLine)] },
]

/** Every route the plugin adds, for what applies to all of them. */
const PLUGIN_ROUTES = [
  "/store/pickup-stores*",
  "/store/carts/:id/pickup",
  "/store/carts/:id/loyalty",
  "/store/customers/me/pickups*",
  "/store/customers/me/history*",
  "/store/customers/me/loyalty*",
  "/store/customers/me/recent-purchases",
  "/staff*",
  "/admin/pickup-stores*",
  "/admin/pickup-staff*",
  "/admin/pickups*",
  "/admin/stock-drift*",
  "/admin/fulfillment-routing*",
  "/admin/shipments*",
  "/admin/orders/:id/allocation",
  "/admin/loyalty*",
  "/admin/customers/:id/loyalty*",
  "/admin/customers/:id/recent-purchases",
  "/admin/recent-purchases",
  "/admin/segments*",
  "/admin/abandoned-carts",
  "/admin/omnichannel-metrics",
  "/store/carts/recover/:token",
  "/store/orders/:id/progress",
  "/pickup-desk*",
]

export default defineMiddlewares({
  // Only a path id that doesn't decode, on the plugin's paths; every other error goes to Medusa's handler.
  errorHandler: pluginPathErrorHandler(PLUGIN_ROUTES),
  routes: [
    // First: a body nested too deep, a NUL or lone surrogate anywhere in a request is a 400 naming the field.
    ...PLUGIN_ROUTES.map((matcher) => ({ matcher, middlewares: [rejectMalformedInput] })),
    // Admin (Medusa authenticates /admin/* as a user already).
    {
      matcher: "/admin/pickup-stores",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListPickupStores, {})],
    },
    {
      matcher: "/admin/pickup-stores/:location_id",
      methods: ["POST"],
      middlewares: [validateBody(AdminUpsertPickupStore)],
    },
    {
      matcher: "/admin/pickup-staff",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListStaff, {})],
    },
    {
      matcher: "/admin/pickup-staff",
      methods: ["POST"],
      middlewares: [validateBody(AdminCreateStaff)],
    },
    {
      matcher: "/admin/pickup-staff/:id",
      methods: ["POST"],
      middlewares: [validateBody(AdminUpdateStaff)],
    },
    {
      matcher: "/admin/pickup-staff/:id/stores",
      methods: ["POST"],
      middlewares: [validateBody(AdminSetStaffStores)],
    },
    ...deskRoutes("/admin"),
    {
      matcher: "/admin/stock-drift/repair",
      methods: ["POST"],
      middlewares: [validateBody(AdminRepairStockDrift)],
    },
    {
      matcher: "/admin/fulfillment-routing",
      methods: ["POST"],
      middlewares: [validateBody(AdminUpdateFulfillmentRouting)],
    },
    {
      matcher: "/admin/loyalty/program",
      methods: ["POST"],
      middlewares: [validateBody(AdminUpsertLoyaltyProgram)],
    },
    {
      matcher: "/admin/customers/:id/loyalty",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(LoyaltyEntriesQuery, {})],
    },
    {
      matcher: "/admin/customers/:id/recent-purchases",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(RecentPurchasesQuery, {})],
    },
    {
      matcher: "/admin/recent-purchases",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminRecentPurchasesFeed, {})],
    },
    { matcher: "/admin/segments", methods: ["POST"], middlewares: [validateBody(AdminCreateSegment)] },
    { matcher: "/admin/abandoned-carts", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminAbandonedCarts, {})] },
    {
      matcher: "/admin/omnichannel-metrics",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminOmnichannelMetrics, {})],
    },
    { matcher: "/admin/segments/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdateSegment)] },
    { matcher: "/admin/segments/:id/refresh", methods: ["POST"], middlewares: [validateBody(EmptyBody)] },
    {
      matcher: "/admin/segments/:id/members",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminSegmentMembers, {})],
    },
    {
      matcher: "/admin/customers/:id/loyalty/adjustments",
      methods: ["POST"],
      middlewares: [validateBody(AdminAdjustPoints)],
    },
    // Store staff: their own actor type. An admin or customer token is a 401
    // here, as a staff token is under /admin.
    {
      matcher: "/staff*",
      // Bearer only: a cookie session would let another site's form post act
      // at the desk (CSRF); the desk page sends its token in a header.
      middlewares: [authenticate("staff", ["bearer"]), loadStaffMember],
    },
    ...deskRoutes("/staff"),
    { matcher: "/auth/token/refresh", methods: ["POST"], middlewares: [refuseRevokedStaffRefresh] },
    // Medusa's login for the staff actor: wrong passwords throttled per email and address (429).
    { matcher: "/auth/staff/emailpass", methods: ["POST"], middlewares: [throttleStaffLogin] },
    { matcher: "/staff/sales", methods: ["POST"], middlewares: [validateBody(StaffCreateSale)] },
    { matcher: "/staff/returns", methods: ["POST"], middlewares: [validateBody(StaffCreateReturn)] },
    { matcher: "/staff/orders", methods: ["GET"], middlewares: [validateAndTransformQuery(StaffFindOrders, {})] },
    { matcher: "/staff/orders", methods: ["POST"], middlewares: [validateBody(StaffCreateAisleOrder)] },
    { matcher: "/staff/products", methods: ["GET"], middlewares: [validateAndTransformQuery(StaffFindItems, {})] },
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
      middlewares: [validateBody(StoreSetCartPickup)],
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
      // Medusa's own shipping options and methods, as a core storefront uses
      // them for pickup: a store short of the cart net of its safety stock is
      // shown short and refused (409), as the plugin's own routes do.
      matcher: "/store/shipping-options",
      methods: ["GET"],
      middlewares: [markShortPickupShippingOptions],
    },
    {
      matcher: "/store/carts/:id/shipping-methods",
      methods: ["POST"],
      middlewares: [refuseShortPickupShippingMethod],
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
      matcher: "/store/customers/me/recent-purchases",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(RecentPurchasesQuery, {})],
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
      middlewares: [validateBody(StoreApplyCartPoints)],
    },
    {
      matcher: "/store/customers/me/pickups/:id/arrived",
      methods: ["POST"],
      middlewares: [validateBody(StoreMarkArrived)],
    },
  ],
})
