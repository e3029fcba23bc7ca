import {
  ALLOCATION_STATE_LABEL,
  ORDER_STATE_LABEL,
  STORE_SHIPMENT_STATE_LABEL,
  type PickupStatus,
} from "../../src/client"

/** The desk's status words: the shared ones (src/types/status.ts), never a copy. */
export const pickupLabel = (status: PickupStatus): string => ORDER_STATE_LABEL[status]
export const shipmentLabel = (status: keyof typeof STORE_SHIPMENT_STATE_LABEL): string => STORE_SHIPMENT_STATE_LABEL[status]
export const lineLabel = (status: keyof typeof ALLOCATION_STATE_LABEL): string => ALLOCATION_STATE_LABEL[status]

// Every pickup status (the Record makes a new one a type error until it is listed).
const PICKUP: Record<PickupStatus, true> = { placed: true, preparing: true, ready: true, partially_ready: true, collected: true, canceled: true, expired: true }
const PICKUP_STATUSES = Object.keys(PICKUP) as PickupStatus[]

const ACTIONS: Record<string, string> = {
  arrived: "Customer arrived",
  reminder_sent: "Reminder sent",
  "reject line": "Item not found here",
  cancel: "Nothing left to ship here",
}

/** Words for a timeline's actions: their own, else the status they reached (a pickup's first). */
const NAMES: Record<string, string> = {
  ...ALLOCATION_STATE_LABEL,
  ...STORE_SHIPMENT_STATE_LABEL,
  ...Object.fromEntries(PICKUP_STATUSES.map((s) => [s, ORDER_STATE_LABEL[s]])),
  ...ACTIONS,
}

/** A timeline entry's words: the action's own, else the status it reached, else the action in plain words. */
export function actionName(action: string): string {
  return Object.prototype.hasOwnProperty.call(NAMES, action) ? NAMES[action] : action.replace(/_/g, " ")
}

/** "1 item", "3 items" */
export const items = (n: number) => `${n} item${n === 1 ? "" : "s"}`

export function money(amount: number, currency: string | null | undefined): string {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: (currency || "eur").toUpperCase() }).format(amount)
  } catch {
    return String(amount)
  }
}
