import { keepPreviousData, useQuery } from "@tanstack/react-query"
import type { AdminOmnichannelMetricsResponse } from "../../types/http"
import { sdk } from "../lib/sdk"
import { metricsKeys } from "./query-keys"

export type OmnichannelMetrics = AdminOmnichannelMetricsResponse

export const useOmnichannelMetrics = (query: { from?: string; to?: string; channel?: string }) =>
  useQuery({
    queryKey: metricsKeys.list(query),
    placeholderData: keepPreviousData,
    queryFn: () =>
      sdk.client.fetch<OmnichannelMetrics>("/admin/omnichannel-metrics", {
        query: Object.fromEntries(Object.entries(query).filter(([, v]) => v)),
      }),
  })
