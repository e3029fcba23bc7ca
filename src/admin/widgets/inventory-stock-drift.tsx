import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useRepairStockDrift, useStockDrift } from "../hooks/stock-drift"

/**
 * Inventory page: levels whose reserved quantity differs from their live
 * reservations (phantom reserved stock hides sellable units) and a button to
 * set them back to their reservations. Silent when every level is exact.
 */
const InventoryStockDriftWidget = () => {
  const { data } = useStockDrift()
  const repairDrift = useRepairStockDrift()
  const repair = {
    isPending: repairDrift.isPending,
    mutate: () =>
      repairDrift.mutate(undefined, {
        onSuccess: (res) => toast.success(`${res.count} inventory level(s) set back to their reservations`),
        onError: (e) => toast.error(e.message || "Repair failed"),
      }),
  }
  if (!data?.count) return null
  return (
    <Container className="divide-y p-0" data-testid="stock-drift">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Reserved stock out of step</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {data.count} level(s) show reserved units that no order holds (or the reverse), so less (or more) is offered for
            sale than is on the shelf.
          </Text>
        </div>
        <Button size="small" variant="secondary" isLoading={repair.isPending} onClick={() => repair.mutate()}>
          Repair
        </Button>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>SKU</Table.HeaderCell>
            <Table.HeaderCell>Location</Table.HeaderCell>
            <Table.HeaderCell className="text-right">In stock</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Reserved</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Held by orders</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data.levels.slice(0, 20).map((d) => (
            <Table.Row key={d.level_id}>
              <Table.Cell>{d.sku ?? "—"}</Table.Cell>
              <Table.Cell>{d.location_name ?? d.location_id}</Table.Cell>
              <Table.Cell className="text-right">{d.stocked_quantity}</Table.Cell>
              <Table.Cell className="text-right">{d.reserved_quantity}</Table.Cell>
              <Table.Cell className="text-right">{d.live_reservations}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "inventory_item.list.before" })

export default InventoryStockDriftWidget
