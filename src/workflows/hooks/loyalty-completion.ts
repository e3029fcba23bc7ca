/**
 * Points at checkout, on Medusa's completeCartWorkflow (registered in
 * complete-cart.ts with the pickup halves):
 * - validate: the points on the cart (its "loyalty" credit lines) still fit
 *   the program's minimum and share of the cart (409 otherwise);
 * - beforePaymentAuthorization: debit them, under the account lock, as a
 *   `redeem` entry of the new order (409 if the balance no longer covers
 *   them). If payment authorization or anything after fails, compensation
 *   appends the opposite entry: the points are back, the ledger untouched.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkRedemption, CART_LOYALTY_FIELDS, loyaltyCreditLines } from "../../lib/loyalty-redemption"
import { retrieveCart } from "../../lib/carts"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type LoyaltyModuleService from "../../modules/loyalty/service"
import { LoyaltyEntryType } from "../../modules/loyalty/types"
import { voidEntry } from "../loyalty/steps/append-ledger-entry"

function pointsOn(cart: any) {
  return loyaltyCreditLines(cart).reduce((s: number, c: any) => s + Number(c.metadata?.points ?? 0), 0)
}

/**
 * Carts the validate hook saw without points, so the second hook skips its
 * read for them (most checkouts). A cart not found here (the run resumed in
 * another process) is simply read again.
 */
const withoutPoints = new Map<string, number>()

export async function loyaltyValidate({ cart }: { cart: any }, { container }: { container: MedusaContainer }) {
  const lines = loyaltyCreditLines(cart)
  if (!lines.length) {
    const now = Date.now()
    if (withoutPoints.size > 10_000) {
      for (const [id, at] of withoutPoints) if (now - at > 300_000) withoutPoints.delete(id)
    }
    withoutPoints.set(cart.id, now)
    return
  }
  withoutPoints.delete(cart.id)
  const fresh = await retrieveCart(container, cart.id, CART_LOYALTY_FIELDS)
  await checkRedemption(container, fresh, pointsOn(fresh), { checkBalance: false })
}

export async function loyaltyBeforePayment(
  { input }: { input: { id: string } },
  { container }: { container: MedusaContainer }
) {
  if (withoutPoints.delete(input.id)) return null
  const cart = await retrieveCart(container, input.id, CART_LOYALTY_FIELDS)
  const points = pointsOn(cart)
  if (!points) return null
  const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [link] } = await query.graph({
    entity: "order_cart",
    fields: ["order_id", "order.sales_channel_id", "order.customer_id"],
    filters: { cart_id: input.id },
  })
  const { account } = await service.ensureAccount((link.order as any).customer_id ?? cart.customer_id)
  // A completion retried after a failure debits again (its first debit was
  // voided); a retry of the same run finds its own debit.
  const previous = await service.listLoyaltyEntries({ type: LoyaltyEntryType.REDEEM, reference: input.id })
  const voided = await service.listLoyaltyEntries({ idempotency_key: previous.map((p) => `void:${p.id}`) })
  const live = previous.find((p) => !voided.some((v) => v.reference === p.id) && p.order_id === link.order_id)
  if (live) return live
  const { entry } = await service.appendEntry({
    account_id: account.id,
    type: LoyaltyEntryType.REDEEM,
    points: -points,
    debit: true,
    idempotency_key: `redeem:${input.id}:${previous.length}`,
    order_id: link.order_id,
    reference: input.id,
    channel_id: (link.order as any).sales_channel_id ?? null,
    metadata: { amount: loyaltyCreditLines(cart).reduce((s: number, c: any) => s + Number(c.amount), 0) },
  })
  return entry
}

export async function loyaltyBeforePaymentCompensate(entry: any, { container }: { container: MedusaContainer }) {
  if (entry) await voidEntry(container.resolve(LOYALTY_MODULE), entry)
}
