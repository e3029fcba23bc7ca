import type { StaffPickup } from "../../src/client"

/** Someone collecting for the customer (null when it is the customer). */
export const proxyOf = (p: StaffPickup) => {
  const person = p.pickup_person?.name
  return person && person !== p.customer_name ? person : null
}
