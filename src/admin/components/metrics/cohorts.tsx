import { Container, Heading, Text } from "@medusajs/ui"
import type { OmnichannelMetrics } from "../../hooks/metrics"
import { pct } from "./style"

/** Retention by monthly cohort, shaded by share: a grid reads better than a chart here. */
export const Cohorts = ({ m }: { m: OmnichannelMetrics }) => {
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
