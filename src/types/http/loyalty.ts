/** A customer's loyalty account and its entries: GET /store/customers/me/loyalty. */

export type LoyaltyEntryView = {
  id: string
  type: string
  points: number
  status: "pending" | "available"
  available_at: string | Date
  expires_at: string | Date | null
  channel_id: string | null
  order_id: string | null
  reference: string | null
  metadata: Record<string, unknown> | null
  created_at: string | Date
}

export type LoyaltyAccountView = {
  account_id: string
  member_code: string
  /** the member code as a QR code (PNG data URL), for the till */
  member_qr?: string
  status: string
  available: number
  pending: number
  tier: string | null
  tier_basis: string
  tier_progress: number
  next_tier: { name: string; threshold: number; remaining: number } | null
  /** the program's terms for paying with points: a point's worth per currency, the least a cart takes, the largest share of it */
  redemption: { enabled: boolean; point_values: Record<string, number>; min_points: number; max_share: number }
  entries: LoyaltyEntryView[]
  count: number
  limit: number
  offset: number
}
export type StoreCustomerLoyaltyResponse = { loyalty: LoyaltyAccountView }
