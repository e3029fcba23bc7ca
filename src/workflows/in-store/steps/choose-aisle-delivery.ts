import { listShippingOptionsForCartWorkflow } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { classifyShippingOptions } from "../../../lib/pickup-options"

export const chooseAisleDeliveryStepId = "choose-aisle-delivery"

type Option = { id: string; name: string; amount?: number | null; calculated_price?: { calculated_amount?: number | null } | null; insufficient_inventory?: boolean }

/**
 * The delivery option of an order taken at the till: the one staff chose, or
 * else the cheapest delivery Medusa offers the cart (pickup options aside);
 * 409 when the cart's address has none.
 */
export const chooseAisleDeliveryStep = createStep(
  chooseAisleDeliveryStepId,
  async (input: { cart_id: string; option_id?: string | null }, { container }) => {
    const { result } = await listShippingOptionsForCartWorkflow(container).run({ input: { cart_id: input.cart_id, is_return: false } })
    const options = result as Option[]
    const kinds = await classifyShippingOptions(container, options.map((o) => o.id))
    const deliveries = options.filter((o) => kinds.get(o.id)?.kind === "delivery")
    if (input.option_id) {
      const chosen = deliveries.find((o) => o.id === input.option_id)
      if (!chosen) throw new MedusaError(MedusaError.Types.INVALID_DATA, `fulfillment.option_id: ${input.option_id} is not a delivery offered to this address`)
      return new StepResponse(chosen.id)
    }
    const price = (o: Option) => Number(o.calculated_price?.calculated_amount ?? o.amount ?? Number.MAX_SAFE_INTEGER)
    const cheapest = [...deliveries].sort((x, y) => price(x) - price(y))[0]
    if (!cheapest) throw new MedusaError(MedusaError.Types.CONFLICT, "No delivery is offered to that address")
    return new StepResponse(cheapest.id)
  }
)
