import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { omnichannelRoute } from "../../utils/own-errors"
import { staffMemberOf } from "../middlewares"

type StaffStoreLocation = { id: string; name: string; address: { city: string | null } | null }
type StaffStoreSettings = { location_id: string; enabled: boolean; curbside: boolean; timezone: string }

/** The signed-in staff member and the stores they work at. */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const member = staffMemberOf(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: locationRows } = member.location_ids.length
    ? await query.graph({
        entity: "stock_location",
        fields: ["id", "name", "address.city"],
        filters: { id: member.location_ids },
      })
    : { data: [] }
  const locations = locationRows as StaffStoreLocation[]
  const { data: settingRows } = locations.length
    ? await query.graph({
        entity: "pickup_store",
        fields: ["location_id", "enabled", "curbside", "timezone"],
        filters: { location_id: member.location_ids },
      })
    : { data: [] }
  const settings = settingRows as StaffStoreSettings[]
  res.json({
    staff: {
      id: member.id,
      email: member.email,
      first_name: member.first_name,
      last_name: member.last_name,
      stores: locations
        .map((l) => {
          const s = settings.find((x) => x.location_id === l.id)
          return {
            id: l.id,
            name: l.name,
            city: l.address?.city ?? null,
            pickup_enabled: !!s?.enabled,
            curbside: !!s?.curbside,
            timezone: s?.timezone ?? null,
          }
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    },
  })
})
