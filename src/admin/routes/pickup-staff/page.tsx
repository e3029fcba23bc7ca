import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Drawer, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useState } from "react"
import { Controller, useForm } from "react-hook-form"
import { z } from "zod"
import { usePickupStores } from "../../hooks/pickup-stores"
import { type AdminStaff, useSaveStaff, useSetStaffActive, useStaffList } from "../../hooks/staff"
import { applyApiError } from "../../lib/api"
import { FieldMessage, RootMessage, DrawerFormFooter } from "../../lib/form"

const Schema = z
  .object({
    first_name: z.string().trim().min(1, "Required").max(100),
    last_name: z.string().trim().min(1, "Required").max(100),
    email: z.string().trim().email("An email address"),
    password: z.string().max(200),
    location_ids: z.array(z.string()),
    /** creating: a password is required */
    creating: z.boolean(),
  })
  .refine((v) => (v.creating ? v.password.length >= 8 : v.password === "" || v.password.length >= 8), {
    message: "At least 8 characters",
    path: ["password"],
  })
type Values = z.infer<typeof Schema>
const FIELDS = ["first_name", "last_name", "email", "password", "location_ids"]

const toValues = (m: AdminStaff | null): Values => ({
  first_name: m?.first_name ?? "",
  last_name: m?.last_name ?? "",
  email: m?.email ?? "",
  password: "",
  location_ids: m?.location_ids ?? [],
  creating: !m,
})

const StorePicker = ({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) => {
  const { data } = usePickupStores()
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
          {!s.enabled && <Badge size="2xsmall" color="grey">Pickup off</Badge>}
        </div>
      ))}
    </div>
  )
}

/** Create a member, or edit one: name, stores, new password. */
const StaffDrawer = ({ member, open, onOpenChange }: { member: AdminStaff | null; open: boolean; onOpenChange: (v: boolean) => void }) => {
  const save = useSaveStaff(member)
  const form = useForm<Values>({ resolver: zodResolver(Schema), defaultValues: toValues(member) })
  const { control, register, handleSubmit, formState: { errors } } = form
  useEffect(() => {
    if (open) form.reset(toValues(member))
  }, [open, member])
  const onSubmit = handleSubmit(({ creating, ...values }) =>
    save.mutateAsync(values).then(
      () => {
        toast.success(member ? "Staff member saved" : "Staff member created")
        onOpenChange(false)
      },
      (e) => applyApiError(form, e, FIELDS)
    )
  )
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{member ? `${member.first_name} ${member.last_name}` : "New staff member"}</Drawer.Title>
          <Drawer.Description className="sr-only">Name, desk login and the stores this person works at.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="overflow-y-auto">
          <form id="staff-form" className="flex flex-col gap-y-4" onSubmit={onSubmit}>
            <div className="grid grid-cols-2 gap-3">
              <div>
                <Label htmlFor="staff-first-name" size="small">First name</Label>
                <Input id="staff-first-name" {...register("first_name")} />
                <FieldMessage testId="error-first_name" error={errors.first_name} />
              </div>
              <div>
                <Label htmlFor="staff-last-name" size="small">Last name</Label>
                <Input id="staff-last-name" {...register("last_name")} />
                <FieldMessage testId="error-last_name" error={errors.last_name} />
              </div>
            </div>
            <div>
              <Label htmlFor="staff-email" size="small">Email (their login)</Label>
              <Input id="staff-email" type="email" disabled={!!member} {...register("email")} />
              <FieldMessage testId="error-email" error={errors.email} />
            </div>
            <div>
              <Label htmlFor="staff-password" size="small">{member ? "New password (leave empty to keep)" : "Password"}</Label>
              <Input id="staff-password" type="password" autoComplete="new-password" {...register("password")} />
              <FieldMessage testId="error-password" error={errors.password} />
            </div>
            <div>
              <Text size="small" weight="plus" className="mb-2">Works at</Text>
              <Controller control={control} name="location_ids" render={({ field }) => (
                <StorePicker value={field.value} onChange={field.onChange} />
              )} />
              <FieldMessage testId="error-location_ids" error={errors.location_ids} />
            </div>
            <RootMessage errors={errors} testId="staff-error" />
          </form>
        </Drawer.Body>
        <DrawerFormFooter form="staff-form" isLoading={save.isPending} testId="save-staff" />
      </Drawer.Content>
    </Drawer>
  )
}

/** Store staff: who works at which store's pickup desk. */
const StaffPage = () => {
  const { data, isLoading } = useStaffList()
  const [editing, setEditing] = useState<AdminStaff | null>(null)
  const [open, setOpen] = useState(false)
  const setActive = useSetStaffActive()
  const toggle = (m: AdminStaff) => setActive.mutate(m, { onError: (e) => toast.error(e.message) })
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
                  <Button size="small" variant="transparent" onClick={() => toggle(m)}>
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
