import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminStockLocation, DetailWidgetProps } from "@medusajs/framework/types"
import { PencilSquare } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { usePickupStore } from "../hooks/pickup-stores"
import { DAYS } from "../components/pickup-settings/form-values"
import { PickupSettingsDrawer } from "../components/pickup-settings/settings-drawer"

const dayLine = (ranges: [string, string][] | undefined) =>
  ranges?.length ? ranges.map(([o, c]) => `${o}–${c}`).join(", ") : "Closed"

const Row = ({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) => (
  <div className="grid grid-cols-2 items-start px-6 py-3" data-testid={testId}>
    <Text size="small" weight="plus" className="text-ui-fg-subtle">{label}</Text>
    <Text size="small">{children}</Text>
  </div>
)

/**
 * Pickup at this store, on its location page: a summary, and the settings
 * edited in a drawer. Medusa's own "Pickup" card on that page is the store's
 * pickup fulfillment set (its service zone and shipping option, which the
 * plugin keeps in step); this card is the plugin's settings, named apart.
 */
const LocationPickupSettingsWidget = ({ data }: DetailWidgetProps<AdminStockLocation>) => {
  const { data: res, isLoading, isError } = usePickupStore(data.id)
  const [open, setOpen] = useState(false)
  const s = res?.store
  const today = new Date().toISOString().slice(0, 10)
  const upcoming = (s?.closures ?? []).filter((c) => c.to >= today)

  return (
    <Container className="divide-y p-0" data-testid="pickup-settings">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">Pickup settings</Heading>
          {s && (
            <Badge color={s.enabled ? "green" : "grey"} size="2xsmall" data-testid="pickup-status">
              {s.enabled ? "Pickup on" : "Pickup off"}
            </Badge>
          )}
        </div>
        {s && (
          <Button size="small" variant="secondary" onClick={() => setOpen(true)} data-testid="edit-pickup-settings">
            <PencilSquare /> Edit
          </Button>
        )}
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {isError && <Text className="text-ui-fg-error px-6 py-4">Could not load pickup settings</Text>}
      {s && (
        <>
          <Row label="Opening hours" testId="pickup-hours-summary">
            {DAYS.map(([d, name]) => (
              <span key={d} className="block">{name.slice(0, 3)} {dayLine(s.hours?.[d])}</span>
            ))}
          </Row>
          <Row label="Closures">
            {upcoming.length ? upcoming.map((c) => `${c.from}–${c.to}${c.label ? ` (${c.label})` : ""}`).join("; ") : "None coming up"}
          </Row>
          <Row label="Preparation">{s.lead_time_minutes} min before pickup</Row>
          <Row label="Slots">{s.slot_minutes ? `${s.slot_minutes} min, ${s.slot_capacity} orders each, up to ${s.slot_horizon_days ?? 30} days ahead` : "No slots"}</Row>
          <Row label="Hold">{s.hold_days == null ? "Plugin default" : `${s.hold_days} days`}</Row>
          <Row label="Safety stock">{s.safety_stock} per item</Row>
          <Row label="Curbside">{s.curbside ? "Yes" : "No"}</Row>
          <Row label="Contact">{[s.phone, s.email].filter(Boolean).join(" · ") || "–"}</Row>
          <Row label="Time zone">{s.timezone}</Row>
          <PickupSettingsDrawer store={{ ...s, name: s.name ?? data.name }} open={open} onOpenChange={setOpen} />
        </>
      )}
    </Container>
  )
}

// In the side column, near the top: the main column's widgets come after the
// Metadata and JSON sections, far below Medusa's Pickup card.
export const config = defineWidgetConfig({
  zone: "location.details.side.before",
})

export default LocationPickupSettingsWidget
