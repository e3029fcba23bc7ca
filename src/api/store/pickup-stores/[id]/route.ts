import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { presentStore } from "../../../../lib/present"
import { retrievePickupStoreForChannel } from "../../../../lib/stores"
import { omnichannelRoute } from "../../../utils/own-errors"
import type { StoreRetrievePickupStoreResponse } from "../../../../types/http"

export const GET = omnichannelRoute(async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const channelIds: string[] = req.publishable_key_context?.sales_channel_ids ?? []
  const store = await retrievePickupStoreForChannel(req.scope, req.params.id, channelIds)
  res.json({ store: presentStore(store, new Date()) } satisfies StoreRetrievePickupStoreResponse)
})
