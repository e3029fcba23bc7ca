import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteStaffWorkflow, updateStaffWorkflow } from "../../../../workflows/staff"
import { retrieveStaff } from "../helpers"
import type { AdminUpdateStaffType } from "../validators"
import { omnichannelRoute } from "../../../utils/own-errors"

export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ staff: await retrieveStaff(req.scope, req.params.id) })
})

/** Rename, deactivate (`is_active: false`) or reset the password. */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<AdminUpdateStaffType>, res: MedusaResponse) => {
  await retrieveStaff(req.scope, req.params.id)
  await updateStaffWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ staff: await retrieveStaff(req.scope, req.params.id) })
})

export const DELETE = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteStaffWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "staff", deleted: true })
})
