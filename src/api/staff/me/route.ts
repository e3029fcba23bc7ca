import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { omnichannelRoute } from "../../utils/own-errors"

/** The signed-in staff member and the stores they work at. */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const member = (req as any).staff_member
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: locations } = member.location_ids.length
    ? await query.graph({
        entity: "stock_location",
        fields: ["id", "name", "address.city"],
        filters: { id: member.location_ids },
      })
    : { data: [] as any[] }
  const { data: settings } = locations.length
    ? await query.graph({
        entity: "pickup_store",
        fields: ["location_id", "enabled", "curbside", "timezone"],
        filters: { location_id: member.location_ids },
      })
    : { data: [] as any[] }
  res.json({
    staff: {
      id: member.id,
      email: member.email,
      first_name: member.first_name,
      last_name: member.last_name,
      stores: locations
        .map((l: any) => {
          const s: any = settings.find((x: any) => x.location_id === l.id)
          return {
            id: l.id,
            name: l.name,
            city: l.address?.city ?? null,
            pickup_enabled: !!s?.enabled,
            curbside: !!s?.curbside,
            timezone: s?.timezone ?? null,
          }
        })
        .sort((a: any, b: any) => a.name.localeCompare(b.name)),
    },
  })
})
