/** The ledger's lots, pure: what each earn still holds after what took points from it. */

export type LedgerRow = {
  id: string
  type: string
  points: number
  available_at: Date | string
  expires_at?: Date | string | null
  reference?: string | null
  created_at?: Date | string
}

/**
 * What is left of each earned lot, replaying the ledger in time order:
 * reversals and expiries take from their own lot, everything else that takes
 * points (redemptions, negative adjustments) from the oldest lots first. Lots
 * are earns and positive adjustments.
 */
export function remainingByLot(entries: LedgerRow[]) {
  const t = (d: Date | string) => new Date(d).getTime()
  const lots = new Map<string, { id: string; remaining: number; available_at: number; expires_at: number | null }>()
  const sorted = [...entries].sort(
    (a, b) => t(a.created_at ?? a.available_at) - t(b.created_at ?? b.available_at) || a.id.localeCompare(b.id)
  )
  for (const e of sorted) {
    if (e.points > 0 && (e.type === "earn" || e.type === "adjust" || (e.type === "reverse" && !lots.has(e.reference ?? "")))) {
      // A positive reversal (points given back for a canceled redemption) is a new lot.
      lots.set(e.id, { id: e.id, remaining: e.points, available_at: t(e.available_at), expires_at: e.expires_at ? t(e.expires_at) : null })
      continue
    }
    if (e.points >= 0) continue
    let take = -e.points
    const own = e.reference ? lots.get(e.reference) : undefined
    if (own && (e.type === "reverse" || e.type === "expire")) {
      const used = Math.min(take, own.remaining)
      own.remaining -= used
      take -= used
    }
    const fifo = [...lots.values()].sort((a, b) => a.available_at - b.available_at || a.id.localeCompare(b.id))
    for (const lot of fifo) {
      if (take <= 0) break
      const used = Math.min(take, lot.remaining)
      lot.remaining -= used
      take -= used
    }
  }
  return lots
}
