import type { AdminSegment } from "../../hooks/segments"
import { sentence } from "../../lib/labels"

export const RULE_LABELS: Record<string, string> = {
  recent_buyers: "Recent buyers",
  category_buyers: "Buyers of a category",
  seasonal_buyers: "Seasonal buyers",
  cart_abandoners: "Cart abandoners",
  high_value: "High value",
  lapsed: "Lapsed",
  subscribers: "Subscribers",
  account_holders: "Account holders",
  omnichannel: "Omnichannel",
  rfm: "RFM group",
}

export type Field = { key: string; label: string; kind: "number" | "date" | "category" | "channel" | "group"; optional?: boolean }

/** The parameters each rule takes (the API checks them again and names the field it refuses). */
export const RULE_FIELDS: Record<string, Field[]> = {
  recent_buyers: [
    { key: "days", label: "Ordered in the last … days", kind: "number" },
    { key: "sales_channel_id", label: "Channel", kind: "channel", optional: true },
  ],
  category_buyers: [
    { key: "category_id", label: "Category (its subcategories count too)", kind: "category" },
    { key: "days", label: "In the last … days", kind: "number", optional: true },
  ],
  seasonal_buyers: [
    { key: "from", label: "From", kind: "date" },
    { key: "to", label: "To (inclusive)", kind: "date" },
  ],
  cart_abandoners: [
    { key: "idle_hours", label: "Cart idle for more than … hours", kind: "number" },
    { key: "within_days", label: "Forget carts older than … days", kind: "number", optional: true },
  ],
  high_value: [
    { key: "top_percent", label: "Top … % of buyers by lifetime spend", kind: "number", optional: true },
    { key: "min_spend", label: "Or lifetime spend of at least", kind: "number", optional: true },
  ],
  lapsed: [
    { key: "days", label: "Nothing ordered for … days", kind: "number" },
    { key: "sales_channel_id", label: "Channel", kind: "channel", optional: true },
  ],
  subscribers: [],
  account_holders: [],
  omnichannel: [
    { key: "days", label: "Window in days", kind: "number", optional: true },
    { key: "min_channels", label: "At least … channels", kind: "number", optional: true },
  ],
  rfm: [{ key: "group", label: "Group", kind: "group" }],
}

/** A segment's rule and parameters in words. */
export const describeSegment = (s: AdminSegment) => {
  const p = s.params as Record<string, any>
  switch (s.rule) {
    case "recent_buyers":
      return `Ordered in the last ${p.days} days`
    case "lapsed":
      return `No order for ${p.days} days`
    case "seasonal_buyers":
      return `Ordered ${p.from} – ${p.to}`
    case "cart_abandoners":
      return `Cart idle > ${p.idle_hours ?? 4} h, nothing bought since`
    case "high_value":
      return p.top_percent ? `Top ${p.top_percent} % by lifetime spend` : `Lifetime spend ≥ ${p.min_spend}`
    case "omnichannel":
      return `${p.min_channels ?? 2}+ channels in ${p.days ?? 365} days`
    case "rfm":
      return sentence(String(p.group))
    default:
      return RULE_LABELS[s.rule] ?? s.rule
  }
}
