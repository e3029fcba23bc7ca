import { model } from "@medusajs/framework/utils"

/**
 * A member of store staff: its own Medusa actor type (`staff`), logged in with
 * the auth module's emailpass provider (the auth identity's app_metadata holds
 * `staff_id`). `location_ids` are the stock locations (stores) they work at;
 * every /staff route is scoped to them.
 */
export const StaffMember = model
  .define("staff_member", {
    id: model.id({ prefix: "stf" }).primaryKey(),
    email: model.text().searchable(),
    first_name: model.text().searchable(),
    last_name: model.text().searchable(),
    is_active: model.boolean().default(true),
    location_ids: model.array().default([]),
    auth_identity_id: model.text().nullable(),
    /**
     * Tokens carry the version they were issued at (the auth identity's
     * app_metadata.staff_session); raising it ends every earlier token:
     * on a password reset and on deactivation.
     */
    session_version: model.number().default(0),
  })
  .indexes([{ on: ["email"], unique: true, where: "deleted_at IS NULL" }])
