import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { stockDriftKeys } from "./query-keys"

export type StockDrift = {
  level_id: string
  sku: string | null
  location_name: string | null
  location_id: string
  stocked_quantity: number
  reserved_quantity: number
  live_reservations: number
  drift: number
}

export const useStockDrift = () =>
  useQuery({
    queryKey: stockDriftKeys.lists(),
    queryFn: () => sdk.client.fetch<{ levels: StockDrift[]; count: number }>("/admin/stock-drift"),
  })

export const useRepairStockDrift = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<{ count: number }>("/admin/stock-drift/repair", { method: "POST", body: {} }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: stockDriftKeys.all })
      // Medusa's own inventory list shows the corrected reserved quantities.
      client.invalidateQueries({ queryKey: ["inventory_items"] })
    },
  })
}
