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
import { omnichannelErrorHandler } from "./error-handler"

export default defineMiddlewares({
  errorHandler: omnichannelErrorHandler as any,
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
      matcher: "/store/customers/me/pickups*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/customers/me/pickups",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreListMyPickups, {})],
    },
  ],
})
