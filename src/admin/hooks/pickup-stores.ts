import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { Closure, WeeklyHours } from "../../modules/pickup/types"
import { submit } from "../lib/api"
import { sdk } from "../lib/sdk"
import { pickupStoreKeys } from "./query-keys"

/** A store's pickup settings as GET /admin/pickup-stores/:location_id answers them. */
export type AdminPickupStore = {
  location_id: string
  name: string
  enabled: boolean
  latitude: number | null
  longitude: number | null
  timezone: string
  hours: WeeklyHours
  closures: Closure[]
  lead_time_minutes: number
  slot_minutes: number
  slot_capacity: number
  /** days ahead a slot may be booked */
  slot_horizon_days: number
  /** null: the plugin's defaultHoldDays */
  hold_days: number | null
  safety_stock: number
  instructions: string | null
  curbside: boolean
  phone: string | null
  email: string | null
}
export type AdminPickupStoreBody = Partial<Omit<AdminPickupStore, "location_id" | "name">>

export const usePickupStores = (query: { enabled?: boolean; limit?: number } = {}) =>
  useQuery({
    queryKey: pickupStoreKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ stores: AdminPickupStore[]; count: number }>("/admin/pickup-stores", {
        query: { limit: 100, ...query },
      }),
  })

export const usePickupStore = (locationId: string) =>
  useQuery({
    queryKey: pickupStoreKeys.detail(locationId),
    queryFn: () => sdk.client.fetch<{ store: AdminPickupStore }>(`/admin/pickup-stores/${locationId}`),
  })

export const useUpdatePickupStore = (locationId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminPickupStoreBody) =>
      submit<{ store: AdminPickupStore }>(`/admin/pickup-stores/${locationId}`, body),
    onSuccess: (res) => {
      client.setQueryData(pickupStoreKeys.detail(locationId), res)
      client.invalidateQueries({ queryKey: pickupStoreKeys.lists() })
    },
  })
}
