import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { LoyaltyProgramSettings } from "../../modules/loyalty/types"
import type { LoyaltyAccountView } from "../../types/http"
import { submit } from "../lib/api"
import { sdk } from "../lib/sdk"
import { customerLoyaltyKeys, loyaltyProgramKeys } from "./query-keys"

export type AdminLoyaltyProgram = LoyaltyProgramSettings & { id?: string }

export const useLoyaltyProgram = () =>
  useQuery({
    queryKey: loyaltyProgramKeys.detail("current"),
    queryFn: () => sdk.client.fetch<{ program: AdminLoyaltyProgram }>("/admin/loyalty/program"),
  })

export const useUpdateLoyaltyProgram = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: LoyaltyProgramSettings) => submit<{ program: AdminLoyaltyProgram }>("/admin/loyalty/program", body),
    onSuccess: (res) => {
      client.setQueryData(loyaltyProgramKeys.detail("current"), res)
      // Tiers and rates show on every customer's loyalty.
      client.invalidateQueries({ queryKey: customerLoyaltyKeys.all })
    },
  })
}

export const useCustomerLoyalty = (customerId: string, query: { limit?: number; order_id?: string } = {}, enabled = true) =>
  useQuery({
    queryKey: customerLoyaltyKeys.detail(customerId, query),
    enabled,
    queryFn: () =>
      sdk.client.fetch<{ loyalty: LoyaltyAccountView }>(`/admin/customers/${customerId}/loyalty`, {
        query: { limit: 20, ...query },
      }),
  })

/** A manual adjustment; one Idempotency-Key per submitted form, so a double click adjusts once. */
export const useAdjustPoints = (customerId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ key, ...body }: { points: number; reason: string; key: string }) =>
      submit(`/admin/customers/${customerId}/loyalty/adjustments`, body, { headers: { "Idempotency-Key": key } }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerLoyaltyKeys.detail(customerId) }),
  })
}
