import type { StaffPickup } from "../../src/client"
import type { Clock } from "./clock"

/** Someone collecting for the customer (null when it is the customer). */
export const proxyOf = (p: StaffPickup) => {
  const person = p.pickup_person?.name
  return person && person !== p.customer_name ? person : null
}

/** What a pickup's screen and its actions are given. */
export type PickupProps = {
  pickup: StaffPickup
  clock: Clock
  /** the code the desk verified for this pickup, if it did */
  verifiedCode: string | null
  onChange: (pickup: StaffPickup) => void
  onNext: () => void
}
