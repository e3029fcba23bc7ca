import { Button, Drawer, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useCreateSegment } from "../../hooks/segments"
import { AdminApiError } from "../../lib/api"
import { sentence } from "../../lib/labels"
import { sdk } from "../../lib/sdk"
import { type Field, RULE_FIELDS, RULE_LABELS } from "./rules"

/** The "Create segment" button and its drawer: a name, a rule and the rule's parameters. */
export const CreateSegment = ({ rfmGroups }: { rfmGroups: string[] }) => {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState("")
  const [rule, setRule] = useState("recent_buyers")
  const [values, setValues] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const create = useCreateSegment()
  const categories = useQuery({
    queryKey: ["omnichannel_segment_categories"],
    enabled: open,
    queryFn: () => sdk.admin.productCategory.list({ limit: 200, fields: "id,name" }),
  })
  const channels = useQuery({
    queryKey: ["omnichannel_segment_channels"],
    enabled: open,
    queryFn: () => sdk.admin.salesChannel.list({ limit: 50, fields: "id,name" }),
  })
  const fields = RULE_FIELDS[rule] ?? []
  const submitForm = async (e: React.FormEvent) => {
    e.preventDefault()
    setErrors({})
    const params: Record<string, unknown> = {}
    for (const f of fields) {
      const v = values[f.key]?.trim()
      if (!v) continue
      params[f.key] = f.kind === "number" ? Number(v) : v
    }
    try {
      await create.mutateAsync({ name, rule, params })
      toast.success(`Segment ${name} created`)
      setOpen(false)
      setName("")
      setValues({})
    } catch (err) {
      const e = err as AdminApiError
      const byField: Record<string, string> = {}
      for (const f of e.fields ?? []) byField[f.path.replace(/^params\./, "")] = f.message
      if (!Object.keys(byField).length) byField.root = e.message
      setErrors(byField)
    }
  }
  const input = (f: Field) => {
    const set = (v: string) => setValues((s) => ({ ...s, [f.key]: v }))
    const value = values[f.key] ?? ""
    const options =
      f.kind === "category"
        ? (categories.data?.product_categories ?? []).map((c: any) => [c.id, c.name])
        : f.kind === "channel"
          ? (channels.data?.sales_channels ?? []).map((c: any) => [c.id, c.name])
          : f.kind === "group"
            ? rfmGroups.map((g) => [g, sentence(g)])
            : null
    if (options) {
      return (
        <Select value={value} onValueChange={set}>
          <Select.Trigger id={`param-${f.key}`} data-testid={`param-${f.key}`}>
            <Select.Value placeholder={f.optional ? "Any" : "Choose"} />
          </Select.Trigger>
          <Select.Content>
            {options.map(([id, label]: string[]) => (
              <Select.Item key={id} value={id}>{label}</Select.Item>
            ))}
          </Select.Content>
        </Select>
      )
    }
    return (
      <Input
        id={`param-${f.key}`}
        data-testid={`param-${f.key}`}
        type={f.kind === "date" ? "date" : "text"}
        inputMode={f.kind === "number" ? "decimal" : undefined}
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    )
  }
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="segment-create">Create segment</Button>
      </Drawer.Trigger>
      <Drawer.Content data-testid="segment-drawer">
        <Drawer.Header>
          <Drawer.Title>New segment</Drawer.Title>
          <Drawer.Description className="sr-only">A rule and its parameters; the segment becomes a customer group.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <form id="segment-form" onSubmit={submitForm} className="flex flex-col gap-y-4">
            <div>
              <Label htmlFor="segment-name">Name (also the customer group's)</Label>
              <Input id="segment-name" data-testid="segment-name" value={name} onChange={(e) => setName(e.target.value)} />
              {errors.name && <Text size="small" className="text-ui-fg-error mt-1">{errors.name}</Text>}
            </div>
            <div>
              <Label htmlFor="segment-rule">Rule</Label>
              <Select value={rule} onValueChange={(r) => { setRule(r); setValues({}); setErrors({}) }}>
                <Select.Trigger id="segment-rule" data-testid="segment-rule"><Select.Value /></Select.Trigger>
                <Select.Content>
                  {Object.entries(RULE_LABELS).map(([id, label]) => (
                    <Select.Item key={id} value={id}>{label}</Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            {fields.map((f) => (
              <div key={f.key}>
                <Label htmlFor={`param-${f.key}`}>{f.label}{f.optional ? " (optional)" : ""}</Label>
                {input(f)}
                {errors[f.key] && <Text size="small" className="text-ui-fg-error mt-1" data-testid={`error-${f.key}`}>{errors[f.key]}</Text>}
              </div>
            ))}
            {errors.root && <Text size="small" className="text-ui-fg-error" data-testid="form-error">{errors.root}</Text>}
          </form>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild><Button variant="secondary" size="small">Cancel</Button></Drawer.Close>
          <Button type="submit" form="segment-form" size="small" isLoading={create.isPending} data-testid="segment-save">Create</Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
