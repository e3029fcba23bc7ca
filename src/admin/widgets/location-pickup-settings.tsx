import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminStockLocation } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

type PickupStore = {
  enabled: boolean
  configured: boolean
  timezone: string
  hours: Record<string, [string, string][]>
  closures: { from: string; to: string; label?: string | null }[]
  lead_time_minutes: number
  slot_minutes: number
  slot_capacity: number
  hold_days: number
  safety_stock: number
  curbside: boolean
  instructions: string | null
}

const DAYS: [string, string][] = [
  ["mon", "Mon"], ["tue", "Tue"], ["wed", "Wed"], ["thu", "Thu"], ["fri", "Fri"], ["sat", "Sat"], ["sun", "Sun"],
]

const Row = ({ label, value }: { label: string; value: React.ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-3">
    <Text size="small" weight="plus" leading="compact">{label}</Text>
    <Text size="small" leading="compact">{value}</Text>
  </div>
)

/** Read-only summary of a store's pickup settings on the location page. */
const LocationPickupSettingsWidget = ({ data }: DetailWidgetProps<AdminStockLocation>) => {
  const { data: res, isLoading, isError } = useQuery({
    queryKey: ["pickup-store", data.id],
    queryFn: () => sdk.client.fetch<{ store: PickupStore }>(`/admin/pickup-stores/${data.id}`),
  })
  const store = res?.store

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Pickup settings</Heading>
        {store && (
          <Badge color={store.enabled ? "green" : "grey"} size="2xsmall">
            {store.enabled ? "Pickup on" : "Pickup off"}
          </Badge>
        )}
      </div>
      {isLoading && <Row label="Loading" value="…" />}
      {isError && <Row label="Error" value="Could not load pickup settings" />}
      {store && (
        <>
          <Row label="Time zone" value={store.timezone} />
          <Row
            label="Opening hours"
            value={
              <span className="flex flex-col">
                {DAYS.map(([key, label]) => (
                  <span key={key}>
                    {label}: {store.hours[key]?.length ? store.hours[key].map(([o, c]) => `${o}–${c}`).join(", ") : "closed"}
                  </span>
                ))}
              </span>
            }
          />
          <Row
            label="Closures"
            value={store.closures.length ? store.closures.map((c) => `${c.from} → ${c.to}${c.label ? ` (${c.label})` : ""}`).join("; ") : "–"}
          />
          <Row label="Lead time" value={`${store.lead_time_minutes} min`} />
          <Row label="Slots" value={store.slot_minutes ? `${store.slot_minutes} min, ${store.slot_capacity} per slot` : "No slots"} />
          <Row label="Hold period" value={`${store.hold_days} days`} />
          <Row label="Safety stock" value={`${store.safety_stock} per variant`} />
          <Row label="Curbside" value={store.curbside ? "Yes" : "No"} />
          <Row label="Instructions" value={store.instructions ?? "–"} />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "location.details.after",
})

export default LocationPickupSettingsWidget
