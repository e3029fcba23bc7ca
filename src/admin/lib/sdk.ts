import Medusa from "@medusajs/js-sdk"

// Same origin as the dashboard (Medusa serves it at /app); its session cookie
// authenticates the calls.
export const BACKEND_URL = "/"

export const sdk = new Medusa({
  baseUrl: BACKEND_URL,
  auth: { type: "session" },
})
