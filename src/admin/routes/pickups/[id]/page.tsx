import { Badge, Button, Container, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useLocation, useParams } from "react-router-dom"
import { statusColor, statusLabel, storeTime } from "../../../lib/pickups"
import { usePickup, usePickupAction } from "../../../hooks/pickups"

const when = (iso?: string | null) => storeTime(iso, true)

/** One pickup: items, timeline (who did what), and the desk's actions. */
const PickupDetailPage = () => {
  const { id } = useParams()
  // Back to the list with the filters it had (its search params, handed over by its link).
  const listSearch = (useLocation().state as { list?: string } | null)?.list ?? ""
  const { data } = usePickup(id!)
  const [code, setCode] = useState("")
  const [proxy, setProxy] = useState("")
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string | null>(null)
  // Partial readiness: ready quantity and reason per line (defaults: all ready).
  const [split, setSplit] = useState<Record<string, { ready: number; reason: string }>>({})
  const action = usePickupAction(id!)
  const act = {
    isPending: action.isPending,
    mutate: (vars: { action: string; body?: Record<string, unknown> }) =>
      action.mutate(vars, {
        onSuccess: (res) => {
          setError(null)
          toast.success(`#${res.pickup.order_display_id}: ${statusLabel(res.pickup.status)}`)
        },
        onError: (e) => setError(e.message),
      }),
  }
  const p = data?.pickup
  if (!p) return <Container><Text>Loading…</Text></Container>
  const open = ["placed", "preparing"].includes(p.status)
  const held = ["ready", "partially_ready"].includes(p.status)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Link to={`/pickups${listSearch}`} className="text-ui-fg-subtle txt-small" data-testid="back-to-pickups">← Pickups</Link>
            <Heading level="h1">#{p.order_display_id} · {p.customer?.name ?? "Guest"}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {p.store.name} · ready by {when(p.ready_by)}{p.expires_at ? ` · held until ${when(p.expires_at)}` : ""}
            </Text>
          </div>
          <Badge color={statusColor(p.status)} data-testid="pickup-status">{statusLabel(p.status)}</Badge>
        </div>
        <Table>
          <Table.Body>
            {(p.order?.items ?? []).map((i) => {
              const r = (p.rejected_items ?? []).find((x) => x.line_item_id === i.id)
              return (
                <Table.Row key={i.id}>
                  <Table.Cell>{i.title} <span className="text-ui-fg-subtle">{i.variant_title}</span></Table.Cell>
                  <Table.Cell>{i.sku}</Table.Cell>
                  <Table.Cell className="text-right">× {i.quantity}{r ? ` (${r.quantity} rejected: ${r.reason})` : ""}</Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
        <div className="flex flex-col gap-y-3 px-6 py-4">
          {open && (
            <div className="flex flex-col gap-y-3">
              <div className="flex gap-2">
                {p.status === "placed" && <Button size="small" variant="secondary" onClick={() => act.mutate({ action: "prepare" })}>Start preparing</Button>}
                <Button size="small" onClick={() => act.mutate({ action: "ready" })}>Mark ready</Button>
              </div>
              <Text size="small" weight="plus">Or mark partly ready</Text>
              {(p.order?.items ?? []).map((i) => {
                const v = split[i.id] ?? { ready: i.quantity, reason: "" }
                return (
                  <div key={i.id} className="grid grid-cols-[2fr_6rem_3fr] items-center gap-2">
                    <Text size="small">{i.title} (ordered {i.quantity})</Text>
                    <Input size="small" type="number" min={0} max={i.quantity} aria-label={`Ready quantity of ${i.title}`} value={v.ready}
                      onChange={(e) => setSplit({ ...split, [i.id]: { ...v, ready: Number(e.target.value) } })} />
                    <Input size="small" placeholder="Reason for what is missing (told to the customer)" aria-label={`Reason for ${i.title}`} value={v.reason}
                      onChange={(e) => setSplit({ ...split, [i.id]: { ...v, reason: e.target.value } })} />
                  </div>
                )
              })}
              <div>
                <Button size="small" variant="secondary" data-testid="mark-partly-ready"
                  onClick={() =>
                    act.mutate({
                      action: "ready",
                      body: {
                        items: (p.order?.items ?? [])
                          .filter((i) => split[i.id] && split[i.id].ready < i.quantity)
                          .map((i) => ({ line_item_id: i.id, quantity: split[i.id].ready, rejected_quantity: i.quantity - split[i.id].ready, reason: split[i.id].reason })),
                      },
                    })
                  }>
                  Mark partly ready
                </Button>
              </div>
            </div>
          )}
          {held && (
            <div className="grid grid-cols-[1fr_1fr_auto] items-end gap-2">
              <div>
                <Label htmlFor="collect-code" size="small">Pickup code</Label>
                <Input id="collect-code" value={code} onChange={(e) => setCode(e.target.value)} />
              </div>
              <div>
                <Label htmlFor="collect-proxy" size="small">Collected by (if not the customer)</Label>
                <Input id="collect-proxy" value={proxy} onChange={(e) => setProxy(e.target.value)} />
              </div>
              <Button size="small" onClick={() => act.mutate({ action: "collect", body: { code, ...(proxy.trim() ? { collected_by: { name: proxy.trim() } } : {}) } })}>
                Hand over
              </Button>
            </div>
          )}
          {(open || held) && (
            <div className="grid grid-cols-[1fr_auto] items-end gap-2">
              <div>
                <Label htmlFor="cancel-reason" size="small">Cancel with reason</Label>
                <Input id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
              </div>
              <Button size="small" variant="danger" onClick={() => act.mutate({ action: "cancel", body: { reason } })}>Cancel order</Button>
            </div>
          )}
          {error && <Text size="small" className="text-ui-fg-error" data-testid="pickup-error">{error}</Text>}
        </div>
      </Container>
      <Container className="p-0">
        <div className="px-6 py-4"><Heading level="h2">Timeline</Heading></div>
        <Table>
          <Table.Body>
            {p.timeline.map((t, i: number) => (
              <Table.Row key={i}>
                <Table.Cell>{when(t.at)}</Table.Cell>
                <Table.Cell>{statusLabel(t.action)}</Table.Cell>
                <Table.Cell>{t.actor?.name ?? t.actor?.type}</Table.Cell>
                <Table.Cell>{timelineNote(t.data)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export default PickupDetailPage

/** What a timeline row says besides its action: a reason, a note, or who collected. */
function timelineNote(data: Record<string, unknown> | null | undefined): string {
  const text = (v: unknown) => (typeof v === "string" ? v : null)
  const collector = data?.collected_by as { name?: unknown } | null | undefined
  return text(data?.reason) ?? text(data?.note) ?? text(collector?.name) ?? ""
}
