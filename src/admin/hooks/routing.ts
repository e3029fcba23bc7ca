import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { LocationRoutingView } from "../../types/http"
import { submit } from "../lib/api"
import { sdk } from "../lib/sdk"
import { allocationKeys, routingKeys } from "./query-keys"

export type RoutingRule = "fewest_locations" | "nearest" | "priority" | "most_stock"
export type RoutingPolicy = { enabled: boolean; rules: RoutingRule[]; priority: string[] }
export type LocationRouting = LocationRoutingView
export type RoutingSettings = {
  rules: RoutingRule[]
  default: RoutingPolicy | null
  channels: { sales_channel_id: string; name: string; policy: RoutingPolicy | null }[]
  locations: LocationRouting[]
}
export type RoutingUpdate = {
  default?: Omit<RoutingPolicy, "enabled"> & { enabled?: boolean } | null
  channels?: { sales_channel_id: string; policy: (Omit<RoutingPolicy, "enabled"> & { enabled?: boolean }) | null }[]
  locations?: { location_id: string; ships?: boolean | null; safety_stock?: number; latitude?: number | null; longitude?: number | null }[]
}

export type OrderAllocation = {
  order_id: string
  locations: {
    location_id: string
    name: string | null
    lines: { line_item_id: string; title: string | null; sku: string | null; quantity: number; status: string }[]
  }[]
}

export const useRoutingSettings = () =>
  useQuery({
    queryKey: routingKeys.details(),
    queryFn: () => sdk.client.fetch<{ routing: RoutingSettings }>("/admin/fulfillment-routing"),
  })

export const useUpdateRouting = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: RoutingUpdate) => submit<{ routing: RoutingSettings }>("/admin/fulfillment-routing", body),
    onSuccess: () => client.invalidateQueries({ queryKey: routingKeys.all }),
  })
}

export const useOrderAllocation = (orderId: string) =>
  useQuery({
    queryKey: allocationKeys.detail(orderId),
    queryFn: () => sdk.client.fetch<OrderAllocation>(`/admin/orders/${orderId}/allocation`),
  })
