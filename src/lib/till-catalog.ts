import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils"
import { storeAvailability } from "./availability"

type TillVariantRow = {
  id: string
  title: string | null
  sku: string | null
  barcode: string | null
  ean: string | null
  upc: string | null
  manage_inventory: boolean
  product: { title: string | null; thumbnail: string | null } | null
  inventory_items: ({ inventory_item_id: string; required_quantity: number | null } | null)[] | null
  calculated_price: { calculated_amount: number | null; currency_code: string | null; is_calculated_price_tax_inclusive: boolean } | null
}

/** The region a store sells in: the one holding its country (the till prices and taxes there). */
export async function storeRegion(container: MedusaContainer, locationId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: [location] }, { data: regions }] = await Promise.all([
    query.graph({ entity: "stock_location", fields: ["id", "name", "address.country_code"], filters: { id: locationId } }),
    query.graph({ entity: "region", fields: ["id", "currency_code", "countries.iso_2"] }),
  ])
  if (!location) throw new MedusaError(MedusaError.Types.NOT_FOUND, `location_id: no store ${locationId}`)
  const country = location.address?.country_code?.toLowerCase()
  const rows = regions as { id: string; currency_code: string; countries: ({ iso_2: string } | null)[] | null }[]
  const region = rows.find((r) => (r.countries ?? []).some((c) => c?.iso_2 === country)) ?? rows[0]
  if (!region) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No region to price the sale in")
  return { id: region.id as string, currency_code: region.currency_code as string }
}

const LOOKUP_FIELDS = [
  "id", "title", "sku", "barcode", "ean", "upc", "manage_inventory", "product.title", "product.thumbnail",
  "inventory_items.inventory_item_id", "inventory_items.required_quantity", "calculated_price.*",
]

/**
 * The till's item search: a scanned code (the variant's barcode, EAN, UPC or
 * SKU, exactly) or words of its name, with the price Medusa computes for the
 * store's region and what this store has on its shelf. A scan that matches
 * nothing is a 404 naming the code.
 */
export async function findTillItems(container: MedusaContainer, locationId: string, q: string, scan: boolean) {
  const region = await storeRegion(container, locationId)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const text = q.trim()
  const filters = scan
    ? { $or: [{ barcode: text }, { ean: text }, { upc: text }, { sku: text }] }
    : { $or: [{ title: { $ilike: `%${text}%` } }, { sku: { $ilike: `%${text}%` } }, { product: { title: { $ilike: `%${text}%` } } }] }
  const { data } = await query.graph({
    entity: "product_variant",
    fields: LOOKUP_FIELDS,
    filters,
    pagination: { take: 20 },
    context: { calculated_price: QueryContext({ region_id: region.id, currency_code: region.currency_code }) },
  })
  const rows = data as unknown as TillVariantRow[]
  if (scan && !rows.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `q: no item with the code ${text}`)
  const shelf = (
    await storeAvailability(container, [{ location_id: locationId, safety_stock: 0 }], rows.map((v) => ({ variant_id: v.id, quantity: 1 })), {
      variants: new Map(
        rows.map((v) => [
          v.id,
          {
            id: v.id,
            manage_inventory: !!v.manage_inventory,
            inventory_items: (v.inventory_items ?? []).flatMap((ii) => (ii ? [{ inventory_item_id: ii.inventory_item_id, required_quantity: Number(ii.required_quantity ?? 1) }] : [])),
          },
        ])
      ),
    })
  ).get(locationId)
  const inStore = new Map((shelf?.items ?? []).map((i) => [i.variant_id, i.available]))
  return rows.map((v) => ({
    variant_id: v.id,
    title: v.product?.title ?? null,
    variant_title: v.title,
    sku: v.sku,
    barcode: v.barcode ?? v.ean ?? v.upc ?? null,
    thumbnail: v.product?.thumbnail ?? null,
    price: v.calculated_price?.calculated_amount ?? null,
    currency_code: v.calculated_price?.currency_code ?? region.currency_code,
    is_tax_inclusive: !!v.calculated_price?.is_calculated_price_tax_inclusive,
    // null: not tracked (always sellable)
    in_store: v.manage_inventory ? inStore.get(v.id) ?? 0 : null,
  }))
}
