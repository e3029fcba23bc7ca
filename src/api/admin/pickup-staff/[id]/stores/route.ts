import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateStaffWorkflow } from "../../../../../workflows/staff"
import { retrieveStaff } from "../../helpers"
import type { AdminSetStaffStoresType } from "../../validators"
import { omnichannelRoute } from "../../../../utils/own-errors"

/** The stores the staff member works at (replaces the list). */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<AdminSetStaffStoresType>, res: MedusaResponse) => {
  await retrieveStaff(req.scope, req.params.id)
  await updateStaffWorkflow(req.scope).run({
    input: { id: req.params.id, location_ids: [...new Set(req.validatedBody.location_ids)] },
  })
  res.json({ staff: await retrieveStaff(req.scope, req.params.id) })
})
