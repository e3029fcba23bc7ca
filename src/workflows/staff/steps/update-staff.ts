import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { STAFF_MODULE } from "../../../modules/staff"
import type { IStaffModuleService } from "../../../types/modules"

export type UpdateStaffStepInput = {
  id: string
  first_name?: string
  last_name?: string
  is_active?: boolean
  location_ids?: string[]
}

export const updateStaffStepId = "update-staff"

export const updateStaffStep = createStep(
  updateStaffStepId,
  async (input: UpdateStaffStepInput, { container }) => {
    const service: IStaffModuleService = container.resolve(STAFF_MODULE)
    const [before] = await service.listStaffMembers({ id: input.id })
    if (!before) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Staff member with id: ${input.id} was not found`)
    }
    const staff = await service.updateStaffMembers(input)
    const { id, first_name, last_name, is_active, location_ids } = before
    return new StepResponse(staff, { id, first_name, last_name, is_active, location_ids })
  },
  async (before, { container }) => {
    if (!before) return
    await (container.resolve(STAFF_MODULE) as IStaffModuleService).updateStaffMembers(before)
  }
)
