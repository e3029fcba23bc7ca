import { z } from "@medusajs/framework/zod"

const Name = z.string().trim().min(1).max(100)
const Password = z.string().min(8, "at least 8 characters").max(200)
const LocationIds = z.array(z.string().min(1)).max(200)

export const AdminListStaff = z
  .object({
    q: z.string().max(100).optional(),
    location_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListStaffType = z.infer<typeof AdminListStaff>

export const AdminCreateStaff = z
  .object({
    email: z.string().trim().toLowerCase().email(),
    password: Password,
    first_name: Name,
    last_name: Name,
    location_ids: LocationIds.optional(),
  })
  .strict()
export type AdminCreateStaffType = z.infer<typeof AdminCreateStaff>

export const AdminUpdateStaff = z
  .object({
    first_name: Name.optional(),
    last_name: Name.optional(),
    is_active: z.boolean().optional(),
    password: Password.optional(),
  })
  .strict()
export type AdminUpdateStaffType = z.infer<typeof AdminUpdateStaff>

export const AdminSetStaffStores = z.object({ location_ids: LocationIds }).strict()
export type AdminSetStaffStoresType = z.infer<typeof AdminSetStaffStores>
