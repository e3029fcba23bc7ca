import { model } from "@medusajs/framework/utils"

/**
 * A customer's loyalty account. Balances are not stored: they are sums over
 * the ledger (loyalty_entry). The row is what debits lock (FOR UPDATE) so two
 * redemptions never both spend the same points.
 */
export const LoyaltyAccount = model
  .define("loyalty_account", {
    id: model.id({ prefix: "lacc" }).primaryKey(),
    customer_id: model.text().unique(),
    // Shown as a QR at the till; staff scan it to credit an in-store sale.
    member_code: model.text().unique(),
    tier: model.text().nullable(),
    status: model.enum(["active", "closed"]).default("active"),
  })
