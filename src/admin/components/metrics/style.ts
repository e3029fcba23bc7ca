/** What the metrics page's charts share: colours, axes, and how a share reads. */

// Charts are drawn at once, not animated: figures, not a show (and the page reads the same for reduced motion).
// The dashboard's own palette (CSS variables of @medusajs/ui), so the charts follow light and dark mode.
export const PALETTE = ["var(--tag-blue-icon)", "var(--tag-green-icon)", "var(--tag-orange-icon)", "var(--tag-purple-icon)", "var(--tag-red-icon)"]
export const AXIS = { stroke: "var(--fg-muted)", fontSize: 12 }
export const GRID = "var(--border-base)"

export const pct = (n: number) => `${(n * 100).toFixed(n > 0 && n < 0.1 ? 1 : 0)} %`
