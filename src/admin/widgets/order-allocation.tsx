import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useOrderAllocation } from "../hooks/routing"
import { sentence } from "../lib/labels"

/** Which location ships what of a routed delivery order (nothing shown for other orders). */
const OrderAllocationWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const { data: allocation, isLoading } = useOrderAllocation(data.id)
  if (isLoading || !allocation?.locations.length) return null
  return (
    <Container className="divide-y p-0" data-testid="order-allocation">
      <div className="px-6 py-4">
        <Heading level="h2">Ships from</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Chosen at checkout by the routing rules
        </Text>
      </div>
      {allocation.locations.map((loc) => (
        <div key={loc.location_id} className="flex flex-col gap-y-1 px-6 py-4">
          <Text size="small" weight="plus">
            {loc.name ?? loc.location_id}
          </Text>
          {loc.lines.map((line) => (
            <div key={`${loc.location_id}-${line.line_item_id}`} className="flex items-center justify-between gap-x-2">
              <Text size="small" className="text-ui-fg-subtle">
                {line.quantity} × {line.title ?? line.sku ?? line.line_item_id}
                {line.sku ? ` (${line.sku})` : ""}
              </Text>
              <Badge size="2xsmall">{sentence(line.status)}</Badge>
            </div>
          ))}
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderAllocationWidget
