import { Container, Heading, Text } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { OmnichannelMetrics } from "../../hooks/metrics"
import { AXIS, GRID, PALETTE, pct } from "./style"

/** Revenue by month, stacked by channel, beside how orders reach shoppers. */
export const RevenueAndFulfillment = ({
  m,
  money,
  names,
}: {
  m: OmnichannelMetrics
  money: (n: number) => string
  names: Map<string, string>
}) => {
  const monthly = m.monthly.map((x) => ({ month: x.month, ...x.revenue_by_channel }))
  const seriesIds = [...new Set(m.monthly.flatMap((x) => Object.keys(x.revenue_by_channel)))]
  const modes = [
    { name: "Delivered", value: m.fulfillment.delivery },
    { name: "Picked up in store", value: m.fulfillment.pickup },
    { name: "Sold at the till", value: m.fulfillment.in_store },
  ]
  return (
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
  )
}

/** The abandoned carts of the period, from abandoned to recovered. */
export const AbandonedCarts = ({ m }: { m: OmnichannelMetrics }) => (
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
)
