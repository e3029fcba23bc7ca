import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export const validateStaffLocationsStepId = "validate-staff-locations"

/** Staff can only be assigned to stock locations that exist. */
export const validateStaffLocationsStep = createStep(
  validateStaffLocationsStepId,
  async (input: { location_ids?: string[] | null }, { container }) => {
    const ids = [...new Set(input.location_ids ?? [])]
    if (!ids.length) return new StepResponse(ids)
    const found = await container
      .resolve(Modules.STOCK_LOCATION)
      .listStockLocations({ id: ids }, { select: ["id"] })
    const missing = ids.filter((id) => !found.some((l) => l.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `location_ids: no stock location ${missing.join(", ")}`)
    }
    return new StepResponse(ids)
  }
)
