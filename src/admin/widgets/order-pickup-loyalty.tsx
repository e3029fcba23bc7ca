import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useCustomerLoyalty } from "../hooks/loyalty"
import { useOrderPickup } from "../hooks/pickups"
import { statusColor, statusLabel } from "../lib/pickups"

/** The order's pickup (store, status) and the points it earned or spent. */
const OrderPickupLoyaltyWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const { data: pickups } = useOrderPickup(data.id)
  const { data: loyalty } = useCustomerLoyalty(data.customer_id ?? "", { order_id: data.id, limit: 100 }, !!data.customer_id)
  const pickup = pickups?.pickups?.[0]
  const entries = loyalty?.loyalty.entries ?? []
  // Earned less what cancellations and refunds took back; spent as redeemed.
  const earned = entries.reduce((s, e) => s + (e.type === "earn" || (e.type === "reverse" && e.points < 0) ? e.points : 0), 0)
  const spent = entries.reduce((s, e) => s + (e.type === "redeem" ? -e.points : 0), 0)
  return (
    <Container className="divide-y p-0" data-testid="order-pickup-loyalty">
      <div className="px-6 py-4">
        <Heading level="h2">Pickup & points</Heading>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {pickup ? (
          <Text size="small">
            Pickup at {pickup.store.name}: <Badge size="2xsmall" color={statusColor(pickup.status)}>{statusLabel(pickup.status)}</Badge>
          </Text>
        ) : (
          <Text size="small" className="text-ui-fg-subtle">Not a pickup order</Text>
        )}
        <Text size="small">Points earned: {earned}</Text>
        <Text size="small">Points spent: {spent}</Text>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderPickupLoyaltyWidget
