/** People: customers, the admin user, pickup-desk staff; and the loyalty program. */
import {
  createCustomerAccountWorkflow,
  createUserAccountWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { STAFF_MODULE } from "../../src/modules/staff"
import type StaffModuleService from "../../src/modules/staff/service"
import { createStaffWorkflow } from "../../src/workflows/staff"
import { LOYALTY_MODULE } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import people from "../customers.json"
import loyaltyData from "../loyalty.json"

/** Finds the emailpass identity of an email, registering it when absent. */
async function ensureEmailpassIdentity(container: MedusaContainer, email: string, password: string) {
  const auth = container.resolve(Modules.AUTH)
  const [providerIdentity] = await auth.listProviderIdentities(
    { entity_id: email, provider: "emailpass" },
    { relations: ["auth_identity"] }
  )
  if (providerIdentity?.auth_identity) {
    return providerIdentity.auth_identity
  }
  const { success, authIdentity, error } = await auth.register("emailpass", {
    body: { email, password },
  } as any)
  if (!success || !authIdentity) {
    throw new Error(`Seed: could not register ${email}: ${error}`)
  }
  return authIdentity
}

export async function seedCustomers(container: MedusaContainer) {
  const customerService = container.resolve(Modules.CUSTOMER)
  for (const c of people.customers) {
    const [existing] = await customerService.listCustomers({ email: c.email, has_account: true })
    if (existing) {
      continue
    }
    const identity = await ensureEmailpassIdentity(container, c.email, c.password)
    await createCustomerAccountWorkflow(container).run({
      input: {
        authIdentityId: identity.id,
        customerData: { email: c.email, first_name: c.first_name, last_name: c.last_name, phone: c.phone },
      },
    })
  }
}

/** The loyalty program (once: a merchant's later changes are kept). */
export async function seedLoyaltyProgram(container: MedusaContainer) {
  const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [existing] = await service.listLoyaltyPrograms({}, { take: 1 })
  if (!existing) {
    await service.createLoyaltyPrograms(loyaltyData.program as any)
  }
}

/** Pickup-desk staff, each assigned to their stores (same workflow as POST /admin/pickup-staff). */
export async function seedStaff(container: MedusaContainer, locations: Record<string, string>) {
  const service: StaffModuleService = container.resolve(STAFF_MODULE)
  for (const s of people.staff) {
    const [existing] = await service.listStaffMembers({ email: s.email })
    if (existing) {
      continue
    }
    await createStaffWorkflow(container).run({
      input: {
        email: s.email,
        password: s.password,
        first_name: s.first_name,
        last_name: s.last_name,
        location_ids: s.stores.map((handle) => locations[handle]),
      },
    })
  }
}

export async function seedAdmin(container: MedusaContainer) {
  const userService = container.resolve(Modules.USER)
  const { admin } = people
  const [existing] = await userService.listUsers({ email: admin.email })
  if (existing) {
    return
  }
  const identity = await ensureEmailpassIdentity(container, admin.email, admin.password)
  await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId: identity.id,
      userData: { email: admin.email, first_name: admin.first_name, last_name: admin.last_name },
    },
  })
}
