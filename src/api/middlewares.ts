import { defineMiddlewares, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminListPickupStores } from "./admin/pickup-stores/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/pickup-stores",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListPickupStores, {})],
    },
  ],
})
