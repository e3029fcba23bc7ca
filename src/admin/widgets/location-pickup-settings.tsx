import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminStockLocation, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, IconButton, Input, Label, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { Plus, Trash } from "@medusajs/icons"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { sdk } from "../lib/sdk"

type Range = [string, string]
type Closure = { from: string; to: string; label?: string | null }
type Settings = {
  enabled: boolean
  latitude: number | null
  longitude: number | null
  timezone: string
  hours: Record<string, Range[]>
  closures: Closure[]
  lead_time_minutes: number
  slot_minutes: number
  slot_capacity: number
  /** null: the plugin's defaultHoldDays */
  hold_days: number | null
  safety_stock: number
  instructions: string | null
  curbside: boolean
  phone: string | null
  email: string | null
}

const DAYS: [string, string][] = [
  ["mon", "Monday"], ["tue", "Tuesday"], ["wed", "Wednesday"], ["thu", "Thursday"],
  ["fri", "Friday"], ["sat", "Saturday"], ["sun", "Sunday"],
]
const NUMBERS: [keyof Settings, string, string][] = [
  ["lead_time_minutes", "Preparation lead time", "minutes"],
  ["slot_minutes", "Pickup slot length", "minutes (0: no slots)"],
  ["slot_capacity", "Orders per slot", "orders"],
  ["hold_days", "Hold period", "days a ready order waits (empty: the plugin's default)"],
  ["safety_stock", "Safety stock", "units kept back per item"],
]

/**
 * The API answers 400 naming the field ("Value for field 'latitude' too big…",
 * "hours: opening time must be before closing time"): that says which field
 * the message goes next to.
 */
function fieldOf(message: string): string {
  const quoted = /field '([a-z_]+)/i.exec(message)
  if (quoted) return quoted[1]
  const prefixed = /^(?:Invalid request: )?([a-z_]+)[.[:]/i.exec(message)
  return prefixed ? prefixed[1] : "_form"
}

const FieldError = ({ errors, name }: { errors: Record<string, string>; name: string }) =>
  errors[name] ? (
    <Text size="small" className="text-ui-fg-error mt-1" data-testid={`error-${name}`}>
      {errors[name]}
    </Text>
  ) : null

/** Pickup settings of a store, edited on its location page and saved through the admin API. */
const LocationPickupSettingsWidget = ({ data }: DetailWidgetProps<AdminStockLocation>) => {
  const queryClient = useQueryClient()
  const { data: res, isLoading, isError } = useQuery({
    queryKey: ["pickup-store", data.id],
    queryFn: () => sdk.client.fetch<{ store: Settings }>(`/admin/pickup-stores/${data.id}`),
  })
  const [form, setForm] = useState<Settings | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  useEffect(() => {
    if (res?.store) {
      const s = res.store
      setForm({ ...s, hours: Object.fromEntries(DAYS.map(([d]) => [d, s.hours?.[d] ?? []])), closures: s.closures ?? [] })
    }
  }, [res])

  const save = useMutation({
    mutationFn: (body: Settings) => {
      const { latitude, longitude, instructions, phone, email, ...rest } = body as any
      return sdk.client.fetch<{ store: Settings }>(`/admin/pickup-stores/${data.id}`, {
        method: "POST",
        body: {
          ...Object.fromEntries(
            ["enabled", "timezone", "hours", "closures", "curbside", ...NUMBERS.map(([k]) => k)].map((k) => [k, rest[k]])
          ),
          latitude: latitude === null || latitude === "" ? null : Number(latitude),
          longitude: longitude === null || longitude === "" ? null : Number(longitude),
          instructions: instructions || null,
          phone: phone || null,
          email: email || null,
          closures: rest.closures.map((c: Closure) => ({ from: c.from, to: c.to, label: c.label || null })),
        },
      })
    },
    onSuccess: (saved) => {
      setErrors({})
      queryClient.setQueryData(["pickup-store", data.id], saved)
      toast.success("Pickup settings saved")
    },
    onError: (e: any) => {
      const message = String(e?.message ?? "Could not save")
      setErrors({ [fieldOf(message)]: message })
      toast.error("Pickup settings not saved", { description: message })
    },
  })

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setForm((f) => (f ? { ...f, [key]: value } : f))
  const setRange = (day: string, i: number, j: 0 | 1, value: string) =>
    setForm((f) => {
      if (!f) return f
      const ranges = f.hours[day].map((r, k) => (k === i ? ((j === 0 ? [value, r[1]] : [r[0], value]) as Range) : r))
      return { ...f, hours: { ...f.hours, [day]: ranges } }
    })
  const copyMonday = () =>
    setForm((f) => (f ? { ...f, hours: { ...f.hours, ...Object.fromEntries(["tue", "wed", "thu", "fri"].map((d) => [d, f.hours.mon.map((r) => [...r] as Range)])) } } : f))

  return (
    <Container className="divide-y p-0" data-testid="pickup-settings">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Pickup settings</Heading>
        {res?.store && (
          <Badge color={res.store.enabled ? "green" : "grey"} size="2xsmall">
            {res.store.enabled ? "Pickup on" : "Pickup off"}
          </Badge>
        )}
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {isError && <Text className="text-ui-fg-error px-6 py-4">Could not load pickup settings</Text>}
      {form && (
        <form
          className="flex flex-col gap-y-6 px-6 py-4"
          onSubmit={(e) => {
            e.preventDefault()
            save.mutate(form)
          }}
        >
          <div className="flex items-center gap-x-3">
            <Switch id="pickup-enabled" checked={form.enabled} onCheckedChange={(v) => set("enabled", v)} />
            <Label htmlFor="pickup-enabled">Offer pickup at this store</Label>
          </div>

          <div className="grid grid-cols-3 gap-3">
            <div>
              <Label htmlFor="pickup-latitude" size="small">Latitude</Label>
              <Input id="pickup-latitude" size="small" value={form.latitude ?? ""} onChange={(e) => set("latitude", e.target.value as any)} />
              <FieldError errors={errors} name="latitude" />
            </div>
            <div>
              <Label htmlFor="pickup-longitude" size="small">Longitude</Label>
              <Input id="pickup-longitude" size="small" value={form.longitude ?? ""} onChange={(e) => set("longitude", e.target.value as any)} />
              <FieldError errors={errors} name="longitude" />
            </div>
            <div>
              <Label htmlFor="pickup-timezone" size="small">Time zone</Label>
              <Input id="pickup-timezone" size="small" value={form.timezone} onChange={(e) => set("timezone", e.target.value)} />
              <FieldError errors={errors} name="timezone" />
            </div>
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
                <div key={day} className="grid grid-cols-[7rem_1fr_auto] items-center gap-2" data-testid={`hours-${day}`}>
                  <Text size="small">{name}</Text>
                  <div className="flex flex-wrap items-center gap-2">
                    {form.hours[day].length === 0 && <Text size="small" className="text-ui-fg-muted">Closed</Text>}
                    {form.hours[day].map((r, i) => (
                      <span key={i} className="flex items-center gap-1">
                        <Input size="small" type="time" className="w-28" aria-label={`${name} opens`} value={r[0]} onChange={(e) => setRange(day, i, 0, e.target.value)} />
                        –
                        <Input size="small" type="time" className="w-28" aria-label={`${name} closes`} value={r[1]} onChange={(e) => setRange(day, i, 1, e.target.value)} />
                        <IconButton type="button" size="small" variant="transparent" aria-label={`Remove ${name} range`}
                          onClick={() => set("hours", { ...form.hours, [day]: form.hours[day].filter((_, k) => k !== i) })}>
                          <Trash />
                        </IconButton>
                      </span>
                    ))}
                  </div>
                  <IconButton type="button" size="small" variant="transparent" aria-label={`Add ${name} range`}
                    onClick={() => set("hours", { ...form.hours, [day]: [...form.hours[day], ["09:00", "18:00"]] })}>
                    <Plus />
                  </IconButton>
                </div>
              ))}
            </div>
            <FieldError errors={errors} name="hours" />
          </div>

          <div>
            <div className="flex items-center justify-between">
              <Text weight="plus" size="small">Closures</Text>
              <Button type="button" size="small" variant="transparent"
                onClick={() => set("closures", [...form.closures, { from: "", to: "", label: "" }])}>
                Add closure
              </Button>
            </div>
            {form.closures.map((c, i) => (
              <div key={i} className="mt-2 grid grid-cols-[1fr_1fr_2fr_auto] items-center gap-2">
                <Input size="small" type="date" aria-label="Closed from" value={c.from}
                  onChange={(e) => set("closures", form.closures.map((x, k) => (k === i ? { ...x, from: e.target.value } : x)))} />
                <Input size="small" type="date" aria-label="Closed until" value={c.to}
                  onChange={(e) => set("closures", form.closures.map((x, k) => (k === i ? { ...x, to: e.target.value } : x)))} />
                <Input size="small" placeholder="Label (e.g. Christmas)" aria-label="Closure label" value={c.label ?? ""}
                  onChange={(e) => set("closures", form.closures.map((x, k) => (k === i ? { ...x, label: e.target.value } : x)))} />
                <IconButton type="button" size="small" variant="transparent" aria-label="Remove closure"
                  onClick={() => set("closures", form.closures.filter((_, k) => k !== i))}>
                  <Trash />
                </IconButton>
              </div>
            ))}
            <FieldError errors={errors} name="closures" />
          </div>

          <div className="grid grid-cols-2 gap-3 lg:grid-cols-3">
            {NUMBERS.map(([key, label, hint]) => (
              <div key={key}>
                <Label htmlFor={`pickup-${key}`} size="small">{label}</Label>
                <Input id={`pickup-${key}`} size="small" type="number" min={0}
                  value={form[key] == null ? "" : String(form[key])}
                  onChange={(e) => set(key, (e.target.value === "" ? (key === "hold_days" ? null : 0) : Number(e.target.value)) as any)} />
                <Text size="xsmall" className="text-ui-fg-muted">{hint}</Text>
                <FieldError errors={errors} name={key} />
              </div>
            ))}
          </div>

          <div>
            <Label htmlFor="pickup-instructions" size="small">Instructions for shoppers</Label>
            <Textarea id="pickup-instructions" value={form.instructions ?? ""} onChange={(e) => set("instructions", e.target.value)} />
            <FieldError errors={errors} name="instructions" />
          </div>

          <div className="grid grid-cols-3 items-end gap-3">
            <div className="flex items-center gap-x-3 pb-2">
              <Switch id="pickup-curbside" checked={form.curbside} onCheckedChange={(v) => set("curbside", v)} />
              <Label htmlFor="pickup-curbside" size="small">Curbside pickup</Label>
            </div>
            <div>
              <Label htmlFor="pickup-phone" size="small">Phone</Label>
              <Input id="pickup-phone" size="small" value={form.phone ?? ""} onChange={(e) => set("phone", e.target.value)} />
              <FieldError errors={errors} name="phone" />
            </div>
            <div>
              <Label htmlFor="pickup-email" size="small">Email</Label>
              <Input id="pickup-email" size="small" value={form.email ?? ""} onChange={(e) => set("email", e.target.value)} />
              <FieldError errors={errors} name="email" />
            </div>
          </div>

          <FieldError errors={errors} name="_form" />
          <div className="flex justify-end">
            <Button type="submit" size="small" isLoading={save.isPending} data-testid="save-pickup-settings">
              Save pickup settings
            </Button>
          </div>
        </form>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "location.details.after",
})

export default LocationPickupSettingsWidget
