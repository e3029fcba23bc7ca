import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ENGAGEMENT_MODULE } from "../../../modules/engagement"
import type { SegmentParams } from "../../../modules/engagement/types"
import type { IEngagementModuleService } from "../../../types/modules"

export type ValidateSegmentInput = { id?: string; handle?: string; name?: string; params?: SegmentParams }

const invalid = (field: string, message: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${field}: ${message}`)

export const validateSegmentStepId = "validate-omnichannel-segment"

/**
 * What the schema can't check: the category and channel a rule names
 * exist (400 naming the field), and no other segment has the handle or the
 * name (a customer group's name is unique in Medusa): 409.
 */
export const validateSegmentStep = createStep(
  validateSegmentStepId,
  async (input: ValidateSegmentInput, { container }) => {
    const p = input.params ?? {}
    if (p.category_id) {
      const [category] = await container
        .resolve(Modules.PRODUCT)
        .listProductCategories({ id: p.category_id }, { select: ["id"], take: 1 })
      if (!category) throw invalid("params.category_id", `no product category ${p.category_id}`)
    }
    if (p.sales_channel_id) {
      const [channel] = await container
        .resolve(Modules.SALES_CHANNEL)
        .listSalesChannels({ id: p.sales_channel_id }, { select: ["id"], take: 1 })
      if (!channel) throw invalid("params.sales_channel_id", `no sales channel ${p.sales_channel_id}`)
    }
    const engagement = container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
    if (input.handle) {
      const [taken] = await engagement.listSegments({ handle: input.handle }, { select: ["id"] })
      if (taken && taken.id !== input.id) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `A segment with the handle ${input.handle} exists already`)
      }
    }
    if (input.name) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: groups } = await query.graph({
        entity: "customer_group",
        fields: ["id", "metadata"],
        filters: { name: input.name },
      })
      const own = (g: (typeof groups)[number]) => input.id && g.metadata?.omnichannel_segment_id === input.id
      if (groups.some((g) => !own(g))) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `A customer group named ${input.name} exists already`)
      }
    }
    return new StepResponse(undefined)
  }
)
