import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Drawer, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useState } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod"
import { useAdjustPoints, useCustomerLoyalty } from "../hooks/loyalty"
import { applyApiError } from "../lib/api"
import { FieldMessage, RootMessage, DrawerFormFooter } from "../lib/form"

const Schema = z.object({
  points: z
    .string()
    .trim()
    .regex(/^-?\d+$/, "A whole number (negative takes points off)")
    .refine((v) => Number(v) !== 0, "Not 0")
    .refine((v) => Math.abs(Number(v)) <= 1_000_000, "At most 1,000,000 either way"),
  reason: z.string().trim().min(1, "Say why (the customer sees it)").max(500),
})
type Values = z.infer<typeof Schema>

/** A manual adjustment in a drawer; one Idempotency-Key per opened form, so a double submit adjusts once. */
const AdjustDrawer = ({ customerId, open, onOpenChange }: { customerId: string; open: boolean; onOpenChange: (v: boolean) => void }) => {
  const adjust = useAdjustPoints(customerId)
  const form = useForm<Values>({ resolver: zodResolver(Schema), defaultValues: { points: "", reason: "" } })
  const { register, handleSubmit, formState: { errors } } = form
  const [key, setKey] = useState(() => crypto.randomUUID())
  useEffect(() => {
    if (open) {
      form.reset({ points: "", reason: "" })
      setKey(crypto.randomUUID())
    }
  }, [open])
  const onSubmit = handleSubmit((v) =>
    adjust.mutateAsync({ points: Number(v.points), reason: v.reason, key }).then(
      () => {
        toast.success("Points adjusted")
        onOpenChange(false)
      },
      (e) => applyApiError(form, e, ["points", "reason"])
    )
  )
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Adjust points</Drawer.Title>
          <Drawer.Description className="sr-only">Add or take off points, with a reason the customer sees.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body>
          <form id="adjust-points-form" className="flex flex-col gap-y-4" onSubmit={onSubmit}>
            <div>
              <Label htmlFor="adjust-points" size="small">Points (±)</Label>
              <Input id="adjust-points" type="number" {...register("points")} />
              <FieldMessage testId="error-points" error={errors.points} />
            </div>
            <div>
              <Label htmlFor="adjust-reason" size="small">Reason</Label>
              <Input id="adjust-reason" {...register("reason")} />
              <FieldMessage testId="error-reason" error={errors.reason} />
            </div>
            <RootMessage errors={errors} testId="adjust-error" />
          </form>
        </Drawer.Body>
        <DrawerFormFooter form="adjust-points-form" isLoading={adjust.isPending} testId="adjust-points">
          Adjust
        </DrawerFormFooter>
      </Drawer.Content>
    </Drawer>
  )
}

/** Balance, tier and ledger on the customer's page; adjustments in a drawer. */
const CustomerLoyaltyWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const { data: res, isLoading } = useCustomerLoyalty(data.id)
  const [open, setOpen] = useState(false)
  const l = res?.loyalty

  return (
    <Container className="divide-y p-0" data-testid="customer-loyalty">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">Loyalty</Heading>
          {/* The shop's words (storefront Account page): "Tier", and "Member" before the first tier. */}
          {l && (
            <Badge size="2xsmall" color={l.tier ? "purple" : "grey"} data-testid="loyalty-tier">
              Tier: {l.tier ?? "Member"}
            </Badge>
          )}
        </div>
        {l && (
          <Button size="small" variant="secondary" onClick={() => setOpen(true)} data-testid="open-adjust-points">
            Adjust points
          </Button>
        )}
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {l && (
        <>
          <div className="grid grid-cols-3 gap-4 px-6 py-4">
            <div>
              <Text size="small" className="text-ui-fg-subtle">Available</Text>
              <Text weight="plus" data-testid="loyalty-available">{l.available}</Text>
            </div>
            <div>
              <Text size="small" className="text-ui-fg-subtle">Pending</Text>
              <Text weight="plus">{l.pending}</Text>
            </div>
            <div>
              <Text size="small" className="text-ui-fg-subtle">Member code</Text>
              <Text weight="plus" className="font-mono">{l.member_code}</Text>
            </div>
            {l.next_tier && (
              <Text size="small" className="text-ui-fg-subtle col-span-3">
                {l.next_tier.remaining.toLocaleString("en-GB")} {l.tier_basis === "spend" ? "spent" : "points"} to {l.next_tier.name}
              </Text>
            )}
          </div>
          <Table data-testid="loyalty-ledger">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Date</Table.HeaderCell>
                <Table.HeaderCell>Entry</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Points</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {l.entries.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell>{new Date(e.created_at).toLocaleDateString()}</Table.Cell>
                  <Table.Cell>
                    {e.type}
                    {e.status === "pending" ? " (pending)" : ""}
                    {e.metadata?.reason ? ` · ${e.metadata.reason}` : ""}
                  </Table.Cell>
                  <Table.Cell className="text-right">{e.points > 0 ? `+${e.points}` : e.points}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <AdjustDrawer customerId={data.id} open={open} onOpenChange={setOpen} />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerLoyaltyWidget
