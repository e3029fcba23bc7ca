import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useOmnichannelMetrics } from "../../hooks/metrics"
import { sdk } from "../../lib/sdk"
import { AbandonedCarts, RevenueAndFulfillment } from "../../components/metrics/charts"
import { Cohorts } from "../../components/metrics/cohorts"
import { Comparison } from "../../components/metrics/comparison"
import { PERIODS, periodWindow } from "../../components/metrics/periods"
import { pct } from "../../components/metrics/style"

const Kpi = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <div className="flex flex-col gap-y-1 px-6 py-4">
    <Text size="small" className="text-ui-fg-subtle">{label}</Text>
    <Text size="xlarge" weight="plus">{value}</Text>
    {hint && <Text size="xsmall" className="text-ui-fg-muted">{hint}</Text>}
  </div>
)

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


      {m && <RevenueAndFulfillment m={m} money={money} names={names} />}

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

      {m && <AbandonedCarts m={m} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Omnichannel metrics", icon: ChartBar })

export default MetricsPage
