import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { OmnichannelMetrics } from "../../hooks/metrics"
import { AXIS, GRID, PALETTE, pct } from "./style"

/** Omnichannel vs single-channel customers: the same per-customer figures side by side, and the ratio. */
export const Comparison = ({ m, money }: { m: OmnichannelMetrics; money: (n: number) => string }) => {
  const { single_channel: single, omnichannel: omni, ratio } = m.by_customer_type
  const rows = [
    { name: "Order value", single: single.average_order_value, omni: omni.average_order_value, ratio: ratio.average_order_value },
    { name: "Spend per customer", single: single.revenue_per_customer, omni: omni.revenue_per_customer, ratio: ratio.revenue_per_customer },
    { name: "Lifetime value", single: single.historic_clv, omni: omni.historic_clv, ratio: ratio.historic_clv },
  ]
  return (
    <Container className="p-0" data-testid="metrics-comparison">
      <div className="px-6 py-4">
        <Heading level="h2">Omnichannel vs single-channel customers</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {omni.customers} of {m.totals.customers} customers ({pct(m.by_customer_type.omnichannel_share)}) bought on two channels or more
          in the period.
          {ratio.historic_clv !== null && ` Their lifetime value is ${ratio.historic_clv.toFixed(2)}× that of single-channel customers.`}
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 pb-4 lg:grid-cols-3">
        <div className="h-64 lg:col-span-2">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ left: 8, right: 8 }}>
              <CartesianGrid stroke={GRID} vertical={false} />
              <XAxis dataKey="name" tick={AXIS} stroke={GRID} />
              <YAxis tick={AXIS} stroke={GRID} tickFormatter={(v) => money(v)} width={80} />
              <Tooltip formatter={(v: number) => money(v)} />
              <Legend />
              <Bar dataKey="single" name="Single-channel" fill={PALETTE[0]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
              <Bar dataKey="omni" name="Omnichannel" fill={PALETTE[1]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell />
              <Table.HeaderCell>Single</Table.HeaderCell>
              <Table.HeaderCell>Omni</Table.HeaderCell>
              <Table.HeaderCell>Ratio</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {[
              ["Customers", String(single.customers), String(omni.customers), null],
              ["Orders per customer", single.purchase_frequency.toFixed(2), omni.purchase_frequency.toFixed(2), ratio.purchase_frequency],
              ["Repeat rate", pct(single.repeat_purchase_rate), pct(omni.repeat_purchase_rate), ratio.repeat_purchase_rate],
              ...rows.map((r) => [r.name, money(r.single), money(r.omni), r.ratio] as const),
            ].map(([label, s, o, r]) => (
              <Table.Row key={String(label)}>
                <Table.Cell>{label}</Table.Cell>
                <Table.Cell>{s}</Table.Cell>
                <Table.Cell>{o}</Table.Cell>
                <Table.Cell>
                  {r === null ? "–" : <Badge size="2xsmall" color={Number(r) >= 1 ? "green" : "orange"}>{Number(r).toFixed(2)}×</Badge>}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </Container>
  )
}
