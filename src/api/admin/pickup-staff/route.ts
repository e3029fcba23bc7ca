import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STAFF_MODULE } from "../../../modules/staff"
import type { IStaffModuleService } from "../../../types/modules"
import { createStaffWorkflow } from "../../../workflows/staff"
import { presentStaff, retrieveStaff } from "./helpers"
import type { AdminCreateStaffType, AdminListStaffType } from "./validators"
import { omnichannelRoute } from "../../utils/own-errors"

export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { q, location_id, limit, offset } = req.validatedQuery as unknown as AdminListStaffType
  const service: IStaffModuleService = req.scope.resolve(STAFF_MODULE)
  const filters: Record<string, unknown> = {}
  if (q) filters.q = q
  if (location_id) filters.location_ids = { $contains: [location_id] }
  const [members, count] = await service.listAndCountStaffMembers(filters, {
    take: limit,
    skip: offset,
    order: { last_name: "ASC", first_name: "ASC" },
  })
  res.json({ staff: await presentStaff(req.scope, members), count, limit, offset })
})

export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<AdminCreateStaffType>, res: MedusaResponse) => {
  const { result } = await createStaffWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ staff: await retrieveStaff(req.scope, result.id) })
})
