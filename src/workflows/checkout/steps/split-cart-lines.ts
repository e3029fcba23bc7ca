import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, Modules } from "@medusajs/framework/utils"
import type { BigNumberInput, ICartModuleService } from "@medusajs/framework/types"
import type { DeliveryAllocation } from "./allocate-delivery"

export const splitCartLinesStepId = "split-cart-lines-by-location"

type Adjustment = {
  id: string
  code: string | null
  amount: BigNumberInput
  description: string | null
  promotion_id: string | null
  provider_id: string | null
  is_tax_inclusive?: boolean
}
type TaxLine = { code: string; rate: number; description: string | null; tax_rate_id: string | null; provider_id: string | null }
type Line = Record<string, unknown> & {
  id: string
  quantity: BigNumberInput
  metadata: Record<string, unknown> | null
  adjustments: Adjustment[]
  tax_lines: TaxLine[]
}

/** What the compensation puts back: each split line's quantity and adjustment amounts, and the lines added. */
/**
 * The cart module as Medusa builds it: MedusaService also generates
 * updateLineItemAdjustments, which ICartModuleService does not declare.
 */
type CartModule = ICartModuleService & {
  updateLineItemAdjustments(data: { id: string; amount: BigNumberInput }[]): Promise<unknown>
}

type Undo = { restored: { id: string; quantity: BigNumberInput; adjustments: { id: string; amount: BigNumberInput }[] }[]; added: string[] }

// What a copy of a line keeps: everything the order line is built from.
const COPIED = [
  "title", "subtitle", "thumbnail", "product_id", "product_title", "product_description", "product_subtitle",
  "product_type", "product_type_id", "product_collection", "product_handle", "variant_id", "variant_sku",
  "variant_barcode", "variant_title", "variant_option_values", "requires_shipping", "is_discountable",
  "is_giftcard", "is_tax_inclusive", "is_custom_price", "compare_at_unit_price", "unit_price",
] as const

/**
 * A delivery line that no single location can ship whole becomes one cart
 * line per location before Medusa completes the cart: Medusa core reserves a
 * line at one location, and its fulfillment workflow takes each of a line's
 * reservations to cover the whole line, so a part per line is what both
 * understand. The first part keeps the line; each other part is a copy (same
 * unit price and tax lines) with its quantity, and the line's discounts are
 * shared out by quantity, the remainder on the first part, so the cart's
 * total, and so the payment's amount, don't change. This is what Medusa's
 * completeCartWorkflow asks of a change before completion: made in a step
 * before it, not in its hooks. Undone if the checkout fails.
 */
export const splitCartLinesStep = createStep(
  splitCartLinesStepId,
  async (input: { cart_id: string; allocation: DeliveryAllocation | null }, { container }) => {
    const split = (input.allocation?.lines ?? []).filter((l) => l.parts.length > 1)
    const undo: Undo = { restored: [], added: [] }
    if (!split.length) return new StepResponse(undo, null as Undo | null)

    const cartModule = container.resolve<CartModule>(Modules.CART)
    const lines = (await cartModule.listLineItems(
      { id: split.map((l) => l.line_id) },
      { relations: ["adjustments", "tax_lines"] }
    )) as unknown as Line[]
    const byId = new Map(lines.map((l) => [l.id, l]))

    try {
      for (const alloc of split) {
        const line = byId.get(alloc.line_id)!
        const total = alloc.quantity
        undo.restored.push({
          id: line.id,
          quantity: line.quantity,
          adjustments: line.adjustments.map((a) => ({ id: a.id, amount: a.amount })),
        })
        const [first, ...rest] = alloc.parts
        const given = new Map<string, ReturnType<typeof MathBN.convert>>()
        const copies = rest.map((part) => ({
          ...Object.fromEntries(COPIED.map((k) => [k, line[k]]).filter(([, v]) => v !== undefined && v !== null)),
          quantity: part.quantity,
          metadata: { ...(line.metadata ?? {}), omnichannel_part_of: line.id },
          tax_lines: line.tax_lines.map((t) => ({
            code: t.code,
            rate: t.rate,
            description: t.description ?? undefined,
            tax_rate_id: t.tax_rate_id ?? undefined,
            provider_id: t.provider_id ?? undefined,
          })),
          adjustments: line.adjustments.map((a) => {
            const share = MathBN.div(MathBN.mult(a.amount, part.quantity), total)
            given.set(a.id, MathBN.add(given.get(a.id) ?? 0, share))
            return {
              code: a.code ?? undefined,
              amount: share,
              description: a.description ?? undefined,
              promotion_id: a.promotion_id ?? undefined,
              provider_id: a.provider_id ?? undefined,
              ...(a.is_tax_inclusive !== undefined ? { is_tax_inclusive: a.is_tax_inclusive } : {}),
            }
          }),
        }))
        const added = await cartModule.addLineItems(input.cart_id, copies)
        undo.added.push(...added.map((a) => a.id))
        await cartModule.updateLineItems(line.id, { quantity: first.quantity })
        if (line.adjustments.length) {
          await cartModule.updateLineItemAdjustments(
            line.adjustments.map((a) => ({ id: a.id, amount: MathBN.sub(a.amount, given.get(a.id) ?? 0) }))
          )
        }
      }
    } catch (e) {
      await restore(cartModule, undo)
      throw e
    }
    return new StepResponse(undo, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    await restore(container.resolve<CartModule>(Modules.CART), undo)
  }
)

async function restore(cartModule: CartModule, undo: Undo) {
  if (undo.added.length) await cartModule.deleteLineItems(undo.added)
  for (const r of undo.restored) {
    await cartModule.updateLineItems(r.id, { quantity: r.quantity })
    if (r.adjustments.length) await cartModule.updateLineItemAdjustments(r.adjustments)
  }
  undo.added = []
  undo.restored = []
}
