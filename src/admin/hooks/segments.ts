import type { SegmentMemberRow } from "../../modules/engagement/types"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { submit } from "../lib/api"
import { sdk } from "../lib/sdk"
import { abandonedCartKeys, segmentKeys } from "./query-keys"

export type AdminSegment = {
  id: string
  handle: string
  name: string
  description: string | null
  rule: string
  params: Record<string, unknown>
  customer_group_id: string | null
  member_count: number
  refreshed_at: string | null
  created_at: string
}

/** A member as GET /admin/segments/:id/members returns it. */
export type AdminSegmentMember = SegmentMemberRow

export const useSegments = () =>
  useQuery({
    queryKey: segmentKeys.list(),
    queryFn: () => sdk.client.fetch<{ segments: AdminSegment[]; rules: string[]; rfm_groups: string[] }>("/admin/segments"),
  })

export const useSegmentMembers = (id: string | null, offset: number, limit = 20) =>
  useQuery({
    queryKey: segmentKeys.detail(id ?? "none", { offset, limit }),
    enabled: !!id,
    placeholderData: keepPreviousData,
    queryFn: () =>
      sdk.client.fetch<{ members: AdminSegmentMember[]; count: number }>(`/admin/segments/${id}/members`, {
        query: { offset, limit },
      }),
  })

export const useCreateSegment = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { name: string; rule: string; params: Record<string, unknown>; description?: string | null }) =>
      submit<{ segment: AdminSegment }>("/admin/segments", body),
    onSuccess: () => client.invalidateQueries({ queryKey: segmentKeys.all }),
  })
}

export const useRefreshSegment = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => submit<{ segment: AdminSegment }>(`/admin/segments/${id}/refresh`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: segmentKeys.all }),
  })
}

export const useDeleteSegment = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => submit(`/admin/segments/${id}`, undefined, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: segmentKeys.all }),
  })
}

export type AdminAbandonedCart = {
  id: string
  cart_id: string
  customer_id: string | null
  email: string
  last_activity_at: string
  status: "pending" | "reminded" | "suppressed" | "recovered"
  reminders_sent: number
  last_reminded_at: string | null
  suppressed_reason: string | null
  recovered_at: string | null
  recovered_order_id: string | null
  history: { kind: "sent" | "suppressed"; sequence: number | null; reason: string | null; at: string }[]
}

export type AbandonedCartFunnel = {
  abandoned: number
  reminded: number
  reminders_sent: number
  suppressed: number
  suppressed_by_reason: Record<string, number>
  recovered: number
  recovery_rate: number
}

export const useAbandonedCarts = (query: { status?: string; offset: number; limit: number }) =>
  useQuery({
    queryKey: abandonedCartKeys.list(query),
    placeholderData: keepPreviousData,
    queryFn: () =>
      sdk.client.fetch<{ carts: AdminAbandonedCart[]; count: number; funnel: AbandonedCartFunnel }>("/admin/abandoned-carts", {
        query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")),
      }),
  })
