import { Badge, Button, Drawer, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { type AdminSegment, useSegmentMembers } from "../../hooks/segments"
import { sentence } from "../../lib/labels"
import { BACKEND_URL } from "../../lib/sdk"
import { describeSegment } from "./rules"

const PAGE = 20

/**
 * A segment's members, in a drawer over the list: shown where the merchant
 * clicked, however long the list (below it, they were off screen).
 */
export const Members = ({ segment, onClose }: { segment: AdminSegment; onClose: () => void }) => {
  const [offset, setOffset] = useState(0)
  const { data, isLoading } = useSegmentMembers(segment.id, offset, PAGE)
  const count = data?.count ?? 0
  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      {/* Wider than a form drawer: six columns of figures. */}
      <Drawer.Content className="sm:max-w-[960px]" data-testid="segment-members">
        <Drawer.Header>
          <Drawer.Title>{segment.name}</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle">
            {count} members · {describeSegment(segment)}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="overflow-y-auto p-0">
          <div className="flex justify-end px-6 py-3">
            <a href={`${BACKEND_URL.replace(/\/$/, "")}/admin/segments/${segment.id}/members?format=csv`} download>
              <Button size="small" variant="secondary">Export CSV</Button>
            </a>
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Channels</Table.HeaderCell>
                <Table.HeaderCell>Last order</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Lifetime spend</Table.HeaderCell>
                <Table.HeaderCell>RFM group</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(data?.members ?? []).map((m) => (
                <Table.Row key={m.customer_id}>
                  <Table.Cell>
                    <a className="text-ui-fg-interactive" href={`/app/customers/${m.customer_id}`}>
                      {[m.first_name, m.last_name].filter(Boolean).join(" ") || m.email}
                    </a>
                    <Text size="xsmall" className="text-ui-fg-subtle">{m.email}</Text>
                  </Table.Cell>
                  <Table.Cell>{m.channels.join(", ") || "–"}</Table.Cell>
                  <Table.Cell>{m.last_order_at ? new Date(m.last_order_at).toLocaleDateString() : "–"}</Table.Cell>
                  <Table.Cell className="text-right">{m.orders}</Table.Cell>
                  <Table.Cell className="text-right">{m.lifetime_spend.toFixed(2)}</Table.Cell>
                  <Table.Cell><Badge size="2xsmall">{sentence(m.rfm_group)}</Badge></Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {!isLoading && !count && <Text size="small" className="text-ui-fg-subtle px-6 py-4">Nobody in this segment now.</Text>}
          <Table.Pagination
            count={count}
            pageSize={PAGE}
            pageIndex={Math.floor(offset / PAGE)}
            pageCount={Math.max(1, Math.ceil(count / PAGE))}
            canPreviousPage={offset > 0}
            canNextPage={offset + PAGE < count}
            previousPage={() => setOffset((o) => Math.max(0, o - PAGE))}
            nextPage={() => setOffset((o) => o + PAGE)}
          />
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
