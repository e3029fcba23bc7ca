import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

export const validateLocationExistsStepId = "validate-pickup-location-exists"

/** 404 unless the stock location exists. */
export const validateLocationExistsStep = createStep(
  validateLocationExistsStepId,
  async (input: { location_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "stock_location",
      fields: ["id", "name", "address.country_code"],
      filters: { id: input.location_id },
    })
    if (!data.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock location with id: ${input.location_id} was not found`)
    }
    return new StepResponse(data[0])
  }
)
