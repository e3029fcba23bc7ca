import type { CartDTO, MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type { ILoyaltyModuleService } from "../types/modules"
import { retrieveCart } from "./carts"
import { maxRedeemablePoints, pointsValue } from "./loyalty-math"
import { fractionDigits } from "./money"

export const LOYALTY_CREDIT_REFERENCE = "loyalty"

export const CART_LOYALTY_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "total",
  "credit_lines.id",
  "credit_lines.amount",
  "credit_lines.reference",
  "credit_lines.reference_id",
  "credit_lines.metadata",
]

/** The cart as CART_LOYALTY_FIELDS read it. */
export type LoyaltyCart = Pick<CartDTO, "id" | "customer_id" | "currency_code" | "total" | "credit_lines">

type CreditLineLike = { reference?: string | null; amount?: unknown; metadata?: Record<string, unknown> | null }

/** The cart's credit lines that are the plugin's points. */
export function loyaltyCreditLines<C extends CreditLineLike>(cart: { credit_lines?: (C | null)[] | null }): C[] {
  return (cart.credit_lines ?? []).filter((c): c is C => c?.reference === LOYALTY_CREDIT_REFERENCE)
}

/**
 * Checks `points` may pay part of this cart, by the program's rules, and
 * returns their value: 409 naming the limits when they are fewer than the
 * minimum, more than the available balance, or worth more than the allowed
 * share of the cart (counted before any points already on it). The debit
 * checks the balance again under the account lock.
 */
export async function checkRedemption(container: MedusaContainer, cart: LoyaltyCart, points: number) {
  const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const program = await service.getProgramSettings()
  if (!program.enabled) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "The loyalty program is not active")
  }
  const currency = String(cart.currency_code).toLowerCase()
  const pointValue = program.point_values[currency]
  if (!pointValue) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Points cannot pay in ${currency.toUpperCase()}`)
  }
  const [account] = await service.listLoyaltyAccounts({ customer_id: cart.customer_id })
  if (account && account.status !== "active") {
    throw new MedusaError(MedusaError.Types.CONFLICT, "This loyalty account is closed")
  }
  const available = account ? (await service.balance(account.id)).available : 0
  const ours = loyaltyCreditLines(cart).reduce((s, c) => MathBN.add(s, c.amount), MathBN.convert(0))
  const baseTotal = MathBN.add(cart.total, ours)
  const maxPoints = maxRedeemablePoints(baseTotal, program.max_redeem_share, pointValue)
  const limits = `available ${available}, minimum ${program.min_redeem_points}, maximum for this cart ${maxPoints}`
  if (points < program.min_redeem_points || points > maxPoints || points > available) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Cannot redeem ${points} points: ${limits}`)
  }
  return {
    account_id: account?.id ?? null,
    amount: pointsValue(points, pointValue, fractionDigits(currency)),
    available,
    max_points: maxPoints,
  }
}

/** A shopper's own open cart (another customer's cart is a 404, as if missing). */
export async function retrieveCustomerCart(container: MedusaContainer, cartId: string, customerId: string) {
  const cart = await retrieveCart<LoyaltyCart>(container, cartId, CART_LOYALTY_FIELDS, { open: true })
  if (cart.customer_id !== customerId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cartId} was not found`)
  }
  return cart
}
