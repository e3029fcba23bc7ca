import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Drawer, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { sdk } from "../../lib/sdk"

type Staff = {
  id: string
  email: string
  first_name: string
  last_name: string
  is_active: boolean
  location_ids: string[]
  stores: { id: string; name: string | null }[]
}
type Store = { location_id: string; name: string; enabled: boolean }

const useStores = () =>
  useQuery({
    queryKey: ["pickup-stores", "all"],
    queryFn: () => sdk.client.fetch<{ stores: Store[] }>("/admin/pickup-stores?limit=100"),
  })

const StorePicker = ({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) => {
  const { data } = useStores()
  return (
    <div className="flex flex-col gap-y-2" data-testid="store-picker">
      {(data?.stores ?? []).map((s) => (
        <div key={s.location_id} className="flex items-center gap-x-2">
          <Checkbox
            id={`store-${s.location_id}`}
            checked={value.includes(s.location_id)}
            onCheckedChange={(checked) =>
              onChange(checked ? [...value, s.location_id] : value.filter((id) => id !== s.location_id))
            }
          />
          <Label htmlFor={`store-${s.location_id}`} size="small">{s.name}</Label>
          {!s.enabled && <Badge size="2xsmall" color="grey">pickup off</Badge>}
        </div>
      ))}
    </div>
  )
}

/** Create a member, or edit one: name, stores, active, new password. */
const StaffDrawer = ({ member, open, onOpenChange }: { member: Staff | null; open: boolean; onOpenChange: (v: boolean) => void }) => {
  const queryClient = useQueryClient()
  const [form, setForm] = useState({ email: "", password: "", first_name: "", last_name: "", location_ids: [] as string[] })
  const [error, setError] = useState<string | null>(null)
  const reset = (m: Staff | null) =>
    setForm({ email: m?.email ?? "", password: "", first_name: m?.first_name ?? "", last_name: m?.last_name ?? "", location_ids: m?.location_ids ?? [] })
  useEffect(() => {
    if (open) {
      reset(member)
      setError(null)
    }
  }, [open, member])
  const save = useMutation({
    mutationFn: async () => {
      if (!member) {
        return sdk.client.fetch("/admin/pickup-staff", { method: "POST", body: form })
      }
      await sdk.client.fetch(`/admin/pickup-staff/${member.id}`, {
        method: "POST",
        body: { first_name: form.first_name, last_name: form.last_name, ...(form.password ? { password: form.password } : {}) },
      })
      return sdk.client.fetch(`/admin/pickup-staff/${member.id}/stores`, { method: "POST", body: { location_ids: form.location_ids } })
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["pickup-staff"] })
      toast.success(member ? "Staff member saved" : "Staff member created")
      onOpenChange(false)
    },
    onError: (e: any) => setError(String(e?.message ?? "Could not save")),
  })
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{member ? `${member.first_name} ${member.last_name}` : "New staff member"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="grid grid-cols-2 gap-3">
            <div>
              <Label htmlFor="staff-first-name" size="small">First name</Label>
              <Input id="staff-first-name" value={form.first_name} onChange={(e) => setForm({ ...form, first_name: e.target.value })} />
            </div>
            <div>
              <Label htmlFor="staff-last-name" size="small">Last name</Label>
              <Input id="staff-last-name" value={form.last_name} onChange={(e) => setForm({ ...form, last_name: e.target.value })} />
            </div>
          </div>
          <div>
            <Label htmlFor="staff-email" size="small">Email (their login)</Label>
            <Input id="staff-email" type="email" disabled={!!member} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          </div>
          <div>
            <Label htmlFor="staff-password" size="small">{member ? "New password (leave empty to keep)" : "Password"}</Label>
            <Input id="staff-password" type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
          </div>
          <div>
            <Text size="small" weight="plus" className="mb-2">Works at</Text>
            <StorePicker value={form.location_ids} onChange={(location_ids) => setForm({ ...form, location_ids })} />
          </div>
          {error && <Text size="small" className="text-ui-fg-error" data-testid="staff-error">{error}</Text>}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small">Cancel</Button>
          </Drawer.Close>
          <Button size="small" isLoading={save.isPending} onClick={() => save.mutate()} data-testid="save-staff">
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** Store staff: who works at which store's pickup desk. */
const StaffPage = () => {
  const queryClient = useQueryClient()
  const { data, isLoading } = useQuery({
    queryKey: ["pickup-staff"],
    queryFn: () => sdk.client.fetch<{ staff: Staff[]; count: number }>("/admin/pickup-staff?limit=100"),
  })
  const [editing, setEditing] = useState<Staff | null>(null)
  const [open, setOpen] = useState(false)
  const toggle = useMutation({
    mutationFn: (m: Staff) => sdk.client.fetch(`/admin/pickup-staff/${m.id}`, { method: "POST", body: { is_active: !m.is_active } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["pickup-staff"] }),
    onError: (e: any) => toast.error(String(e?.message)),
  })
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Store staff</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            They log in at /pickup-desk and see only the stores they work at.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => { setEditing(null); setOpen(true) }} data-testid="create-staff">
          Create
        </Button>
      </div>
      {isLoading ? (
        <Text className="px-6 py-4">Loading…</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell>Email</Table.HeaderCell>
              <Table.HeaderCell>Stores</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(data?.staff ?? []).map((m) => (
              <Table.Row key={m.id} data-testid={`staff-row-${m.email}`}>
                <Table.Cell>{m.first_name} {m.last_name}</Table.Cell>
                <Table.Cell>{m.email}</Table.Cell>
                <Table.Cell>{m.stores.map((s) => s.name).join(", ") || "–"}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={m.is_active ? "green" : "grey"}>{m.is_active ? "Active" : "Deactivated"}</Badge>
                </Table.Cell>
                <Table.Cell className="flex justify-end gap-x-2">
                  <Button size="small" variant="transparent" onClick={() => { setEditing(m); setOpen(true) }}>Edit</Button>
                  <Button size="small" variant="transparent" onClick={() => toggle.mutate(m)}>
                    {m.is_active ? "Deactivate" : "Activate"}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <StaffDrawer member={editing} open={open} onOpenChange={setOpen} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Store staff",
  icon: Users,
})

export default StaffPage
