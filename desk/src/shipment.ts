import type { StaffShipment } from "../../src/client"

type Address = Record<string, string | null>
type Order = { id: string; display_id?: number; email?: string | null; currency_code?: string; created_at?: string; shipping_address?: Address | null }

/** The shipment's order as the desk reads it (an order the desk can no longer read has only its id). */
export const orderOf = (s: StaffShipment): Order => s.order
const addressOf = (s: StaffShipment): Address => orderOf(s).shipping_address ?? {}
const join = (parts: (string | null | undefined)[], sep: string) => parts.filter(Boolean).join(sep)

/** Who it goes to: the address's name, else the order's email. */
export const recipient = (s: StaffShipment) => {
  const a = addressOf(s)
  return join([a.first_name, a.last_name], " ") || orderOf(s).email || "Guest"
}
/** "69002 Lyon" */
export const town = (s: StaffShipment) => join([addressOf(s).postal_code, addressOf(s).city], " ")
/** "1 rue X, 69002 Lyon, FR" */
export const fullAddress = (s: StaffShipment) => {
  const a = addressOf(s)
  return join([a.address_1, town(s), (a.country_code ?? "").toUpperCase()], ", ")
}
/** Units this store still has to send (lines not handed on nor unavailable). */
export const units = (s: StaffShipment) => s.lines.filter((l) => l.status === "allocated").reduce((n, l) => n + l.quantity, 0)
/** A shipment this store still works on: lines can be handed on. */
export const isOpen = (s: StaffShipment) => s.status === "to_ship" || s.status === "picking" || s.status === "packed"
