import { Badge, Checkbox, Drawer, Label, Switch, Text, toast } from "@medusajs/ui"
import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useState } from "react"
import { Controller, useForm, type UseFormReturn } from "react-hook-form"
import { z } from "zod"
import {
  type LocationRouting,
  type RoutingPolicy,
  type RoutingRule,
  type RoutingSettings,
  useUpdateRouting,
} from "../../hooks/routing"
import { applyApiError } from "../../lib/api"
import { FieldMessage, RootMessage, DrawerFormFooter } from "../../lib/form"
import { OrderedList } from "../ordered-list"
import { ALL_RULES, RULE_LABELS } from "./rules"

/** Which policy the drawer edits: the default, or one sales channel's. */
export type PolicyTarget = { kind: "default" } | { kind: "channel"; id: string; name: string } | null

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
export const PolicyDrawer = ({
  target,
  settings,
  onClose,
}: {
  target: PolicyTarget
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
