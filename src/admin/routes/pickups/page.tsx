import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShoppingBag } from "@medusajs/icons"
import { Badge, Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { Link, useLocation, useSearchParams } from "react-router-dom"
import { ACTIVE_STATUSES, PICKUP_STATUSES, statusColor, statusLabel, storeTime } from "../../lib/pickups"
import { usePickupStores } from "../../hooks/pickup-stores"
import { type PickupListQuery, usePickupCounts, usePickups } from "../../hooks/pickups"

const ACTIVE = ACTIVE_STATUSES.join(",")
const STATUSES = PICKUP_STATUSES
const when = (iso?: string | null) => storeTime(iso)
const DEFAULTS: Record<string, string> = { store: "all", status: "active", q: "", day: "" }

/**
 * Every store's pickups: filters, counts per status, and a link to each order's
 * desk view. The filters live in the URL (?store=…&status=…), so opening a
 * pickup and going back (browser or "← Pickups") finds the list as it was.
 */
const PickupsPage = () => {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const filter = (key: string) => params.get(key) ?? DEFAULTS[key]
  // Replaces the entry rather than pushing one: typing a search is not a page to go back to.
  const setFilter = (key: string) => (value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (value === DEFAULTS[key]) next.delete(key)
        else next.set(key, value)
        return next
      },
      { replace: true }
    )
  const [store, setStore] = [filter("store"), setFilter("store")]
  const [status, setStatus] = [filter("status"), setFilter("status")]
  const [q, setQ] = [filter("q"), setFilter("q")]
  const [day, setDay] = [filter("day"), setFilter("day")]
  const { data: stores } = usePickupStores({ enabled: true })
  const query: PickupListQuery = {
    status: status === "active" ? ACTIVE : status === "all" ? STATUSES.join(",") : status,
    ...(store !== "all" ? { location_id: store } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
  }
  if (day) {
    const from = new Date(`${day}T00:00:00`)
    query.ready_from = from.toISOString()
    query.ready_to = new Date(from.getTime() + 86400000).toISOString()
  }
  const { data, isLoading } = usePickups(query)
  const { data: counts } = usePickupCounts(store !== "all" ? store : undefined)

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Heading level="h1">Pickups</Heading>
        <div className="flex flex-wrap gap-2" data-testid="pickup-counts">
          {STATUSES.map((s) => (
            <button key={s} type="button" onClick={() => setStatus(s)}>
              <Badge size="2xsmall" color={statusColor(s)}>
                {statusLabel(s)}: {counts?.[s] ?? "…"}
              </Badge>
            </button>
          ))}
        </div>
        <div className="grid grid-cols-4 gap-2">
          <Select value={store} onValueChange={setStore}>
            <Select.Trigger aria-label="Store"><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="all">All stores</Select.Item>
              {(stores?.stores ?? []).map((s) => (
                <Select.Item key={s.location_id} value={s.location_id}>{s.name}</Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Select value={status} onValueChange={setStatus}>
            <Select.Trigger aria-label="Status"><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="active">Open (not collected)</Select.Item>
              <Select.Item value="all">All statuses</Select.Item>
              {STATUSES.map((s) => <Select.Item key={s} value={s}>{statusLabel(s)}</Select.Item>)}
            </Select.Content>
          </Select>
          <Input type="date" aria-label="Ready on" value={day} onChange={(e) => setDay(e.target.value)} />
          <Input type="search" placeholder="Order # or customer" aria-label="Search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
      </div>
      {isLoading ? (
        <Text className="px-6 py-4">Loading…</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Store</Table.HeaderCell>
              <Table.HeaderCell>Ready by / slot</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(data?.pickups ?? []).map((p) => (
              <Table.Row key={p.id} data-testid={`pickup-row-${p.id}`}>
                <Table.Cell><Link to={`/pickups/${p.id}`} state={{ list: location.search }} className="text-ui-fg-interactive">
                    #{p.order_display_id}
                  </Link></Table.Cell>
                <Table.Cell>{p.customer_name ?? p.pickup_person?.name ?? "Guest"}</Table.Cell>
                <Table.Cell>{p.store.name}</Table.Cell>
                <Table.Cell>{p.slot ? `${when(p.slot.start)}–${p.slot.end?.slice(11, 16)}` : when(p.ready_by)}</Table.Cell>
                <Table.Cell>
                  {p.arrived_at && <Badge size="2xsmall" color="orange" className="mr-1">Arrived</Badge>}
                  <Badge size="2xsmall" color={statusColor(p.status)}>{statusLabel(p.status)}</Badge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <Text size="small" className="text-ui-fg-subtle px-6 py-3">{data?.count ?? 0} pickup{data?.count === 1 ? "" : "s"}</Text>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Pickups", icon: ShoppingBag })

export default PickupsPage
