import Medusa from "@medusajs/js-sdk"

// Same-origin admin: the dashboard's session cookie authenticates the calls.
export const sdk = new Medusa({
  baseUrl: "/",
  auth: { type: "session" },
})
