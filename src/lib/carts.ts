import type { CartDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * A cart by id with the given fields: 404 when unknown, and with
 * `open: true` 409 when it is already completed (an order can't change).
 * Typed as Medusa's cart (or the caller's shape): only the asked fields are set.
 */
export async function retrieveCart<T extends object = CartDTO>(
  container: MedusaContainer,
  id: string,
  fields: string[],
  { open = false }: { open?: boolean } = {}
): Promise<T> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({
    entity: "cart",
    fields: open ? [...new Set([...fields, "completed_at"])] : fields,
    filters: { id },
  })
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${id} was not found`)
  }
  if (open && cart.completed_at) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Cart ${id} is already completed`)
  }
  return cart as T
}
