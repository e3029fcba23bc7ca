import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ENGAGEMENT_MODULE } from ".."
import { AbandonedCart } from "../models/abandoned-cart"
import { CartReminder } from "../models/cart-reminder"
import { Purchase } from "../models/purchase"
import { Segment } from "../models/segment"
import { SegmentMember } from "../models/segment-member"
import EngagementModuleService from "../service"

jest.setTimeout(60000)

moduleIntegrationTestRunner<EngagementModuleService>({
  moduleName: ENGAGEMENT_MODULE,
  moduleModels: [Segment, Purchase, SegmentMember, AbandonedCart, CartReminder],
  resolve: "./src/modules/engagement",
  testSuite: ({ service }) => {
    it("claims each membership change once, even when two callers make it at the same moment", async () => {
      const both = await Promise.all([
        service.claimMembership("seg_1", ["cus_a", "cus_b"], null),
        service.claimMembership("seg_1", ["cus_a", "cus_b"], null),
      ])
      expect(both.flatMap((c) => c.added).sort()).toEqual(["cus_a", "cus_b"])
      expect(await service.claimMembership("seg_1", ["cus_a", "cus_b"], null)).toEqual({ added: [], removed: [] })
      // Everyone else leaves on a full evaluation.
      expect(await service.claimMembership("seg_1", ["cus_b"], null)).toEqual({ added: [], removed: ["cus_a"] })
    })

    it("changes only the customers in scope, whatever else it is given", async () => {
      await service.claimMembership("seg_2", ["cus_a", "cus_b"], null)
      // cus_c is not in the scope: not added; cus_b is outside it: not removed.
      expect(await service.claimMembership("seg_2", ["cus_c"], ["cus_a"])).toEqual({ added: [], removed: ["cus_a"] })
      expect(await service.claimMembership("seg_2", ["cus_x"], [])).toEqual({ added: [], removed: [] })
      expect((await service.pageMembers("seg_2", 10, 0)).customer_ids).toEqual(["cus_b"])
    })

    it("moves one customer in and out of many segments in one claim, and undoes it", async () => {
      await service.claimMembership("seg_3", ["cus_a"], null)
      const changes = await service.claimCustomerMemberships("cus_a", [
        { segment_id: "seg_3", member: false },
        { segment_id: "seg_4", member: true },
        { segment_id: "seg_5", member: false },
      ])
      expect(changes).toEqual([
        { segment_id: "seg_3", added: [], removed: ["cus_a"] },
        { segment_id: "seg_4", added: ["cus_a"], removed: [] },
      ])
      for (const c of changes) await service.unclaimMembership(c.segment_id, c)
      expect(Object.fromEntries(await service.countMembers(["seg_3", "seg_4"]))).toEqual({ seg_3: 1, seg_4: 0 })
    })

    it("upserts a purchase by order and answers what a shopper bought since, by customer or email", async () => {
      const base = { email: "Ana@Example.com", sales_channel_id: "sc_web", currency_code: "eur", canceled_at: null }
      await service.upsertPurchases([
        { ...base, order_id: "order_1", customer_id: "cus_a", total: 20, placed_at: new Date("2026-11-01"), product_ids: ["p1"] },
      ])
      // the same order again, now canceled: one row, updated
      await service.upsertPurchases([
        { ...base, order_id: "order_1", customer_id: "cus_a", total: 20, placed_at: new Date("2026-11-01"), product_ids: ["p1"], canceled_at: new Date() },
        { ...base, order_id: "order_2", customer_id: "cus_guest", total: 5, placed_at: new Date("2026-11-03"), product_ids: ["p2", "p3"] },
      ])
      expect(await service.listPurchases({ order_id: "order_1" })).toEqual([expect.objectContaining({ canceled_at: expect.any(Date) })])
      const since = await service.purchasesSince([
        { key: "k", customer_id: "cus_a", email: "ana@example.com", since: new Date("2026-10-01") },
        { key: "late", customer_id: "cus_a", email: null, since: new Date("2026-11-02") },
      ])
      // the guest order counts by email; the canceled one doesn't count at all
      expect(since.get("k")).toEqual({ orders: 1, product_ids: new Set(["p2", "p3"]) })
      expect(since.has("late")).toBe(false)
    })
  },
})
