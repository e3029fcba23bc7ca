import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import { STAFF_MODULE } from "../modules/staff"
import type { ILoyaltyModuleService, IStaffModuleService } from "../types/modules"

/** What a receipt reads, as Medusa computed it: lines with their VAT, delivery (an endless-aisle order's), the VAT and the total. */
const ORDER_FIELDS = [
  "id", "display_id", "status", "created_at", "email", "customer_id", "currency_code", "metadata",
  "total", "tax_total", "subtotal", "discount_total", "shipping_total", "sales_channel.name",
  "items.title", "items.variant_title", "items.variant_sku", "items.quantity", "items.unit_price", "items.total",
  "items.tax_total", "items.tax_lines.rate",
  "payment_status", "fulfillment_status",
]

type ReceiptOrder = {
  id: string
  customer_id: string | null
  metadata: { store_location_id?: string; sold_by?: string; till_payment?: { method: string; reference: string | null } } | null
  [field: string]: unknown
}

/** The store as STORE_FIELDS read it (the generated StockLocationAddress types every column, not those read). */
type ReceiptStore = { name: string; address: { address_1: string | null; postal_code: string | null; city: string | null } | null }
const STORE_FIELDS = ["name", "address.address_1", "address.postal_code", "address.city"]

/**
 * A till sale's receipt: the order as Medusa computed it (lines, VAT, total),
 * the store, who sold it, how it was paid and the member's points. One read
 * for the answer to the sale, the printable page and the emailed receipt.
 */
export async function tillReceipt(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [row] } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No order ${orderId}`)
  const order = row as unknown as ReceiptOrder
  const meta = order.metadata ?? {}
  const loyalty = container.resolve<ILoyaltyModuleService>(LOYALTY_MODULE)
  const [{ data: [storeRow] }, staff, entries, [account]] = await Promise.all([
    meta.store_location_id
      ? query.graph({ entity: "stock_location", fields: STORE_FIELDS, filters: { id: meta.store_location_id } })
      : Promise.resolve({ data: [] }),
    meta.sold_by ? container.resolve<IStaffModuleService>(STAFF_MODULE).listStaffMembers({ id: meta.sold_by }, { select: ["first_name"] }) : Promise.resolve([]),
    loyalty.listLoyaltyEntries({ order_id: order.id }, { select: ["type", "points"] }),
    order.customer_id ? loyalty.listLoyaltyAccounts({ customer_id: order.customer_id }, { select: ["id", "member_code"] }) : Promise.resolve([]),
  ])
  const store = storeRow as ReceiptStore | undefined
  const sum = (type: string) => entries.filter((e) => e.type === type).reduce((s, e) => s + Number(e.points), 0)
  return {
    order,
    store: store ? { name: store.name, address: store.address ?? null } : null,
    sold_by: staff[0]?.first_name ?? null,
    payment: meta.till_payment ?? null,
    points: account
      ? { member_code: account.member_code, earned: sum("earn"), spent: -sum("redeem"), balance: await loyalty.balance(account.id) }
      : null,
  }
}
