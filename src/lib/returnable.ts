/** A line's quantities as Medusa's Order Module keeps them (an order item's `detail`). */
export type ReturnableDetail = {
  fulfilled_quantity?: unknown
  return_requested_quantity?: unknown
  return_received_quantity?: unknown
  return_dismissed_quantity?: unknown
}

const n = (v: unknown) => Number(v ?? 0) || 0

/**
 * What can still be brought back of a line: what left a location (fulfilled)
 * less what is already asked back, received or written off. A line never
 * handed over (a pickup still at the store) has nothing to return.
 */
export function returnableQuantity(detail: ReturnableDetail | null | undefined): number {
  if (!detail) return 0
  const left =
    n(detail.fulfilled_quantity) -
    n(detail.return_requested_quantity) -
    n(detail.return_received_quantity) -
    n(detail.return_dismissed_quantity)
  return Math.max(0, left)
}
