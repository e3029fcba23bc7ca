import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ENGAGEMENT_MODULE } from "../../../modules/engagement"
import type { IEngagementModuleService } from "../../../types/modules"
import { cohortRetention, customerMetrics, monthsBetween, omnichannelRatio, orderBreakdown } from "../../../lib/metrics"
import type { AdminOmnichannelMetricsResponse } from "../../../types/http"
import { omnichannelRoute } from "../../utils/own-errors"
import type { AdminOmnichannelMetricsType } from "./validators"

/**
 * Whether omnichannel pays, in the merchant's own figures: customers, orders,
 * revenue, AOV, frequency, repeat rate and historic CLV for everyone and
 * split single-channel vs omnichannel (with the ratio), by channel, the
 * pickup share, monthly cohorts and the abandoned-cart funnel, for orders in
 * one currency placed in [from, to). Read from the engagement read model
 * (every channel, the till included; canceled orders left out).
 */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOmnichannelMetricsResponse>) => {
  const q = req.validatedQuery as unknown as AdminOmnichannelMetricsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: channels }, { data: stores }] = await Promise.all([
    query.graph({ entity: "sales_channel", fields: ["id", "name"] }),
    query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] }),
  ])
  if (q.channel && !channels.some((c: { id: string }) => c.id === q.channel)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `channel: no sales channel ${q.channel}`)
  }
  const currencies = (stores[0]?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
  const currency = q.currency_code ?? currencies.find((c) => c.is_default)?.currency_code ?? currencies[0]?.currency_code
  if (!currency || !currencies.some((c) => c.currency_code === currency)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `currency_code: the store does not sell in ${q.currency_code ?? "any currency"}`)
  }

  const engagement = req.scope.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  const months = monthsBetween(q.from, q.to)
  const window = {
    from: q.from,
    to: q.to,
    currency_code: currency,
    sales_channel_id: q.channel ?? null,
    month_starts: months.map((m) => new Date(`${m}-01T00:00:00Z`)),
  }
  // Two passes over the read model side by side: per customer, and per order.
  const [perCustomer, orderCells, funnel] = await Promise.all([
    engagement.metricsCustomerAggregates(window),
    engagement.metricsOrderCells(window),
    engagement.abandonedCartFunnel({ since: q.from, before: q.to, sales_channel_id: q.channel ?? null }),
  ])
  const aggregates = {
    customers: perCustomer.customers,
    orders: orderCells.map((c) => ({ ...c, month: months[c.month] })),
    cohorts: perCustomer.cohorts.map((c) => ({ ...c, cohort: months[c.cohort] })),
  }
  const shown = (channels as { id: string; name: string }[]).filter((c) => !q.channel || c.id === q.channel)
  const orders = orderBreakdown(aggregates.orders, shown, months)
  const singleRows = aggregates.customers.filter((r) => !r.omnichannel)
  const omniRows = aggregates.customers.filter((r) => r.omnichannel)
  const everyone = customerMetrics(aggregates.customers)
  const omni = customerMetrics(omniRows)

  res.json({
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    currency_code: currency,
    channel: q.channel ? { id: shown[0].id, name: shown[0].name } : null,
    totals: {
      ...everyone,
      // every order and its revenue, a guest's without a customer record included
      orders: orders.orders,
      revenue: orders.revenue,
      average_order_value: orders.orders ? Math.round((orders.revenue / orders.orders) * 100) / 100 : 0,
    },
    by_customer_type: {
      single_channel: customerMetrics(singleRows),
      omnichannel: omni,
      omnichannel_share: everyone.customers ? Math.round((omni.customers / everyone.customers) * 10000) / 10000 : 0,
      ratio: omnichannelRatio(omniRows, singleRows),
    },
    by_channel: orders.by_channel,
    fulfillment: orders.fulfillment,
    monthly: orders.monthly,
    cohorts: cohortRetention(aggregates.cohorts, months),
    abandoned_carts: funnel,
  })
})
