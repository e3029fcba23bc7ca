import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { submit } from "../lib/api"
import { sdk } from "../lib/sdk"
import { staffKeys } from "./query-keys"

export type AdminStaff = {
  id: string
  email: string
  first_name: string
  last_name: string
  is_active: boolean
  location_ids: string[]
  stores: { id: string; name: string | null }[]
}
export type AdminStaffBody = {
  email?: string
  password?: string
  first_name: string
  last_name: string
  location_ids: string[]
}

export const useStaffList = (query: { q?: string; limit?: number } = {}) =>
  useQuery({
    queryKey: staffKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ staff: AdminStaff[]; count: number }>("/admin/pickup-staff", { query: { limit: 100, ...query } }),
  })

/** Creates a member, or saves one: name, password if given, then stores. */
export const useSaveStaff = (member: AdminStaff | null) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (body: AdminStaffBody) => {
      if (!member) return submit("/admin/pickup-staff", body)
      const { first_name, last_name, password, location_ids } = body
      await submit(`/admin/pickup-staff/${member.id}`, { first_name, last_name, ...(password ? { password } : {}) })
      return submit(`/admin/pickup-staff/${member.id}/stores`, { location_ids })
    },
    onSuccess: () => client.invalidateQueries({ queryKey: staffKeys.all }),
  })
}

export const useSetStaffActive = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (m: AdminStaff) => submit(`/admin/pickup-staff/${m.id}`, { is_active: !m.is_active }),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKeys.all }),
  })
}
