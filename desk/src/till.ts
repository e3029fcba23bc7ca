import type { StaffCreateSaleBody, StaffTillItem } from "../../src/client"

/** A line on the till: the item as the search found it and how many the shopper takes. */
export type TillLine = { item: StaffTillItem; quantity: number }

/** Who buys: a member by card code or account email, or a walk-in (an email for the receipt, optional). */
export type Buyer = { kind: "walk_in" | "member_code" | "member_email"; code: string; email: string }
export const walkIn = (email = ""): Buyer => ({ kind: "walk_in", code: "", email })

export type Payment = { method: "cash" | "card"; reference: string }

/** The sale's `customer`, as the API takes it. */
export function customerOf(buyer: Buyer): StaffCreateSaleBody["customer"] {
  const email = buyer.email.trim()
  if (buyer.kind === "member_code") return { member_code: buyer.code.trim() }
  if (buyer.kind === "member_email") return { email }
  return email ? { walk_in: true, email } : { walk_in: true }
}

export function paymentOf(p: Payment): StaffCreateSaleBody["payment"] {
  const reference = p.reference.trim()
  return p.method === "card" && reference ? { method: "card", reference } : { method: p.method }
}

/** Adds one (or `quantity`) of an item: a second scan of the same item is one more on its line. */
export function addItem(lines: TillLine[], item: StaffTillItem, quantity = 1): TillLine[] {
  const at = lines.findIndex((l) => l.item.variant_id === item.variant_id)
  if (at < 0) return [...lines, { item, quantity }]
  return lines.map((l, i) => (i === at ? { item, quantity: l.quantity + quantity } : l))
}

/** The shelf can't give what the line wants (stock not tracked: it always can). */
export const isShort = (l: TillLine) => l.item.in_store !== null && l.quantity > l.item.in_store

/** "3 here", "none here", "not counted" */
export function stockWords(item: StaffTillItem): string {
  if (item.in_store === null) return "stock not counted"
  return item.in_store > 0 ? `${item.in_store} here` : "none here"
}

/** "Tee · Navy / M" */
export const itemName = (item: { title: string | null; variant_title: string | null }) =>
  [item.title, item.variant_title].filter(Boolean).join(" · ")

/**
 * An API refusal in the counter's words: the field it names ("customer.email:
 * No member with that email") is the form's business, not the shopper's.
 */
export function plain(message: string | null): string | null {
  if (!message) return message
  const text = message.replace(/^[a-z_]+(\.[a-z0-9_]+)*: /, "")
  return text.charAt(0).toUpperCase() + text.slice(1)
}
