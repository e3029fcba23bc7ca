import type { MedusaContainer } from "@medusajs/framework/types"
import { ENGAGEMENT_MODULE } from "../../modules/engagement"
import type { IEngagementModuleService } from "../../types/modules"

/** The Engagement Module, as the engagement steps resolve it. */
export const engagementOf = (container: MedusaContainer) => container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
