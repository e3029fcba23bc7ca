import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Star, Trash } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { sdk } from "../../lib/sdk"

import type { LoyaltyProgramSettings as Program } from "../../../modules/loyalty/types"

const NUMBERS: [keyof Program, string][] = [
  ["min_redeem_points", "Minimum points to redeem"],
  ["max_redeem_share", "Largest share of an order paid in points (0–1)"],
  ["pending_days", "Days before earned points can be spent"],
  ["tier_window_months", "Tier window (months)"],
]

/** The loyalty program: earning, redeeming, expiry and tiers. */
const LoyaltyPage = () => {
  const queryClient = useQueryClient()
  const { data } = useQuery({
    queryKey: ["loyalty-program"],
    queryFn: () => sdk.client.fetch<{ program: Program }>("/admin/loyalty/program"),
  })
  const [form, setForm] = useState<Program | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (data?.program) setForm(data.program)
  }, [data])
  const save = useMutation({
    mutationFn: (p: Program) => {
      const { id, ...body } = p as any
      return sdk.client.fetch<{ program: Program }>("/admin/loyalty/program", { method: "POST", body })
    },
    onSuccess: (res) => {
      setError(null)
      queryClient.setQueryData(["loyalty-program"], res)
      toast.success("Loyalty program saved")
    },
    onError: (e: any) => setError(String(e?.message ?? "Could not save")),
  })
  if (!form) return <Container><Text>Loading…</Text></Container>
  const set = <K extends keyof Program>(k: K, v: Program[K]) => setForm({ ...form, [k]: v })
  const currency = Object.keys(form.earn_rates)[0] ?? "eur"

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h1">Loyalty program</Heading>
        <div className="flex items-center gap-x-2">
          <Switch id="program-enabled" checked={form.enabled} onCheckedChange={(v) => set("enabled", v)} />
          <Label htmlFor="program-enabled" size="small">Active</Label>
        </div>
      </div>
      <form
        className="flex flex-col gap-y-6 px-6 py-4"
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate(form)
        }}
      >
        <div className="grid grid-cols-2 gap-4">
          <div>
            <Label htmlFor="earn-rate" size="small">Points per 1 {currency.toUpperCase()} spent</Label>
            <Input id="earn-rate" type="number" step="0.01" value={form.earn_rates[currency] ?? 0}
              onChange={(e) => set("earn_rates", { ...form.earn_rates, [currency]: Number(e.target.value) })} />
          </div>
          <div>
            <Label htmlFor="point-value" size="small">Value of one point ({currency.toUpperCase()})</Label>
            <Input id="point-value" type="number" step="0.001" value={form.point_values[currency] ?? 0}
              onChange={(e) => set("point_values", { ...form.point_values, [currency]: Number(e.target.value) })} />
          </div>
          <div className="flex items-center gap-x-2">
            <Switch id="include-tax" checked={form.include_tax} onCheckedChange={(v) => set("include_tax", v)} />
            <Label htmlFor="include-tax" size="small">Tax counts towards points</Label>
          </div>
          <div className="flex items-center gap-x-2">
            <Switch id="include-shipping" checked={form.include_shipping} onCheckedChange={(v) => set("include_shipping", v)} />
            <Label htmlFor="include-shipping" size="small">Shipping counts towards points</Label>
          </div>
          {NUMBERS.map(([key, label]) => (
            <div key={key}>
              <Label htmlFor={`program-${key}`} size="small">{label}</Label>
              <Input id={`program-${key}`} type="number" step="any" value={String(form[key] ?? "")}
                onChange={(e) => set(key, Number(e.target.value) as any)} />
            </div>
          ))}
          <div>
            <Label htmlFor="program-expiry" size="small">Points expire after (months, empty: never)</Label>
            <Input id="program-expiry" type="number" value={form.expiry_months ?? ""}
              onChange={(e) => set("expiry_months", e.target.value === "" ? null : Number(e.target.value))} />
          </div>
          <div>
            <Label size="small">Tiers by</Label>
            <Select value={form.tier_basis} onValueChange={(v) => set("tier_basis", v as Program["tier_basis"])}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="points">Points earned</Select.Item>
                <Select.Item value="spend">Money spent</Select.Item>
              </Select.Content>
            </Select>
          </div>
        </div>

        <div>
          <div className="flex items-center justify-between">
            <Text weight="plus" size="small">Tiers</Text>
            <Button type="button" size="small" variant="transparent"
              onClick={() => set("tiers", [...form.tiers, { name: "", threshold: 0, multiplier: 1 }])}>
              Add tier
            </Button>
          </div>
          {form.tiers.length > 0 && (
            <div className="mt-2 grid grid-cols-[2fr_1fr_1fr_auto] gap-2">
              <Text size="xsmall" className="text-ui-fg-subtle">Name</Text>
              <Text size="xsmall" className="text-ui-fg-subtle">From ({form.tier_basis === "spend" ? "spent" : "points"} in window)</Text>
              <Text size="xsmall" className="text-ui-fg-subtle">Earn multiplier</Text>
              <span className="w-7" />
            </div>
          )}
          {form.tiers.map((t, i) => (
            <div key={i} className="mt-2 grid grid-cols-[2fr_1fr_1fr_auto] items-center gap-2" data-testid={`tier-${i}`}>
              <Input size="small" aria-label="Tier name" placeholder="Name" value={t.name}
                onChange={(e) => set("tiers", form.tiers.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))} />
              <Input size="small" aria-label="Tier threshold" type="number" value={t.threshold}
                onChange={(e) => set("tiers", form.tiers.map((x, k) => (k === i ? { ...x, threshold: Number(e.target.value) } : x)))} />
              <Input size="small" aria-label="Tier multiplier" type="number" step="0.05" value={t.multiplier}
                onChange={(e) => set("tiers", form.tiers.map((x, k) => (k === i ? { ...x, multiplier: Number(e.target.value) } : x)))} />
              <IconButton type="button" size="small" variant="transparent" aria-label="Remove tier"
                onClick={() => set("tiers", form.tiers.filter((_, k) => k !== i))}>
                <Trash />
              </IconButton>
            </div>
          ))}
        </div>
        {error && <Text size="small" className="text-ui-fg-error" data-testid="program-error">{error}</Text>}
        <div className="flex justify-end">
          <Button size="small" type="submit" isLoading={save.isPending} data-testid="save-program">Save program</Button>
        </div>
      </form>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Loyalty", icon: Star })

export default LoyaltyPage
