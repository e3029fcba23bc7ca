import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { STAFF_MODULE } from ".."
import { StaffMember } from "../models/staff-member"
import StaffModuleService from "../service"

jest.setTimeout(60000)

moduleIntegrationTestRunner<StaffModuleService>({
  moduleName: STAFF_MODULE,
  moduleModels: [StaffMember],
  resolve: "./src/modules/staff",
  testSuite: ({ service }) => {
    const member = { email: "a@example.com", first_name: "A", last_name: "B", location_ids: ["sloc_1", "sloc_2"] }

    it("stores a member, active by default, with their stores", async () => {
      const created = await service.createStaffMembers(member)
      expect(created).toEqual(expect.objectContaining({ id: expect.stringMatching(/^stf_/), is_active: true, location_ids: ["sloc_1", "sloc_2"] }))
      const [found] = await service.listStaffMembers({ location_ids: { $contains: ["sloc_2"] } } as any)
      expect(found.id).toBe(created.id)
      expect(await service.listStaffMembers({ location_ids: { $contains: ["sloc_9"] } } as any)).toEqual([])
    })

    it("keeps emails unique among live members, and frees one when its member is deleted", async () => {
      const first = await service.createStaffMembers(member)
      await expect(service.createStaffMembers(member)).rejects.toThrow()
      await service.softDeleteStaffMembers(first.id)
      const again = await service.createStaffMembers(member)
      expect(again.id).not.toBe(first.id)
    })
  },
})
