import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownMini, ArrowUpMini, PencilSquare, BuildingStorefront } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Drawer, Heading, IconButton, Input, Label, Select, Switch, Table, Text, toast } from "@medusajs/ui"
import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useState } from "react"
import { Controller, useForm, type UseFormReturn } from "react-hook-form"
import { z } from "zod"
import {
  type LocationRouting,
  type RoutingPolicy,
  type RoutingRule,
  type RoutingSettings,
  useRoutingSettings,
  useUpdateRouting,
} from "../../hooks/routing"
import { applyApiError } from "../../lib/api"
import { FieldMessage, RootMessage, DrawerFormFooter } from "../../lib/form"

const RULE_LABELS: Record<RoutingRule, string> = {
  fewest_locations: "Fewest locations (ship an order from as few places as possible)",
  nearest: "Nearest to the shipping address",
  priority: "Your ranking of locations",
  most_stock: "Most stock of the order's items",
}
const ALL_RULES = Object.keys(RULE_LABELS) as RoutingRule[]

/** Moves the item at `from` to `to` in a copy of `list`. */
const moved = <T,>(list: T[], from: number, to: number) => {
  if (to < 0 || to >= list.length) return list
  const copy = [...list]
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item)
  return copy
}

/**
 * An ordered list: drag a row onto another, or use its arrows (keyboard).
 * Rows are ids; `label` names them.
 */
const OrderedList = ({
  ids,
  label,
  onChange,
  testId,
  extra,
}: {
  ids: string[]
  label: (id: string) => React.ReactNode
  onChange: (ids: string[]) => void
  testId: string
  extra?: (id: string) => React.ReactNode
}) => {
  const [dragged, setDragged] = useState<number | null>(null)
  return (
    <ol className="flex flex-col gap-y-1" data-testid={testId}>
      {ids.map((id, i) => (
        <li
          key={id}
          draggable
          onDragStart={() => setDragged(i)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={() => {
            if (dragged !== null) onChange(moved(ids, dragged, i))
            setDragged(null)
          }}
          className="bg-ui-bg-component shadow-borders-base flex cursor-grab items-center gap-x-2 rounded-md px-2 py-1"
          data-testid={`${testId}-${i}`}
        >
          <Text size="small" className="text-ui-fg-muted w-5">{i + 1}.</Text>
          <div className="flex-1">{label(id)}</div>
          {extra?.(id)}
          <IconButton type="button" size="2xsmall" variant="transparent" aria-label="Move up" disabled={i === 0} onClick={() => onChange(moved(ids, i, i - 1))}>
            <ArrowUpMini />
          </IconButton>
          <IconButton type="button" size="2xsmall" variant="transparent" aria-label="Move down" disabled={i === ids.length - 1} onClick={() => onChange(moved(ids, i, i + 1))}>
            <ArrowDownMini />
          </IconButton>
        </li>
      ))}
    </ol>
  )
}

const PolicySchema = z.object({
  enabled: z.boolean(),
  // Every rule in the merchant's order; `on` says which apply.
  rules: z.array(z.object({ rule: z.enum(ALL_RULES as [RoutingRule, ...RoutingRule[]]), on: z.boolean() })),
  priority: z.array(z.string()),
}).refine((v) => v.rules.some((r) => r.on), { message: "Choose at least one rule", path: ["rules"] })
type PolicyValues = z.infer<typeof PolicySchema>

const toPolicyValues = (p: RoutingPolicy | null, locations: LocationRouting[]): PolicyValues => {
  const on = p?.rules ?? ["fewest_locations", "nearest", "priority"]
  const ranked = (p?.priority ?? []).filter((id) => locations.some((l) => l.location_id === id))
  return {
    enabled: p?.enabled ?? true,
    rules: [...on.map((rule) => ({ rule, on: true })), ...ALL_RULES.filter((r) => !on.includes(r)).map((rule) => ({ rule, on: false }))],
    // The ranking lists every location; unranked ones after, by name.
    priority: [...ranked, ...locations.filter((l) => !ranked.includes(l.location_id)).map((l) => l.location_id)],
  }
}

/** The rules (which, in what order) and the ranking of locations, for the default or one channel. */
const PolicyFields = ({ form, locations }: { form: UseFormReturn<PolicyValues>; locations: LocationRouting[] }) => {
  const { control, watch, setValue, formState: { errors } } = form
  const rules = watch("rules")
  const nameOf = new Map(locations.map((l) => [l.location_id, l]))
  return (
    <>
      <div className="flex items-center gap-x-2">
        <Controller control={control} name="enabled" render={({ field }) => (
          <Switch id="policy-enabled" checked={field.value} onCheckedChange={field.onChange} />
        )} />
        <Label htmlFor="policy-enabled" size="small">Route delivery orders with these rules (off: Medusa's default)</Label>
      </div>
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">Rules, in order (each breaks the ties of the ones above)</Text>
        <OrderedList
          testId="policy-rules"
          ids={rules.map((r) => r.rule)}
          onChange={(ids) => setValue("rules", ids.map((rule) => rules.find((r) => r.rule === rule)!), { shouldDirty: true })}
          label={(id) => (
            <div className="flex items-center gap-x-2">
              <Checkbox
                id={`rule-${id}`}
                checked={rules.find((r) => r.rule === id)?.on}
                onCheckedChange={(v) =>
                  setValue("rules", rules.map((r) => (r.rule === id ? { ...r, on: v === true } : r)), { shouldDirty: true, shouldValidate: true })
                }
              />
              <Label htmlFor={`rule-${id}`} size="small">{RULE_LABELS[id as RoutingRule]}</Label>
            </div>
          )}
        />
        <FieldMessage testId="error-rules" error={errors.rules as any} />
      </div>
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">Ranking of locations (for "Your ranking")</Text>
        <OrderedList
          testId="policy-priority"
          ids={watch("priority")}
          onChange={(ids) => setValue("priority", ids, { shouldDirty: true })}
          label={(id) => (
            <Text size="small">
              {nameOf.get(id)?.name ?? id}{" "}
              {!nameOf.get(id)?.ships && <Badge size="2xsmall" color="grey">Doesn't ship</Badge>}
            </Text>
          )}
        />
        <FieldMessage testId="error-priority" error={errors.priority as any} />
      </div>
    </>
  )
}

const toPolicyBody = (v: PolicyValues) => ({
  enabled: v.enabled,
  rules: v.rules.filter((r) => r.on).map((r) => r.rule),
  priority: v.priority,
})

/** Edits the default policy, or a channel's (which may also go back to the default). */
const PolicyDrawer = ({
  target,
  settings,
  onClose,
}: {
  target: { kind: "default" } | { kind: "channel"; id: string; name: string } | null
  settings: RoutingSettings
  onClose: () => void
}) => {
  const save = useUpdateRouting()
  const channel = target?.kind === "channel" ? settings.channels.find((c) => c.sales_channel_id === target.id) : null
  const current = target?.kind === "default" ? settings.default : channel?.policy ?? settings.default
  const form = useForm<PolicyValues>({ resolver: zodResolver(PolicySchema), defaultValues: toPolicyValues(current, settings.locations) })
  const [own, setOwn] = useState(true)
  useEffect(() => {
    if (target) {
      form.reset(toPolicyValues(current, settings.locations))
      setOwn(target.kind === "default" || !!channel?.policy)
    }
  }, [target])
  const onSubmit = form.handleSubmit((values) => {
    const policy = own ? toPolicyBody(values) : null
    const body = target?.kind === "channel" ? { channels: [{ sales_channel_id: target.id, policy }] } : { default: policy }
    return save.mutateAsync(body).then(
      () => {
        toast.success("Routing saved")
        onClose()
      },
      (e) => applyApiError(form, e, ["rules", "priority", "enabled"], (p) => p.replace(/^(default|channels\.\d+\.policy)\./, ""))
    )
  })
  return (
    <Drawer open={!!target} onOpenChange={(v) => !v && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{target?.kind === "channel" ? `Routing for ${target.name}` : "Default routing"}</Drawer.Title>
          <Drawer.Description className="sr-only">The rules, in order, that choose where a delivery order ships from.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="overflow-y-auto">
          <form id="policy-form" className="flex flex-col gap-y-6" onSubmit={onSubmit}>
            {target?.kind === "channel" && (
              <div className="flex items-center gap-x-2">
                <Switch id="policy-own" checked={own} onCheckedChange={setOwn} />
                <Label htmlFor="policy-own" size="small">Rules of its own (off: the default routing)</Label>
              </div>
            )}
            {own && <PolicyFields form={form} locations={settings.locations} />}
            <RootMessage errors={form.formState.errors} testId="policy-error" />
          </form>
        </Drawer.Body>
        <DrawerFormFooter form="policy-form" isLoading={save.isPending} testId="save-policy" />
      </Drawer.Content>
    </Drawer>
  )
}

const Coord = (min: number, max: number) =>
  z.string().trim().refine((v) => v === "" || (Number.isFinite(Number(v)) && +v >= min && +v <= max), `Empty, or ${min} to ${max}`)
const LocationSchema = z
  .object({
    ships: z.enum(["default", "yes", "no"]),
    safety_stock: z.string().trim().refine((v) => /^\d+$/.test(v) && +v <= 1_000_000, "A whole number from 0"),
    latitude: Coord(-90, 90),
    longitude: Coord(-180, 180),
  })
  .refine((v) => (v.latitude === "") === (v.longitude === ""), { message: "Give both, or neither", path: ["longitude"] })
type LocationValues = z.infer<typeof LocationSchema>

const toLocationValues = (l: LocationRouting): LocationValues => ({
  ships: l.ships_setting === null ? "default" : l.ships_setting ? "yes" : "no",
  safety_stock: String(l.safety_stock),
  latitude: l.latitude == null ? "" : String(l.latitude),
  longitude: l.longitude == null ? "" : String(l.longitude),
})

/** One location's part in shipping: whether it ships, what it keeps back, where it is. */
const LocationDrawer = ({ location, onClose }: { location: LocationRouting | null; onClose: () => void }) => {
  const save = useUpdateRouting()
  const form = useForm<LocationValues>({ resolver: zodResolver(LocationSchema), defaultValues: location ? toLocationValues(location) : undefined })
  const { control, register, formState: { errors } } = form
  useEffect(() => {
    if (location) form.reset(toLocationValues(location))
  }, [location])
  const onSubmit = form.handleSubmit((v) =>
    save
      .mutateAsync({
        locations: [
          {
            location_id: location!.location_id,
            ships: v.ships === "default" ? null : v.ships === "yes",
            safety_stock: Number(v.safety_stock),
            latitude: v.latitude === "" ? null : Number(v.latitude),
            longitude: v.longitude === "" ? null : Number(v.longitude),
          },
        ],
      })
      .then(
        () => {
          toast.success(`${location!.name} saved`)
          onClose()
        },
        (e) => applyApiError(form, e, ["ships", "safety_stock", "latitude", "longitude"], (p) => p.replace(/^locations\.\d+\./, ""))
      )
  )
  return (
    <Drawer open={!!location} onOpenChange={(v) => !v && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{location?.name}: shipping</Drawer.Title>
          <Drawer.Description className="sr-only">Whether this location ships delivery orders, and the stock it keeps back.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body>
          <form id="location-form" className="flex flex-col gap-y-4" onSubmit={onSubmit}>
            <div>
              <Label size="small">Ships delivery orders</Label>
              <Controller control={control} name="ships" render={({ field }) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <Select.Trigger data-testid="location-ships"><Select.Value /></Select.Trigger>
                  <Select.Content>
                    <Select.Item value="default">Default ({location?.kind === "store" ? "stores don't ship" : "warehouses ship"})</Select.Item>
                    <Select.Item value="yes">Yes</Select.Item>
                    <Select.Item value="no">No</Select.Item>
                  </Select.Content>
                </Select>
              )} />
            </div>
            <div>
              <Label htmlFor="location-safety" size="small">Units kept back from shipping (safety stock)</Label>
              <Input id="location-safety" type="number" {...register("safety_stock")} />
              <FieldMessage testId="error-safety_stock" error={errors.safety_stock} />
            </div>
            <div className="grid grid-cols-2 gap-4">
              <div>
                <Label htmlFor="location-lat" size="small">Latitude (for "nearest")</Label>
                <Input id="location-lat" {...register("latitude")} />
                <FieldMessage testId="error-latitude" error={errors.latitude} />
              </div>
              <div>
                <Label htmlFor="location-lng" size="small">Longitude</Label>
                <Input id="location-lng" {...register("longitude")} />
                <FieldMessage testId="error-longitude" error={errors.longitude} />
              </div>
            </div>
            <RootMessage errors={errors} testId="location-error" />
          </form>
        </Drawer.Body>
        <DrawerFormFooter form="location-form" isLoading={save.isPending} testId="save-location" />
      </Drawer.Content>
    </Drawer>
  )
}

const describe = (p: RoutingPolicy | null, nameOf: Map<string, string>) => {
  if (!p) return "None: Medusa's default (the first location with stock)"
  if (!p.enabled) return "Off: Medusa's default (the first location with stock)"
  const rules = p.rules.map((r) => RULE_LABELS[r].split(" (")[0].toLowerCase()).join(", then ")
  const ranked = p.rules.includes("priority") && p.priority.length ? `; ranking: ${p.priority.slice(0, 3).map((id) => nameOf.get(id) ?? id).join(", ")}${p.priority.length > 3 ? "…" : ""}` : ""
  return `${rules[0].toUpperCase()}${rules.slice(1)}${ranked}`
}

/** Delivery routing: which locations ship orders, by which rules, per sales channel. */
const FulfillmentRoutingPage = () => {
  const { data, isLoading } = useRoutingSettings()
  const [policyTarget, setPolicyTarget] = useState<Parameters<typeof PolicyDrawer>[0]["target"]>(null)
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
          <Text size="small" data-testid="default-summary">{describe(settings.default, nameOf)}</Text>
          <span />
        </div>
        {settings.channels.map((c) => (
          <div key={c.sales_channel_id} className="grid grid-cols-[1fr_2fr_auto] items-center gap-x-4 px-6 py-3">
            <Text size="small" weight="plus">{c.name}</Text>
            <Text size="small" className={c.policy ? "" : "text-ui-fg-subtle"}>
              {c.policy ? describe(c.policy, nameOf) : "Uses the default"}
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
