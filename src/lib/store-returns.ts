import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addDays } from "date-fns"
import { LOYALTY_MODULE } from "../modules/loyalty"
import { normalizeCode } from "../modules/pickup/code"
import { returnableQuantity, type ReturnableDetail } from "./returnable"
import type { ILoyaltyModuleService } from "../types/modules"

const ORDER_FIELDS = [
  "id", "display_id", "status", "created_at", "email", "currency_code", "total",
  "sales_channel.name", "customer_id",
  "items.id", "items.title", "items.variant_title", "items.variant_sku", "items.quantity", "items.total", "items.unit_price",
  "items.detail.fulfilled_quantity", "items.detail.return_requested_quantity",
  "items.detail.return_received_quantity", "items.detail.return_dismissed_quantity",
]

type Line = {
  id: string
  title: string
  variant_title: string | null
  variant_sku: string | null
  quantity: unknown
  total: unknown
  unit_price: unknown
  detail: ReturnableDetail | null
}
type Row = {
  id: string
  display_id: number
  status: string
  created_at: string | Date
  email: string | null
  currency_code: string
  total: unknown
  sales_channel: { name: string } | null
  items: (Line | null)[] | null
}

/** Which orders a desk search means: a number (#1042), an order id (the receipt's QR), a member code or an email. */
async function filtersFor(container: MedusaContainer, q: string): Promise<Record<string, unknown> | null> {
  const text = q.trim().replace(/^#/, "")
  if (/^\d{1,9}$/.test(text)) return { display_id: Number(text) }
  if (text.startsWith("order_")) return { id: text }
  if (text.includes("@")) return { email: text.toLowerCase() }
  const loyalty = container.resolve<ILoyaltyModuleService>(LOYALTY_MODULE)
  const [account] = await loyalty.listLoyaltyAccounts({ member_code: normalizeCode(text) }, { select: ["customer_id"] })
  return account ? { customer_id: account.customer_id } : null
}

/**
 * Orders a shop may take back, newest first, with what each line can still
 * return and when the window closes: the desk's return search.
 */
export async function findReturnableOrders(container: MedusaContainer, q: string, windowDays: number) {
  const filters = await filtersFor(container, q)
  if (!filters) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ORDER_FIELDS,
    filters,
    pagination: { take: 20, order: { created_at: "DESC" } },
  })
  return (data as unknown as Row[]).map((o) => {
    const closes = addDays(new Date(o.created_at), windowDays)
    return {
      id: o.id,
      display_id: o.display_id,
      status: o.status,
      created_at: o.created_at,
      email: o.email,
      channel: o.sales_channel?.name ?? null,
      currency_code: o.currency_code,
      total: Number(o.total),
      return_window_closes_at: closes.toISOString(),
      returnable: o.status !== "canceled" && closes.getTime() >= Date.now(),
      items: (o.items ?? []).flatMap((l) =>
        l
          ? [{
              id: l.id,
              title: l.title,
              variant_title: l.variant_title,
              sku: l.variant_sku,
              quantity: Number(l.quantity),
              unit_price: Number(l.unit_price),
              total: Number(l.total),
              returnable_quantity: returnableQuantity(l.detail),
            }]
          : []
      ),
    }
  })
}
