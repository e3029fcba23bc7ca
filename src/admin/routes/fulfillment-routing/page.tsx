import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PencilSquare, BuildingStorefront } from "@medusajs/icons"
import { Badge, Button, Container, Heading, IconButton, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { type LocationRouting, useRoutingSettings } from "../../hooks/routing"
import { LocationDrawer } from "../../components/fulfillment-routing/location-drawer"
import { PolicyDrawer, type PolicyTarget } from "../../components/fulfillment-routing/policy-drawer"
import { describePolicy } from "../../components/fulfillment-routing/rules"

/** Delivery routing: which locations ship orders, by which rules, per sales channel. */
const FulfillmentRoutingPage = () => {
  const { data, isLoading } = useRoutingSettings()
  const [policyTarget, setPolicyTarget] = useState<PolicyTarget>(null)
  const [location, setLocation] = useState<LocationRouting | null>(null)
  const settings = data?.routing
  if (isLoading || !settings) return <Container><Text>Loading…</Text></Container>
  const nameOf = new Map(settings.locations.map((l) => [l.location_id, l.name]))

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="routing-policies">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Fulfillment routing</Heading>
            <Text size="small" className="text-ui-fg-subtle">Where delivery orders are reserved and shipped from</Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => setPolicyTarget({ kind: "default" })} data-testid="edit-default">
            <PencilSquare /> Edit default
          </Button>
        </div>
        <div className="grid grid-cols-[1fr_2fr_auto] items-center gap-x-4 px-6 py-3">
          <Text size="small" weight="plus">Default</Text>
          <Text size="small" data-testid="default-summary">{describePolicy(settings.default, nameOf)}</Text>
          <span />
        </div>
        {settings.channels.map((c) => (
          <div key={c.sales_channel_id} className="grid grid-cols-[1fr_2fr_auto] items-center gap-x-4 px-6 py-3">
            <Text size="small" weight="plus">{c.name}</Text>
            <Text size="small" className={c.policy ? "" : "text-ui-fg-subtle"}>
              {c.policy ? describePolicy(c.policy, nameOf) : "Uses the default"}
            </Text>
            <IconButton size="small" variant="transparent" aria-label={`Edit routing for ${c.name}`} onClick={() => setPolicyTarget({ kind: "channel", id: c.sales_channel_id, name: c.name })}>
              <PencilSquare />
            </IconButton>
          </div>
        ))}
      </Container>
      <Container className="p-0">
        <div className="px-6 py-4"><Heading level="h2">Locations</Heading></div>
        <Table data-testid="routing-locations">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Location</Table.HeaderCell>
              <Table.HeaderCell>Kind</Table.HeaderCell>
              <Table.HeaderCell>Ships</Table.HeaderCell>
              <Table.HeaderCell>Safety stock</Table.HeaderCell>
              <Table.HeaderCell>Coordinates</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {settings.locations.map((l) => (
              <Table.Row key={l.location_id}>
                <Table.Cell>{l.name}</Table.Cell>
                <Table.Cell>{l.kind === "store" ? "Store" : "Warehouse"}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={l.ships ? "green" : "grey"}>{l.ships ? "Ships" : "No"}</Badge>
                  {l.ships_setting === null && <Text size="xsmall" className="text-ui-fg-muted inline"> default</Text>}
                </Table.Cell>
                <Table.Cell>{l.safety_stock}</Table.Cell>
                <Table.Cell>{l.latitude == null ? "—" : `${l.latitude.toFixed(4)}, ${l.longitude!.toFixed(4)}`}</Table.Cell>
                <Table.Cell>
                  <IconButton size="small" variant="transparent" aria-label={`Edit shipping for ${l.name}`} onClick={() => setLocation(l)}>
                    <PencilSquare />
                  </IconButton>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <PolicyDrawer target={policyTarget} settings={settings} onClose={() => setPolicyTarget(null)} />
      <LocationDrawer location={location} onClose={() => setLocation(null)} />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Fulfillment routing", icon: BuildingStorefront })

export default FulfillmentRoutingPage
