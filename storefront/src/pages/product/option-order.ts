/**
 * The order a product's option values are offered in: the merchant's.
 *
 * Medusa (2.16+) keeps a `rank` on each option value (set with the option's
 * `ranks` or in the admin) and a `variant_rank` on each variant; the Store API
 * returns `options.values` in no particular order. So, in turn:
 * 1. the values' own ranks, when every value has a distinct one;
 * 2. the variants' order by `variant_rank` (each value where its first variant
 *    stands), when the variants' ranks differ;
 * 3. otherwise nothing on the product says the merchant's order: sizes are put
 *    in size order (XS, S, M, L, XL…, or by their leading number: 36-39, 4 mm)
 *    and anything else keeps the order it came in.
 */
type Value = { id: string; value: string; rank?: number | null }
type Variant = { variant_rank?: number | null; options?: { option_id?: string; value: string }[] | null }

const SIZES = ["XXXS", "XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "4XL", "5XL"]
const leadingNumber = (v: string) => {
  const m = v.trim().match(/^(\d+(?:[.,]\d+)?)/)
  return m ? Number(m[1].replace(",", ".")) : null
}

export function orderOptionValues<V extends Value>(optionId: string, values: V[], variants: Variant[]): V[] {
  const ranks = values.map((v) => v.rank)
  if (ranks.every((r) => r != null) && new Set(ranks).size === values.length) {
    return [...values].sort((a, b) => a.rank! - b.rank!)
  }
  const byRank = [...variants].sort((a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0))
  if (new Set(variants.map((v) => v.variant_rank ?? 0)).size > 1) {
    const at = (value: string) => {
      const i = byRank.findIndex((v) => (v.options ?? []).some((o) => o.option_id === optionId && o.value === value))
      return i < 0 ? Number.MAX_SAFE_INTEGER : i
    }
    return [...values].sort((a, b) => at(a.value) - at(b.value))
  }
  const upper = values.map((v) => v.value.trim().toUpperCase())
  if (upper.every((v) => SIZES.includes(v))) {
    return [...values].sort((a, b) => SIZES.indexOf(a.value.trim().toUpperCase()) - SIZES.indexOf(b.value.trim().toUpperCase()))
  }
  if (values.every((v) => leadingNumber(v.value) !== null)) {
    return [...values].sort((a, b) => leadingNumber(a.value)! - leadingNumber(b.value)!)
  }
  return values
}

/** Variants in the merchant's order (`variant_rank`; equal ranks keep the order they came in). */
export const orderVariants = <T extends Variant>(variants: T[]) => [...variants].sort((a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0))

/**
 * The options themselves (Size before Colour): Medusa keeps no rank for them,
 * and the API's order varies. The merchant's first variant's title ("S / Navy")
 * names them in their order; options its title doesn't name keep theirs, after.
 */
export function orderOptions<O extends { id: string }>(options: O[], variants: (Variant & { title?: string | null })[]): O[] {
  const first = orderVariants(variants)[0]
  const title = first?.title ?? ""
  const at = (o: O) => {
    const value = (first?.options ?? []).find((v) => v.option_id === o.id)?.value
    const i = value ? title.indexOf(value) : -1
    return i < 0 ? Number.MAX_SAFE_INTEGER : i
  }
  return [...options].sort((a, b) => at(a) - at(b))
}
