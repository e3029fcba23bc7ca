import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { STAFF_MODULE } from "../../../modules/staff"
import type { IStaffModuleService } from "../../../types/modules"

export type CreateStaffStepInput = {
  email: string
  first_name: string
  last_name: string
  location_ids: string[]
  auth_identity_id: string
}

export const createStaffStepId = "create-staff"

export const createStaffStep = createStep(
  createStaffStepId,
  async (input: CreateStaffStepInput, { container }) => {
    const service: IStaffModuleService = container.resolve(STAFF_MODULE)
    const [existing] = await service.listStaffMembers({ email: input.email }, { select: ["id"] })
    if (existing) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `email: a staff member with ${input.email} already exists`)
    }
    const staff = await service.createStaffMembers(input)
    return new StepResponse(staff, staff.id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(STAFF_MODULE) as IStaffModuleService).deleteStaffMembers(id)
  }
)
