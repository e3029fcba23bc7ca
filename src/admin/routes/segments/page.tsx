import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath, Trash, Users } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, IconButton, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { AdminApiError } from "../../lib/api"
import { sentence } from "../../lib/labels"
import { BACKEND_URL, sdk } from "../../lib/sdk"
import {
  type AdminSegment,
  useCreateSegment,
  useDeleteSegment,
  useRefreshSegment,
  useSegmentMembers,
  useSegments,
} from "../../hooks/segments"

const RULE_LABELS: Record<string, string> = {
  recent_buyers: "Recent buyers",
  category_buyers: "Buyers of a category",
  seasonal_buyers: "Seasonal buyers",
  cart_abandoners: "Cart abandoners",
  high_value: "High value",
  lapsed: "Lapsed",
  subscribers: "Subscribers",
  account_holders: "Account holders",
  omnichannel: "Omnichannel",
  rfm: "RFM group",
}

type Field = { key: string; label: string; kind: "number" | "date" | "category" | "channel" | "group"; optional?: boolean }

/** The parameters each rule takes (the API checks them again and names the field it refuses). */
const RULE_FIELDS: Record<string, Field[]> = {
  recent_buyers: [
    { key: "days", label: "Ordered in the last … days", kind: "number" },
    { key: "sales_channel_id", label: "Channel", kind: "channel", optional: true },
  ],
  category_buyers: [
    { key: "category_id", label: "Category (its subcategories count too)", kind: "category" },
    { key: "days", label: "In the last … days", kind: "number", optional: true },
  ],
  seasonal_buyers: [
    { key: "from", label: "From", kind: "date" },
    { key: "to", label: "To (inclusive)", kind: "date" },
  ],
  cart_abandoners: [
    { key: "idle_hours", label: "Cart idle for more than … hours", kind: "number" },
    { key: "within_days", label: "Forget carts older than … days", kind: "number", optional: true },
  ],
  high_value: [
    { key: "top_percent", label: "Top … % of buyers by lifetime spend", kind: "number", optional: true },
    { key: "min_spend", label: "Or lifetime spend of at least", kind: "number", optional: true },
  ],
  lapsed: [
    { key: "days", label: "Nothing ordered for … days", kind: "number" },
    { key: "sales_channel_id", label: "Channel", kind: "channel", optional: true },
  ],
  subscribers: [],
  account_holders: [],
  omnichannel: [
    { key: "days", label: "Window in days", kind: "number", optional: true },
    { key: "min_channels", label: "At least … channels", kind: "number", optional: true },
  ],
  rfm: [{ key: "group", label: "Group", kind: "group" }],
}

const describe = (s: AdminSegment) => {
  const p = s.params as Record<string, any>
  switch (s.rule) {
    case "recent_buyers":
      return `Ordered in the last ${p.days} days`
    case "lapsed":
      return `No order for ${p.days} days`
    case "seasonal_buyers":
      return `Ordered ${p.from} – ${p.to}`
    case "cart_abandoners":
      return `Cart idle > ${p.idle_hours ?? 4} h, nothing bought since`
    case "high_value":
      return p.top_percent ? `Top ${p.top_percent} % by lifetime spend` : `Lifetime spend ≥ ${p.min_spend}`
    case "omnichannel":
      return `${p.min_channels ?? 2}+ channels in ${p.days ?? 365} days`
    case "rfm":
      return sentence(String(p.group))
    default:
      return RULE_LABELS[s.rule] ?? s.rule
  }
}

const CreateSegment = ({ rfmGroups }: { rfmGroups: string[] }) => {
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

const PAGE = 20

/**
 * A segment's members, in a drawer over the list: shown where the merchant
 * clicked, however long the list (below it, they were off screen).
 */
const Members = ({ segment, onClose }: { segment: AdminSegment; onClose: () => void }) => {
  const [offset, setOffset] = useState(0)
  const { data, isLoading } = useSegmentMembers(segment.id, offset, PAGE)
  const count = data?.count ?? 0
  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      {/* Wider than a form drawer: six columns of figures. */}
      <Drawer.Content className="sm:max-w-[960px]" data-testid="segment-members">
        <Drawer.Header>
          <Drawer.Title>{segment.name}</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle">
            {count} members · {describe(segment)}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="overflow-y-auto p-0">
          <div className="flex justify-end px-6 py-3">
            <a href={`${BACKEND_URL.replace(/\/$/, "")}/admin/segments/${segment.id}/members?format=csv`} download>
              <Button size="small" variant="secondary">Export CSV</Button>
            </a>
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Channels</Table.HeaderCell>
                <Table.HeaderCell>Last order</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Lifetime spend</Table.HeaderCell>
                <Table.HeaderCell>RFM group</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(data?.members ?? []).map((m) => (
                <Table.Row key={m.customer_id}>
                  <Table.Cell>
                    <a className="text-ui-fg-interactive" href={`/app/customers/${m.customer_id}`}>
                      {[m.first_name, m.last_name].filter(Boolean).join(" ") || m.email}
                    </a>
                    <Text size="xsmall" className="text-ui-fg-subtle">{m.email}</Text>
                  </Table.Cell>
                  <Table.Cell>{m.channels.join(", ") || "–"}</Table.Cell>
                  <Table.Cell>{m.last_order_at ? new Date(m.last_order_at).toLocaleDateString() : "–"}</Table.Cell>
                  <Table.Cell className="text-right">{m.orders}</Table.Cell>
                  <Table.Cell className="text-right">{m.lifetime_spend.toFixed(2)}</Table.Cell>
                  <Table.Cell><Badge size="2xsmall">{sentence(m.rfm_group)}</Badge></Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {!isLoading && !count && <Text size="small" className="text-ui-fg-subtle px-6 py-4">Nobody in this segment now.</Text>}
          <Table.Pagination
            count={count}
            pageSize={PAGE}
            pageIndex={Math.floor(offset / PAGE)}
            pageCount={Math.max(1, Math.ceil(count / PAGE))}
            canPreviousPage={offset > 0}
            canNextPage={offset + PAGE < count}
            previousPage={() => setOffset((o) => Math.max(0, o - PAGE))}
            nextPage={() => setOffset((o) => o + PAGE)}
          />
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

const SegmentsPage = () => {
  const { data, isLoading } = useSegments()
  const refresh = useRefreshSegment()
  const remove = useDeleteSegment()
  const [selected, setSelected] = useState<string | null>(null)
  const segments = data?.segments ?? []
  const current = segments.find((s) => s.id === selected) ?? null
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="p-0" data-testid="segments">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Segments</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Each segment is a customer group price lists and promotions can target. Members follow orders on every
              channel as they happen, and every segment is recomputed nightly.
            </Text>
          </div>
          <CreateSegment rfmGroups={data?.rfm_groups ?? []} />
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Segment</Table.HeaderCell>
              <Table.HeaderCell>Rule</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Members</Table.HeaderCell>
              <Table.HeaderCell>Refreshed</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {segments.map((s) => (
              <Table.Row
                key={s.id}
                className={s.id === selected ? "bg-ui-bg-highlight cursor-pointer" : "cursor-pointer"}
                onClick={() => setSelected(s.id)}
                data-testid={`segment-${s.handle}`}
              >
                <Table.Cell>
                  <Text size="small" weight="plus">{s.name}</Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">{RULE_LABELS[s.rule] ?? s.rule}</Text>
                </Table.Cell>
                <Table.Cell>{describe(s)}</Table.Cell>
                <Table.Cell className="text-right">{s.member_count}</Table.Cell>
                <Table.Cell>{s.refreshed_at ? new Date(s.refreshed_at).toLocaleString() : "–"}</Table.Cell>
                <Table.Cell className="text-right" onClick={(e) => e.stopPropagation()}>
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label={`Refresh ${s.name}`}
                    onClick={() => refresh.mutateAsync(s.id).then(() => toast.success(`${s.name} refreshed`))}
                  >
                    <ArrowPath />
                  </IconButton>
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label={`Delete ${s.name}`}
                    onClick={() => {
                      if (window.confirm(`Delete ${s.name} and its customer group?`)) remove.mutate(s.id)
                    }}
                  >
                    <Trash />
                  </IconButton>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {!isLoading && !segments.length && <Text size="small" className="text-ui-fg-subtle px-6 py-4">No segments yet.</Text>}
      </Container>
      {current && <Members key={current.id} segment={current} onClose={() => setSelected(null)} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Segments", icon: Users })

export default SegmentsPage
