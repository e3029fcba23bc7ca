import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminStockLocation, DetailWidgetProps } from "@medusajs/framework/types"
import { PencilSquare, Plus, Trash } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, IconButton, Input, Label, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useState } from "react"
import { Controller, useFieldArray, useForm, type Control, type FieldErrors } from "react-hook-form"
import { z } from "zod"
import { type AdminPickupStore, usePickupStore, useUpdatePickupStore } from "../hooks/pickup-stores"
import { applyApiError } from "../lib/api"
import { FieldMessage, RootMessage, DrawerFormFooter } from "../lib/form"

const DAYS = [
  ["mon", "Monday"], ["tue", "Tuesday"], ["wed", "Wednesday"], ["thu", "Thursday"],
  ["fri", "Friday"], ["sat", "Saturday"], ["sun", "Sunday"],
] as const
type Day = (typeof DAYS)[number][0]

// The form's own checks, for instant feedback; the API checks everything
// again (time zone, overlapping ranges) and its 400 names the field.
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:mm")
const Range = z
  .object({ open: HHMM, close: HHMM })
  .refine((r) => r.open < r.close, { message: "Opens before it closes", path: ["close"] })
const Whole = (max: number) =>
  z.string().trim().regex(/^\d+$/, "A whole number").refine((v) => Number(v) <= max, `At most ${max}`)
const Coordinate = (max: number) =>
  z.string().trim().refine((v) => v === "" || (Number.isFinite(Number(v)) && Math.abs(Number(v)) <= max), `A number from -${max} to ${max}`)

const Schema = z.object({
  enabled: z.boolean(),
  latitude: Coordinate(90),
  longitude: Coordinate(180),
  timezone: z.string().trim().min(1, "Required"),
  hours: z.object(Object.fromEntries(DAYS.map(([d]) => [d, z.array(Range)])) as Record<Day, z.ZodArray<typeof Range>>),
  closures: z.array(
    z
      .object({ from: z.string().min(1, "Required"), to: z.string().min(1, "Required"), label: z.string().max(100) })
      .refine((c) => !c.from || !c.to || c.from <= c.to, { message: "Not before the first day", path: ["to"] })
  ),
  lead_time_minutes: Whole(60 * 24 * 30),
  slot_minutes: Whole(24 * 60),
  slot_capacity: Whole(10_000),
  slot_horizon_days: Whole(365).refine((v) => +v >= 1, "1 to 365"),
  hold_days: z.string().trim().refine((v) => v === "" || (/^\d+$/.test(v) && +v >= 1 && +v <= 365), "Empty, or 1 to 365"),
  safety_stock: Whole(1_000_000),
  instructions: z.string().max(2000),
  curbside: z.boolean(),
  phone: z.string().max(50),
  email: z.string().trim().refine((v) => v === "" || /^[^@\s]+@[^@\s]+$/.test(v), "An email address"),
})
type Values = z.infer<typeof Schema>
const FIELDS = Object.keys(Schema.shape)

const toValues = (s: AdminPickupStore): Values => ({
  enabled: s.enabled,
  latitude: s.latitude == null ? "" : String(s.latitude),
  longitude: s.longitude == null ? "" : String(s.longitude),
  timezone: s.timezone,
  hours: Object.fromEntries(DAYS.map(([d]) => [d, (s.hours?.[d] ?? []).map(([open, close]) => ({ open, close }))])) as Values["hours"],
  closures: (s.closures ?? []).map((c) => ({ from: c.from, to: c.to, label: c.label ?? "" })),
  lead_time_minutes: String(s.lead_time_minutes),
  slot_minutes: String(s.slot_minutes),
  slot_capacity: String(s.slot_capacity),
  slot_horizon_days: String(s.slot_horizon_days ?? 30),
  hold_days: s.hold_days == null ? "" : String(s.hold_days),
  safety_stock: String(s.safety_stock),
  instructions: s.instructions ?? "",
  curbside: s.curbside,
  phone: s.phone ?? "",
  email: s.email ?? "",
})

const toBody = (v: Values) => ({
  enabled: v.enabled,
  latitude: v.latitude === "" ? null : Number(v.latitude),
  longitude: v.longitude === "" ? null : Number(v.longitude),
  timezone: v.timezone,
  hours: Object.fromEntries(DAYS.map(([d]) => [d, v.hours[d].map((r) => [r.open, r.close])])),
  closures: v.closures.map((c) => ({ from: c.from, to: c.to, label: c.label || null })),
  lead_time_minutes: Number(v.lead_time_minutes),
  slot_minutes: Number(v.slot_minutes),
  slot_capacity: Number(v.slot_capacity),
  slot_horizon_days: Number(v.slot_horizon_days),
  hold_days: v.hold_days === "" ? null : Number(v.hold_days),
  safety_stock: Number(v.safety_stock),
  instructions: v.instructions || null,
  curbside: v.curbside,
  phone: v.phone || null,
  email: v.email || null,
})

/** The API names an opening range's times by index (hours.mon.0.1); the form by name. */
const formPath = (path: string) => path.replace(/^(hours\.\w+\.\d+)\.([01])$/, (_, range, i) => `${range}.${i === "0" ? "open" : "close"}`)

const NUMBERS: [keyof Values, string, string][] = [
  ["lead_time_minutes", "Preparation lead time", "minutes"],
  ["slot_minutes", "Pickup slot length", "minutes (0: no slots)"],
  ["slot_capacity", "Orders per slot", "orders"],
  ["slot_horizon_days", "Slot horizon", "days ahead a slot may be booked"],
  ["hold_days", "Hold period", "days a ready order waits (empty: the plugin's default)"],
  ["safety_stock", "Safety stock", "units kept back per item"],
]

const DayRanges = ({ control, day, name, errors }: { control: Control<Values>; day: Day; name: string; errors: FieldErrors<Values> }) => {
  const { fields, append, remove } = useFieldArray({ control, name: `hours.${day}` })
  return (
    <div className="grid grid-cols-[7rem_1fr_auto] items-start gap-2" data-testid={`hours-${day}`}>
      <Text size="small" className="pt-1.5">{name}</Text>
      <div className="flex flex-col gap-1">
        {fields.length === 0 && <Text size="small" className="text-ui-fg-muted">Closed</Text>}
        {fields.map((f, i) => (
          <div key={f.id}>
            <span className="flex items-center gap-1">
              <Controller control={control} name={`hours.${day}.${i}.open`} render={({ field }) => (
                <Input size="small" type="time" className="w-28" aria-label={`${name} opens`} {...field} />
              )} />
              –
              <Controller control={control} name={`hours.${day}.${i}.close`} render={({ field }) => (
                <Input size="small" type="time" className="w-28" aria-label={`${name} closes`} {...field} />
              )} />
              <IconButton type="button" size="small" variant="transparent" aria-label={`Remove ${name} range`} onClick={() => remove(i)}>
                <Trash />
              </IconButton>
            </span>
            <FieldMessage
              testId={`error-hours-${day}-${i}`}
              error={errors.hours?.[day]?.[i]?.close ?? errors.hours?.[day]?.[i]?.open ?? errors.hours?.[day]?.[i]}
            />
          </div>
        ))}
        <FieldMessage testId={`error-hours-${day}`} error={errors.hours?.[day]} />
      </div>
      <IconButton type="button" size="small" variant="transparent" aria-label={`Add ${name} range`}
        onClick={() => append({ open: "09:00", close: "18:00" })}>
        <Plus />
      </IconButton>
    </div>
  )
}

/** The settings form, in a drawer: react-hook-form with the schema above, the API's field errors under their fields. */
const PickupSettingsDrawer = ({ store, open, onOpenChange }: { store: AdminPickupStore; open: boolean; onOpenChange: (v: boolean) => void }) => {
  const save = useUpdatePickupStore(store.location_id)
  const form = useForm<Values>({ resolver: zodResolver(Schema), defaultValues: toValues(store) })
  const { control, register, handleSubmit, formState: { errors } } = form
  const closures = useFieldArray({ control, name: "closures" })
  useEffect(() => {
    if (open) form.reset(toValues(store))
  }, [open, store])

  const onSubmit = handleSubmit((values) =>
    save.mutateAsync(toBody(values)).then(
      () => {
        toast.success("Pickup settings saved")
        onOpenChange(false)
      },
      (e) => {
        applyApiError(form, e, FIELDS, formPath)
        toast.error("Pickup settings not saved", { description: e?.message })
      }
    )
  )
  const copyMonday = () => {
    const monday = form.getValues("hours.mon")
    for (const d of ["tue", "wed", "thu", "fri"] as const) form.setValue(`hours.${d}`, monday.map((r) => ({ ...r })), { shouldDirty: true })
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="pickup-settings-drawer">
        <Drawer.Header>
          <Drawer.Title>Pickup at {store.name}</Drawer.Title>
          <Drawer.Description className="sr-only">Opening hours, closures, slots and contact for pickup at this store.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="overflow-y-auto">
          <form id="pickup-settings-form" className="flex flex-col gap-y-6" onSubmit={onSubmit}>
            <div className="flex items-center gap-x-3">
              <Controller control={control} name="enabled" render={({ field }) => (
                <Switch id="pickup-enabled" checked={field.value} onCheckedChange={field.onChange} />
              )} />
              <Label htmlFor="pickup-enabled">Offer pickup at this store</Label>
            </div>

            <div className="grid grid-cols-3 gap-3">
              {([["latitude", "Latitude"], ["longitude", "Longitude"], ["timezone", "Time zone"]] as const).map(([key, label]) => (
                <div key={key}>
                  <Label htmlFor={`pickup-${key}`} size="small">{label}</Label>
                  <Input id={`pickup-${key}`} size="small" {...register(key)} />
                  <FieldMessage testId={`error-${key}`} error={errors[key]} />
                </div>
              ))}
            </div>

            <div>
              <div className="flex items-center justify-between">
                <Text weight="plus" size="small">Opening hours</Text>
                <Button type="button" size="small" variant="transparent" onClick={copyMonday} data-testid="copy-monday">
                  Copy Monday to weekdays
                </Button>
              </div>
              <div className="mt-2 flex flex-col gap-y-2">
                {DAYS.map(([day, name]) => (
                  <DayRanges key={day} control={control} day={day} name={name} errors={errors} />
                ))}
              </div>
              <FieldMessage testId="error-hours" error={errors.hours as any} />
            </div>

            <div>
              <div className="flex items-center justify-between">
                <Text weight="plus" size="small">Closures</Text>
                <Button type="button" size="small" variant="transparent" onClick={() => closures.append({ from: "", to: "", label: "" })}>
                  Add closure
                </Button>
              </div>
              {closures.fields.map((c, i) => (
                <div key={c.id} className="mt-2">
                  <div className="grid grid-cols-[1fr_1fr_2fr_auto] items-center gap-2">
                    <Input size="small" type="date" aria-label="Closed from" {...register(`closures.${i}.from`)} />
                    <Input size="small" type="date" aria-label="Closed until" {...register(`closures.${i}.to`)} />
                    <Input size="small" placeholder="Label (e.g. Christmas)" aria-label="Closure label" {...register(`closures.${i}.label`)} />
                    <IconButton type="button" size="small" variant="transparent" aria-label="Remove closure" onClick={() => closures.remove(i)}>
                      <Trash />
                    </IconButton>
                  </div>
                  <FieldMessage
                    testId={`error-closures-${i}`}
                    error={errors.closures?.[i]?.from ?? errors.closures?.[i]?.to ?? errors.closures?.[i]?.label ?? errors.closures?.[i]}
                  />
                </div>
              ))}
              <FieldMessage testId="error-closures" error={errors.closures as any} />
            </div>

            <div className="grid grid-cols-2 gap-3">
              {NUMBERS.map(([key, label, hint]) => (
                <div key={key}>
                  <Label htmlFor={`pickup-${key}`} size="small">{label}</Label>
                  <Input id={`pickup-${key}`} size="small" type="number" min={0} {...register(key)} />
                  <Text size="xsmall" className="text-ui-fg-muted">{hint}</Text>
                  <FieldMessage testId={`error-${key}`} error={errors[key] as any} />
                </div>
              ))}
            </div>

            <div>
              <Label htmlFor="pickup-instructions" size="small">Instructions for shoppers</Label>
              <Textarea id="pickup-instructions" {...register("instructions")} />
              <FieldMessage testId="error-instructions" error={errors.instructions} />
            </div>

            <div className="grid grid-cols-3 items-end gap-3">
              <div className="flex items-center gap-x-3 pb-2">
                <Controller control={control} name="curbside" render={({ field }) => (
                  <Switch id="pickup-curbside" checked={field.value} onCheckedChange={field.onChange} />
                )} />
                <Label htmlFor="pickup-curbside" size="small">Curbside pickup</Label>
              </div>
              <div>
                <Label htmlFor="pickup-phone" size="small">Phone</Label>
                <Input id="pickup-phone" size="small" {...register("phone")} />
                <FieldMessage testId="error-phone" error={errors.phone} />
              </div>
              <div>
                <Label htmlFor="pickup-email" size="small">Email</Label>
                <Input id="pickup-email" size="small" {...register("email")} />
                <FieldMessage testId="error-email" error={errors.email} />
              </div>
            </div>
            <RootMessage errors={errors} />
          </form>
        </Drawer.Body>
        <DrawerFormFooter form="pickup-settings-form" isLoading={save.isPending} testId="save-pickup-settings" />
      </Drawer.Content>
    </Drawer>
  )
}

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
