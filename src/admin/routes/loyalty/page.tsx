import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PencilSquare, Star, Trash } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, IconButton, Input, Label, Select, Switch, Table, Text, toast } from "@medusajs/ui"
import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useState } from "react"
import { Controller, useFieldArray, useForm } from "react-hook-form"
import { z } from "zod"
import type { LoyaltyProgramSettings as Program } from "../../../modules/loyalty/types"
import { type AdminLoyaltyProgram, useLoyaltyProgram, useUpdateLoyaltyProgram } from "../../hooks/loyalty"
import { applyApiError } from "../../lib/api"
import { FieldMessage, RootMessage, DrawerFormFooter } from "../../lib/form"

// Numbers are typed as text and checked here; the API checks them again.
const Num = (min: number, max: number, { whole = false, unit = "" } = {}) =>
  z
    .string()
    .trim()
    .refine((v) => v !== "" && Number.isFinite(Number(v)), "A number")
    .refine((v) => !whole || Number.isInteger(Number(v)), "A whole number")
    .refine((v) => Number(v) >= min && Number(v) <= max, `From ${min}${unit} to ${max}${unit}`)

// The program stores the share of an order payable in points as a fraction
// (0.5); merchants and the shop read it as a percentage (50 %). Rounded to
// hundredths of a percent: the column is a float4, so 0.3 reads 0.30000001.
const toPercent = (share: number) => String(Math.round(share * 10000) / 100)
const toShare = (percent: string) => Number(percent) / 100
const percentText = (share: number) => `${Math.round(share * 10000) / 100} %`

const Schema = z.object({
  enabled: z.boolean(),
  earn_rate: Num(0, 1000),
  point_value: Num(0, 1000),
  include_tax: z.boolean(),
  include_shipping: z.boolean(),
  min_redeem_points: Num(0, 1_000_000, { whole: true }),
  max_redeem_percent: Num(0, 100, { unit: " %" }),
  pending_days: Num(0, 365, { whole: true }),
  expiry_months: z.string().trim().refine((v) => v === "" || (/^\d+$/.test(v) && +v >= 1 && +v <= 120), "Empty, or 1 to 120"),
  tier_basis: z.enum(["points", "spend"]),
  tier_window_months: Num(1, 60, { whole: true }),
  tiers: z
    .array(z.object({ name: z.string().trim().min(1, "Required").max(50), threshold: Num(0, 1e9), multiplier: Num(0, 10) }))
    .max(10, "At most 10 tiers"),
})
type Values = z.infer<typeof Schema>

const currencyOf = (p: Program) => Object.keys(p.earn_rates)[0] ?? "eur"

const toValues = (p: Program): Values => {
  const c = currencyOf(p)
  return {
    enabled: p.enabled,
    earn_rate: String(p.earn_rates[c] ?? 0),
    point_value: String(p.point_values[c] ?? 0),
    include_tax: p.include_tax,
    include_shipping: p.include_shipping,
    min_redeem_points: String(p.min_redeem_points),
    max_redeem_percent: toPercent(p.max_redeem_share),
    pending_days: String(p.pending_days),
    expiry_months: p.expiry_months == null ? "" : String(p.expiry_months),
    tier_basis: p.tier_basis,
    tier_window_months: String(p.tier_window_months),
    tiers: p.tiers.map((t) => ({ name: t.name, threshold: String(t.threshold), multiplier: String(t.multiplier) })),
  }
}

const toBody = (v: Values, currency: string): Program => ({
  enabled: v.enabled,
  earn_rates: { [currency]: Number(v.earn_rate) },
  point_values: { [currency]: Number(v.point_value) },
  include_tax: v.include_tax,
  include_shipping: v.include_shipping,
  min_redeem_points: Number(v.min_redeem_points),
  max_redeem_share: toShare(v.max_redeem_percent),
  pending_days: Number(v.pending_days),
  expiry_months: v.expiry_months === "" ? null : Number(v.expiry_months),
  tier_basis: v.tier_basis,
  tier_window_months: Number(v.tier_window_months),
  tiers: v.tiers.map((t) => ({ name: t.name, threshold: Number(t.threshold), multiplier: Number(t.multiplier) })),
})

/**
 * The API names the rates by currency (earn_rates.eur); the form has one field
 * each. The share is the form's percent field.
 */
const formPath = (path: string) =>
  path
    .replace(/^earn_rates(\..*)?$/, "earn_rate")
    .replace(/^point_values(\..*)?$/, "point_value")
    .replace(/^max_redeem_share$/, "max_redeem_percent")
const FIELDS = [...Object.keys(Schema.shape), "earn_rates", "point_values", "max_redeem_share"]

type NumberField = "min_redeem_points" | "max_redeem_percent" | "pending_days" | "tier_window_months" | "expiry_months"
const NUMBERS: [NumberField, string][] = [
  ["min_redeem_points", "Minimum points to redeem"],
  ["max_redeem_percent", "Largest share of an order paid in points (%)"],
  ["pending_days", "Days before earned points can be spent"],
  ["tier_window_months", "Tier window (months)"],
  ["expiry_months", "Points expire after (months, empty: never)"],
]

const ProgramDrawer = ({ program, open, onOpenChange }: { program: AdminLoyaltyProgram; open: boolean; onOpenChange: (v: boolean) => void }) => {
  const save = useUpdateLoyaltyProgram()
  const currency = currencyOf(program)
  const form = useForm<Values>({ resolver: zodResolver(Schema), defaultValues: toValues(program) })
  const { control, register, handleSubmit, watch, formState: { errors } } = form
  const tiers = useFieldArray({ control, name: "tiers" })
  useEffect(() => {
    if (open) form.reset(toValues(program))
  }, [open, program])
  const onSubmit = handleSubmit((values) =>
    save.mutateAsync(toBody(values, currency)).then(
      () => {
        toast.success("Loyalty program saved")
        onOpenChange(false)
      },
      (e) => applyApiError(form, e, FIELDS, formPath)
    )
  )
  const basis = watch("tier_basis")

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Edit loyalty program</Drawer.Title>
          <Drawer.Description className="sr-only">Earning, redeeming, expiry and tiers of the loyalty program.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="overflow-y-auto">
          <form id="program-form" className="flex flex-col gap-y-6" onSubmit={onSubmit}>
            <div className="flex items-center gap-x-2">
              <Controller control={control} name="enabled" render={({ field }) => (
                <Switch id="program-enabled" checked={field.value} onCheckedChange={field.onChange} />
              )} />
              <Label htmlFor="program-enabled" size="small">Active</Label>
            </div>
            <div className="grid grid-cols-2 gap-4">
              <div>
                <Label htmlFor="earn-rate" size="small">Points per 1 {currency.toUpperCase()} spent</Label>
                <Input id="earn-rate" type="number" step="0.01" {...register("earn_rate")} />
                <FieldMessage testId="error-earn_rate" error={errors.earn_rate} />
              </div>
              <div>
                <Label htmlFor="point-value" size="small">Value of one point ({currency.toUpperCase()})</Label>
                <Input id="point-value" type="number" step="0.001" {...register("point_value")} />
                <FieldMessage testId="error-point_value" error={errors.point_value} />
              </div>
              {([["include_tax", "include-tax", "Tax counts towards points"], ["include_shipping", "include-shipping", "Shipping counts towards points"]] as const).map(
                ([name, id, label]) => (
                  <div key={name} className="flex items-center gap-x-2">
                    <Controller control={control} name={name} render={({ field }) => (
                      <Switch id={id} checked={field.value} onCheckedChange={field.onChange} />
                    )} />
                    <Label htmlFor={id} size="small">{label}</Label>
                  </div>
                )
              )}
              {NUMBERS.map(([key, label]) => (
                <div key={key}>
                  <Label htmlFor={`program-${key}`} size="small">{label}</Label>
                  <Input id={`program-${key}`} type="number" step="any" {...register(key)} />
                  <FieldMessage testId={`error-${key}`} error={errors[key]} />
                </div>
              ))}
              <div>
                <Label size="small">Tiers by</Label>
                <Controller control={control} name="tier_basis" render={({ field }) => (
                  <Select value={field.value} onValueChange={field.onChange}>
                    <Select.Trigger><Select.Value /></Select.Trigger>
                    <Select.Content>
                      <Select.Item value="points">Points earned</Select.Item>
                      <Select.Item value="spend">Money spent</Select.Item>
                    </Select.Content>
                  </Select>
                )} />
              </div>
            </div>

            <div>
              <div className="flex items-center justify-between">
                <Text weight="plus" size="small">Tiers</Text>
                <Button type="button" size="small" variant="transparent" onClick={() => tiers.append({ name: "", threshold: "0", multiplier: "1" })}>
                  Add tier
                </Button>
              </div>
              {tiers.fields.length > 0 && (
                <div className="mt-2 grid grid-cols-[2fr_1fr_1fr_auto] gap-2">
                  <Text size="xsmall" className="text-ui-fg-subtle">Name</Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">From ({basis === "spend" ? "spent" : "points"} in window)</Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">Earn multiplier</Text>
                  <span className="w-7" />
                </div>
              )}
              {tiers.fields.map((t, i) => (
                <div key={t.id} className="mt-2" data-testid={`tier-${i}`}>
                  <div className="grid grid-cols-[2fr_1fr_1fr_auto] items-center gap-2">
                    <Input size="small" aria-label="Tier name" placeholder="Name" {...register(`tiers.${i}.name`)} />
                    <Input size="small" aria-label="Tier threshold" type="number" {...register(`tiers.${i}.threshold`)} />
                    <Input size="small" aria-label="Tier multiplier" type="number" step="0.05" {...register(`tiers.${i}.multiplier`)} />
                    <IconButton type="button" size="small" variant="transparent" aria-label="Remove tier" onClick={() => tiers.remove(i)}>
                      <Trash />
                    </IconButton>
                  </div>
                  <FieldMessage
                    testId={`error-tiers-${i}`}
                    error={errors.tiers?.[i]?.name ?? errors.tiers?.[i]?.threshold ?? errors.tiers?.[i]?.multiplier}
                  />
                </div>
              ))}
              <FieldMessage testId="error-tiers" error={errors.tiers} />
            </div>
            <RootMessage errors={errors} testId="program-error" />
          </form>
        </Drawer.Body>
        <DrawerFormFooter form="program-form" isLoading={save.isPending} testId="save-program" />
      </Drawer.Content>
    </Drawer>
  )
}

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-2 items-center px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">{label}</Text>
    <Text size="small">{children}</Text>
  </div>
)

/** The loyalty program: earning, redeeming, expiry and tiers; edited in a drawer. */
const LoyaltyPage = () => {
  const { data, isLoading } = useLoyaltyProgram()
  const [open, setOpen] = useState(false)
  const p = data?.program
  if (isLoading || !p) return <Container><Text>Loading…</Text></Container>
  const c = currencyOf(p)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="loyalty-program">
        <div className="flex items-center justify-between px-6 py-4">
          <div className="flex items-center gap-x-2">
            <Heading level="h1">Loyalty program</Heading>
            <Badge size="2xsmall" color={p.enabled ? "green" : "grey"}>{p.enabled ? "Active" : "Off"}</Badge>
          </div>
          <Button size="small" variant="secondary" onClick={() => setOpen(true)} data-testid="edit-program">
            <PencilSquare /> Edit
          </Button>
        </div>
        <Row label="Earning">
          {p.earn_rates[c] ?? 0} point{(p.earn_rates[c] ?? 0) === 1 ? "" : "s"} per 1 {c.toUpperCase()} spent
          {p.include_tax ? ", tax included" : ""}
          {p.include_shipping ? ", shipping included" : ""}
        </Row>
        <Row label="A point is worth">{p.point_values[c] ?? 0} {c.toUpperCase()}</Row>
        <Row label="Redeeming">
          From {p.min_redeem_points} points, up to {percentText(p.max_redeem_share)} of an order
        </Row>
        <Row label="Spendable after">{p.pending_days} days</Row>
        <Row label="Expiry">{p.expiry_months == null ? "Never" : `${p.expiry_months} months after they become spendable`}</Row>
        <Row label="Tiers by">{p.tier_basis === "spend" ? "Money spent" : "Points earned"} over {p.tier_window_months} months</Row>
      </Container>
      <Container className="p-0">
        <div className="px-6 py-4"><Heading level="h2">Tiers</Heading></div>
        {p.tiers.length ? (
          <Table data-testid="program-tiers">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>From</Table.HeaderCell>
                <Table.HeaderCell>Earn multiplier</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {p.tiers.map((t) => (
                <Table.Row key={t.name}>
                  <Table.Cell>{t.name}</Table.Cell>
                  <Table.Cell>{t.threshold} {p.tier_basis === "spend" ? c.toUpperCase() : "points"}</Table.Cell>
                  <Table.Cell>×{t.multiplier}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : (
          <Text size="small" className="text-ui-fg-subtle px-6 pb-4">No tiers</Text>
        )}
      </Container>
      <ProgramDrawer program={p} open={open} onOpenChange={setOpen} />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Loyalty", icon: Star })

export default LoyaltyPage
