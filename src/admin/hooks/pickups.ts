import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { PICKUP_STATUSES } from "../lib/pickups"
import { sdk } from "../lib/sdk"
import { pickupKeys } from "./query-keys"
import type { StaffListPickupsResponse, StaffPickupResponse } from "../../types/staff-http"

export type PickupListQuery = {
  location_id?: string
  status: string
  q?: string
  ready_from?: string
  ready_to?: string
  limit?: number
}

export const usePickups = (query: PickupListQuery) =>
  useQuery({
    queryKey: pickupKeys.list(query),
    queryFn: () => sdk.client.fetch<StaffListPickupsResponse>("/admin/pickups", { query: { limit: 50, ...query } }),
    refetchInterval: 30000,
  })

/** How many pickups each status has (at one store, or all). */
export const usePickupCounts = (locationId?: string) =>
  useQuery({
    queryKey: pickupKeys.list({ counts: true, location_id: locationId }),
    queryFn: async () =>
      Object.fromEntries(
        await Promise.all(
          PICKUP_STATUSES.map(async (status) => {
            const { count } = await sdk.client.fetch<{ count: number }>("/admin/pickups", {
              query: { status, limit: 1, ...(locationId ? { location_id: locationId } : {}) },
            })
            return [status, count] as const
          })
        )
      ) as Record<string, number>,
  })

/** The pickup of an order (the order page). */
export const useOrderPickup = (orderId: string) =>
  useQuery({
    queryKey: pickupKeys.list({ order_id: orderId }),
    queryFn: () =>
      sdk.client.fetch<StaffListPickupsResponse>("/admin/pickups", { query: { q: orderId, status: PICKUP_STATUSES.join(",") } }),
  })

export const usePickup = (id: string) =>
  useQuery({
    queryKey: pickupKeys.detail(id),
    queryFn: () => sdk.client.fetch<StaffPickupResponse>(`/admin/pickups/${id}`),
  })

/** A desk action on one pickup (prepare, ready, collect, cancel). */
export const usePickupAction = (id: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ action, body }: { action: string; body?: Record<string, unknown> }) =>
      sdk.client.fetch<StaffPickupResponse>(`/admin/pickups/${id}/${action}`, { method: "POST", body: body ?? {} }),
    onSuccess: (res) => {
      client.setQueryData(pickupKeys.detail(id), res)
      client.invalidateQueries({ queryKey: pickupKeys.lists() })
    },
  })
}
