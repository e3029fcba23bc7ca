import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../lib/sdk"

type Entry = {
  id: string
  type: string
  points: number
  status: "pending" | "available"
  order_id: string | null
  metadata: Record<string, any> | null
  created_at: string
}
type Loyalty = {
  available: number
  pending: number
  tier: string | null
  member_code: string
  next_tier: { name: string; remaining: number } | null
  entries: Entry[]
  count: number
}

/** Balance, tier, ledger and a manual adjustment, on the customer's page. */
const CustomerLoyaltyWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const queryClient = useQueryClient()
  const key = ["customer-loyalty", data.id]
  const { data: res, isLoading } = useQuery({
    queryKey: key,
    queryFn: () => sdk.client.fetch<{ loyalty: Loyalty }>(`/admin/customers/${data.id}/loyalty?limit=20`),
  })
  const [points, setPoints] = useState("")
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string | null>(null)
  const adjust = useMutation({
    mutationFn: () =>
      sdk.client.fetch(`/admin/customers/${data.id}/loyalty/adjustments`, {
        method: "POST",
        body: { points: Number(points), reason },
        headers: { "Idempotency-Key": `${data.id}-${Date.now()}` },
      }),
    onSuccess: () => {
      setPoints("")
      setReason("")
      setError(null)
      queryClient.invalidateQueries({ queryKey: key })
      toast.success("Points adjusted")
    },
    onError: (e: any) => setError(String(e?.message ?? "Could not adjust")),
  })
  const l = res?.loyalty

  return (
    <Container className="divide-y p-0" data-testid="customer-loyalty">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Loyalty</Heading>
        {l && <Badge size="2xsmall" color={l.tier ? "purple" : "grey"}>{l.tier ?? "No tier"}</Badge>}
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
                {l.next_tier.remaining} more to {l.next_tier.name}
              </Text>
            )}
          </div>
          <form
            className="flex items-end gap-2 px-6 py-4"
            onSubmit={(e) => {
              e.preventDefault()
              adjust.mutate()
            }}
          >
            <div className="w-28">
              <Label htmlFor="adjust-points" size="small">Points (±)</Label>
              <Input id="adjust-points" size="small" type="number" value={points} onChange={(e) => setPoints(e.target.value)} />
            </div>
            <div className="flex-1">
              <Label htmlFor="adjust-reason" size="small">Reason</Label>
              <Input id="adjust-reason" size="small" value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <Button size="small" type="submit" isLoading={adjust.isPending} data-testid="adjust-points">Adjust</Button>
          </form>
          {error && <Text size="small" className="text-ui-fg-error px-6 pb-4" data-testid="adjust-error">{error}</Text>}
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
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerLoyaltyWidget
