/**
 * The plugin's Store API as storefronts see it: request bodies and queries
 * (inferred from the routes' own zod validators, so they cannot drift) and
 * the JSON each route answers (the presenters are typed against these).
 * Import from `medusa-plugin-omnichannel/types`.
 *
 * One file an area, under src/types/http/; this file gathers them so every
 * import of `types/http` stays as it was.
 */
export type * from "./http/common"
export type * from "./http/requests"
export type * from "./http/stores"
export type * from "./http/cart"
export type * from "./http/pickups"
export type * from "./http/loyalty"
export type * from "./http/history"
export type * from "./http/admin"
