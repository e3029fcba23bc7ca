import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { STAFF_MODULE } from "../../../modules/staff"
import type { IStaffModuleService, StaffMemberRow } from "../../../types/modules"

/** A staff member as the admin API shows them: never the auth identity. */
export async function presentStaff(container: MedusaContainer, members: StaffMemberRow[]) {
  const ids = [...new Set(members.flatMap((m) => m.location_ids ?? []))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: locations } = ids.length
    ? await query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: ids } })
    : { data: [] }
  const names = new Map<string, string>(locations.map((l) => [l.id, l.name] as [string, string]))
  return members.map((m) => ({
    id: m.id,
    email: m.email,
    first_name: m.first_name,
    last_name: m.last_name,
    is_active: m.is_active,
    location_ids: m.location_ids ?? [],
    stores: (m.location_ids ?? []).map((id: string) => ({ id, name: names.get(id) ?? null })),
    created_at: m.created_at,
    updated_at: m.updated_at,
  }))
}

export async function retrieveStaff(container: MedusaContainer, id: string) {
  const service: IStaffModuleService = container.resolve(STAFF_MODULE)
  const [member] = await service.listStaffMembers({ id })
  if (!member) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Staff member with id: ${id} was not found`)
  }
  return (await presentStaff(container, [member]))[0]
}
