import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Badge, Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts"
import { type OmnichannelMetrics, useOmnichannelMetrics } from "../../hooks/metrics"
import { sdk } from "../../lib/sdk"

// Charts are drawn at once, not animated: figures, not a show (and the page reads the same for reduced motion).
// The dashboard's own palette (CSS variables of @medusajs/ui), so the charts follow light and dark mode.
const PALETTE = ["var(--tag-blue-icon)", "var(--tag-green-icon)", "var(--tag-orange-icon)", "var(--tag-purple-icon)", "var(--tag-red-icon)"]
const AXIS = { stroke: "var(--fg-muted)", fontSize: 12 }
const GRID = "var(--border-base)"

/** The periods a merchant compares: the last 12 months by default. */
function periodWindow(period: string): { from?: string; to?: string } {
  const now = new Date()
  const y = now.getUTCFullYear()
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  switch (period) {
    case "3m":
      return { from: iso(new Date(Date.UTC(y, now.getUTCMonth() - 2, 1))) }
    case "ytd":
      return { from: `${y}-01-01` }
    case "last_year":
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` }
    default:
      return {}
  }
}

const PERIODS = [
  ["12m", "Last 12 months"],
  ["3m", "Last 3 months"],
  ["ytd", "This year"],
  ["last_year", "Last year"],
] as const

const pct = (n: number) => `${(n * 100).toFixed(n > 0 && n < 0.1 ? 1 : 0)} %`

const Kpi = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <div className="flex flex-col gap-y-1 px-6 py-4">
    <Text size="small" className="text-ui-fg-subtle">{label}</Text>
    <Text size="xlarge" weight="plus">{value}</Text>
    {hint && <Text size="xsmall" className="text-ui-fg-muted">{hint}</Text>}
  </div>
)

/** Omnichannel vs single-channel customers: the same per-customer figures side by side, and the ratio. */
const Comparison = ({ m, money }: { m: OmnichannelMetrics; money: (n: number) => string }) => {
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

/** Retention by monthly cohort, shaded by share: a grid reads better than a chart here. */
const Cohorts = ({ m }: { m: OmnichannelMetrics }) => {
  const width = Math.max(1, ...m.cohorts.map((c) => c.retention.length))
  return (
    <Container className="p-0" data-testid="metrics-cohorts">
      <div className="px-6 py-4">
        <Heading level="h2">Retention by monthly cohort</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Customers by the month of their first order; each column is the share who ordered again that many months later.
        </Text>
      </div>
      <div className="overflow-x-auto px-6 pb-4">
        <table className="txt-small w-full border-collapse">
          <thead>
            <tr>
              <th className="text-ui-fg-subtle py-1 pr-3 text-left font-normal">Cohort</th>
              <th className="text-ui-fg-subtle py-1 pr-3 text-right font-normal">Customers</th>
              {Array.from({ length: width }, (_, k) => (
                <th key={k} className="text-ui-fg-subtle px-1 py-1 text-center font-normal">M{k}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.cohorts.map((c) => (
              <tr key={c.cohort}>
                <td className="py-1 pr-3">{c.cohort}</td>
                <td className="py-1 pr-3 text-right">{c.customers}</td>
                {Array.from({ length: width }, (_, k) => {
                  const r = c.retention[k]
                  return (
                    <td key={k} className="px-1 py-1 text-center">
                      {r === undefined ? null : (
                        <div
                          className="rounded px-1"
                          title={`${c.cohort} + ${k} months: ${pct(r)}`}
                          // the blue of the palette, stronger as the share grows
                          style={{ background: `color-mix(in srgb, var(--tag-blue-icon) ${Math.round(r * 85)}%, transparent)` }}
                        >
                          {pct(r)}
                        </div>
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {!m.cohorts.length && <Text size="small" className="text-ui-fg-subtle">No first orders in this period.</Text>}
      </div>
    </Container>
  )
}

const MetricsPage = () => {
  const [period, setPeriod] = useState("12m")
  const [channel, setChannel] = useState("all")
  const window = useMemo(() => periodWindow(period), [period])
  const { data: m, isError, error } = useOmnichannelMetrics({ ...window, channel: channel === "all" ? undefined : channel })
  const { data: channels } = useQuery({
    queryKey: ["omnichannel_metrics", "sales_channels"],
    queryFn: () => sdk.admin.salesChannel.list({ limit: 100, fields: "id,name" }),
  })
  const money = useMemo(() => {
    const f = new Intl.NumberFormat(undefined, { style: "currency", currency: (m?.currency_code ?? "eur").toUpperCase(), maximumFractionDigits: 0 })
    return (n: number) => f.format(n)
  }, [m?.currency_code])
  const names = useMemo(() => new Map((channels?.sales_channels ?? []).map((c) => [c.id, c.name])), [channels])
  const monthly = (m?.monthly ?? []).map((x) => ({ month: x.month, ...x.revenue_by_channel }))
  const seriesIds = [...new Set((m?.monthly ?? []).flatMap((x) => Object.keys(x.revenue_by_channel)))]
  const modes = m
    ? [
        { name: "Delivered", value: m.fulfillment.delivery },
        { name: "Picked up in store", value: m.fulfillment.pickup },
        { name: "Sold at the till", value: m.fulfillment.in_store },
      ]
    : []

  return (
    <div className="flex flex-col gap-y-3" data-testid="omnichannel-metrics">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div>
            <Heading level="h1">Omnichannel metrics</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Orders from every channel, the shops' tills included; canceled orders left out.
              {m && ` ${new Date(m.from).toLocaleDateString()} – ${new Date(new Date(m.to).getTime() - 1).toLocaleDateString()}, ${m.currency_code.toUpperCase()}.`}
            </Text>
          </div>
          <div className="flex gap-2">
            <div className="w-44">
              <Select value={period} onValueChange={setPeriod}>
                <Select.Trigger data-testid="metrics-period"><Select.Value /></Select.Trigger>
                <Select.Content>
                  {PERIODS.map(([v, label]) => <Select.Item key={v} value={v}>{label}</Select.Item>)}
                </Select.Content>
              </Select>
            </div>
            <div className="w-44">
              <Select value={channel} onValueChange={setChannel}>
                <Select.Trigger data-testid="metrics-channel"><Select.Value /></Select.Trigger>
                <Select.Content>
                  <Select.Item value="all">All channels</Select.Item>
                  {(channels?.sales_channels ?? []).map((c) => <Select.Item key={c.id} value={c.id}>{c.name}</Select.Item>)}
                </Select.Content>
              </Select>
            </div>
          </div>
        </div>
        {isError && <Text className="text-ui-fg-error px-6 py-4">{(error as Error)?.message}</Text>}
        {m && (
          <div className="grid grid-cols-2 divide-x md:grid-cols-4 xl:grid-cols-7" data-testid="metrics-kpis">
            <Kpi label="Customers" value={String(m.totals.customers)} />
            <Kpi label="Orders" value={String(m.totals.orders)} />
            <Kpi label="Revenue" value={money(m.totals.revenue)} />
            <Kpi label="Average order" value={money(m.totals.average_order_value)} />
            <Kpi label="Repeat rate" value={pct(m.totals.repeat_purchase_rate)} hint={`${m.totals.purchase_frequency.toFixed(2)} orders per customer`} />
            <Kpi label="Lifetime value" value={money(m.totals.historic_clv)} hint="spend to date per customer" />
            <Kpi label="Picked up in store" value={pct(m.fulfillment.pickup_share)} hint="of online orders" />
          </div>
        )}
      </Container>

      {m && <Comparison m={m} money={money} />}

      {m && (
        <div className="grid grid-cols-1 gap-3 xl:grid-cols-3">
          <Container className="p-0 xl:col-span-2" data-testid="metrics-monthly">
            <div className="px-6 py-4">
              <Heading level="h2">Revenue by month and channel</Heading>
            </div>
            <div className="h-72 px-6 pb-4">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={monthly}>
                  <CartesianGrid stroke={GRID} vertical={false} />
                  <XAxis dataKey="month" tick={AXIS} stroke={GRID} />
                  <YAxis tick={AXIS} stroke={GRID} tickFormatter={(v) => money(v)} width={80} />
                  <Tooltip formatter={(v: number) => money(v)} />
                  <Legend />
                  {seriesIds.map((id, i) => (
                    <Bar key={id} dataKey={id} stackId="revenue" name={names.get(id) ?? id} fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Container>
          <Container className="p-0" data-testid="metrics-fulfillment">
            <div className="px-6 py-4">
              <Heading level="h2">How orders reach shoppers</Heading>
            </div>
            <div className="h-72 px-6 pb-4">
              <ResponsiveContainer width="100%" height="100%">
                <PieChart>
                  <Pie data={modes} dataKey="value" nameKey="name" innerRadius="55%" outerRadius="85%" paddingAngle={2} isAnimationActive={false}>
                    {modes.map((_, i) => <Cell key={i} fill={PALETTE[i]} />)}
                  </Pie>
                  <Tooltip />
                  <Legend />
                </PieChart>
              </ResponsiveContainer>
            </div>
          </Container>
        </div>
      )}

      {m && (
        <Container className="p-0" data-testid="metrics-channels">
          <div className="px-6 py-4">
            <Heading level="h2">By channel</Heading>
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Channel</Table.HeaderCell>
                <Table.HeaderCell>Orders</Table.HeaderCell>
                <Table.HeaderCell>Revenue</Table.HeaderCell>
                <Table.HeaderCell>Average order</Table.HeaderCell>
                <Table.HeaderCell>Picked up</Table.HeaderCell>
                <Table.HeaderCell>At the till</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {m.by_channel.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>{c.name}</Table.Cell>
                  <Table.Cell>{c.orders}</Table.Cell>
                  <Table.Cell>{money(c.revenue)}</Table.Cell>
                  <Table.Cell>{money(c.average_order_value)}</Table.Cell>
                  <Table.Cell>{c.pickup_orders ? `${c.pickup_orders} (${pct(c.pickup_share)})` : "–"}</Table.Cell>
                  <Table.Cell>{c.in_store_orders || "–"}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Container>
      )}

      {m && <Cohorts m={m} />}

      {m && (
        <Container className="p-0" data-testid="metrics-abandoned">
          <div className="px-6 py-4">
            <Heading level="h2">Abandoned carts</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Carts last changed in the period: {m.abandoned_carts.abandoned} abandoned, {m.abandoned_carts.reminded} reminded,{" "}
              {m.abandoned_carts.suppressed} not reminded because the shopper had bought, {m.abandoned_carts.recovered} recovered (
              {pct(m.abandoned_carts.recovery_rate)} of those reminded).
            </Text>
          </div>
          <div className="h-40 px-6 pb-4">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                layout="vertical"
                data={[
                  { step: "Abandoned", n: m.abandoned_carts.abandoned },
                  { step: "Reminded", n: m.abandoned_carts.reminded },
                  { step: "Recovered", n: m.abandoned_carts.recovered },
                ]}
              >
                <XAxis type="number" tick={AXIS} stroke={GRID} allowDecimals={false} />
                <YAxis type="category" dataKey="step" tick={AXIS} stroke={GRID} width={90} />
                <Tooltip />
                <Bar dataKey="n" name="Carts" fill={PALETTE[0]} radius={[0, 4, 4, 0]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Omnichannel metrics", icon: ChartBar })

export default MetricsPage
