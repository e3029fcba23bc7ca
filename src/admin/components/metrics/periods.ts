/** The periods a merchant compares: the last 12 months by default. */
export function periodWindow(period: string): { from?: string; to?: string } {
  const now = new Date()
  const y = now.getUTCFullYear()
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  switch (period) {
    case "3m":
      return { from: iso(new Date(Date.UTC(y, now.getUTCMonth() - 2, 1))) }
    case "ytd":
      return { from: `${y}-01-01` }
    case "last_year":
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` }
    default:
      return {}
  }
}

/** The period picker's choices, as [value, label]. */
export const PERIODS = [
  ["12m", "Last 12 months"],
  ["3m", "Last 3 months"],
  ["ytd", "This year"],
  ["last_year", "Last year"],
] as const
