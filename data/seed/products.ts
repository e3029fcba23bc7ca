/** Products (with their categories) and their stock at each location. */
import {
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import productData from "../products.json"

export async function seedProducts(
  container: MedusaContainer,
  salesChannels: Record<string, string>,
  shippingProfileId: string
) {
  const productService = container.resolve(Modules.PRODUCT)

  const categoryNames = [...new Set(productData.products.map((p) => p.category))]
  const existingCategories = await productService.listProductCategories({ name: categoryNames })
  const missingCategories = categoryNames.filter(
    (n) => !existingCategories.some((c) => c.name === n)
  )
  if (missingCategories.length) {
    await createProductCategoriesWorkflow(container).run({
      input: { product_categories: missingCategories.map((name) => ({ name, is_active: true })) },
    })
  }
  const categories = await productService.listProductCategories({ name: categoryNames })
  const categoryId = Object.fromEntries(categories.map((c) => [c.name, c.id]))

  const handles = productData.products.map((p) => p.handle)
  const existing = await productService.listProducts({ handle: handles })
  const missing = productData.products.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (!missing.length) {
    return
  }

  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((p) => ({
        title: p.title,
        handle: p.handle,
        description: p.description,
        weight: p.weight,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: shippingProfileId,
        category_ids: [categoryId[p.category]],
        options: p.options,
        // The merchant's order (data/products.json): Medusa keeps no order of its own for
        // variants or option values created here, so storefronts read it from variant_rank.
        variants: p.variants.map((v, rank) => ({
          title: v.title,
          sku: v.sku,
          // EAN-13 on the label: what the till's scanner reads.
          barcode: v.barcode,
          variant_rank: rank,
          options: v.options,
          manage_inventory: true,
          prices: [{ amount: v.price, currency_code: productData.currency_code }],
        })),
        sales_channels: Object.values(salesChannels).map((id) => ({ id })),
      })),
    },
  })
}

export async function seedStock(container: MedusaContainer, locations: Record<string, string>) {
  const inventory = container.resolve(Modules.INVENTORY)
  const skus = productData.products.flatMap((p) => p.variants.map((v) => v.sku))
  const items = await inventory.listInventoryItems({ sku: skus })
  const itemBySku = new Map(items.map((i) => [i.sku, i.id]))
  const levels = await inventory.listInventoryLevels({ inventory_item_id: items.map((i) => i.id) })
  const hasLevel = new Set(levels.map((l) => `${l.inventory_item_id}:${l.location_id}`))

  const missing: { inventory_item_id: string; location_id: string; stocked_quantity: number }[] = []
  for (const product of productData.products) {
    for (const variant of product.variants) {
      const itemId = itemBySku.get(variant.sku)
      if (!itemId) {
        throw new Error(`Seed: no inventory item for sku ${variant.sku}`)
      }
      for (const [handle, quantity] of Object.entries(variant.stock)) {
        const locationId = locations[handle]
        if (!hasLevel.has(`${itemId}:${locationId}`)) {
          missing.push({ inventory_item_id: itemId, location_id: locationId, stocked_quantity: quantity as number })
        }
      }
    }
  }
  if (missing.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: missing } })
  }
}
