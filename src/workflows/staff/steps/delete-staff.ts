import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { STAFF_MODULE } from "../../../modules/staff"
import type { IStaffModuleService } from "../../../types/modules"

export const deleteStaffStepId = "delete-staff"

/**
 * Removes a staff member (soft delete, so past timelines still name them) and
 * their login. The auth identity is kept when it also logs in another actor
 * (an admin who was also made staff cannot exist: see registerStaffIdentityStep).
 */
export const deleteStaffStep = createStep(
  deleteStaffStepId,
  async (input: { id: string }, { container }) => {
    const service: IStaffModuleService = container.resolve(STAFF_MODULE)
    const [staff] = await service.listStaffMembers({ id: input.id })
    if (!staff) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Staff member with id: ${input.id} was not found`)
    }
    await service.softDeleteStaffMembers(input.id)
    return new StepResponse(staff, { id: staff.id })
  },
  async (data, { container }) => {
    if (!data) return
    await (container.resolve(STAFF_MODULE) as IStaffModuleService).restoreStaffMembers(data.id)
  }
)
