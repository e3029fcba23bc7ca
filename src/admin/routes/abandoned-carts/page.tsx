import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShoppingCart } from "@medusajs/icons"
import { Badge, Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { type AbandonedCartFunnel, useAbandonedCarts } from "../../hooks/segments"
import { sentence } from "../../lib/labels"

const REASONS: Record<string, string> = {
  ordered_since: "Ordered something else since",
  bought_all_items: "Bought every item",
  opted_out: "Opted out",
  cooldown: "Cooldown (another cart reminded)",
}
const STATUS_COLOR = { pending: "grey", reminded: "blue", suppressed: "orange", recovered: "green" } as const

/** Abandoned → reminded → recovered, as bars against the abandoned carts, and the suppressions by reason. */
const Funnel = ({ funnel }: { funnel: AbandonedCartFunnel }) => {
  const steps = [
    ["Abandoned", funnel.abandoned],
    ["Reminded", funnel.reminded],
    ["Recovered", funnel.recovered],
  ] as const
  const max = Math.max(1, funnel.abandoned)
  return (
    <div className="grid grid-cols-1 gap-6 px-6 py-4 md:grid-cols-2" data-testid="abandoned-funnel">
      <div className="flex flex-col gap-y-2">
        {steps.map(([label, n]) => (
          <div key={label}>
            <div className="flex justify-between">
              <Text size="small">{label}</Text>
              <Text size="small" weight="plus">{n}</Text>
            </div>
            <div className="bg-ui-bg-subtle h-3 w-full rounded">
              <div className="bg-ui-fg-interactive h-3 rounded" style={{ width: `${(100 * n) / max}%` }} />
            </div>
          </div>
        ))}
        <Text size="small" className="text-ui-fg-subtle">
          {funnel.reminders_sent} reminders sent · {(funnel.recovery_rate * 100).toFixed(0)} % of reminded carts recovered
        </Text>
      </div>
      <div>
        <Text size="small" weight="plus">Not reminded, because the shopper…</Text>
        {Object.entries(REASONS).map(([reason, label]) => (
          <div key={reason} className="flex justify-between">
            <Text size="small" className="text-ui-fg-subtle">{label}</Text>
            <Text size="small">{funnel.suppressed_by_reason[reason] ?? 0}</Text>
          </div>
        ))}
      </div>
    </div>
  )
}

const PAGE = 20

const AbandonedCartsPage = () => {
  const [status, setStatus] = useState("all")
  const [offset, setOffset] = useState(0)
  const { data } = useAbandonedCarts({ status: status === "all" ? undefined : status, offset, limit: PAGE })
  const count = data?.count ?? 0
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="abandoned-carts">
        <div className="px-6 py-4">
          <Heading level="h1">Abandoned carts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Reminders go after the delay, at most twice, and only to shoppers who haven't bought since on any channel,
            the shops included.
          </Text>
        </div>
        {data?.funnel && <Funnel funnel={data.funnel} />}
      </Container>
      <Container className="p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Carts</Heading>
          <div className="w-48">
            <Select value={status} onValueChange={(v) => { setStatus(v); setOffset(0) }}>
              <Select.Trigger data-testid="abandoned-status"><Select.Value /></Select.Trigger>
              <Select.Content>
                {["all", "pending", "reminded", "suppressed", "recovered"].map((s) => (
                  <Select.Item key={s} value={s}>{s === "all" ? "All" : sentence(s)}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Shopper</Table.HeaderCell>
              <Table.HeaderCell>Last change</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>What happened</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(data?.carts ?? []).map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{c.email}</Table.Cell>
                <Table.Cell>{new Date(c.last_activity_at).toLocaleString()}</Table.Cell>
                <Table.Cell><Badge size="2xsmall" color={STATUS_COLOR[c.status]}>{sentence(c.status)}</Badge></Table.Cell>
                <Table.Cell>
                  <Text size="small">
                    {c.history.map((h) => (h.kind === "sent" ? `reminder ${h.sequence}` : REASONS[h.reason ?? ""] ?? h.reason)).join(" · ") || "–"}
                    {c.recovered_order_id ? ` · recovered by order ${c.recovered_order_id}` : ""}
                  </Text>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {!count && <Text size="small" className="text-ui-fg-subtle px-6 py-4">No abandoned carts.</Text>}
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
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Abandoned carts", icon: ShoppingCart })

export default AbandonedCartsPage
