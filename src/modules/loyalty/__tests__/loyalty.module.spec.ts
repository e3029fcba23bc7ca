import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { addDays } from "date-fns"
import { LOYALTY_MODULE } from ".."
import { LoyaltyAccount } from "../models/loyalty-account"
import { LoyaltyEntry } from "../models/loyalty-entry"
import { LoyaltyProgram } from "../models/loyalty-program"
import LoyaltyModuleService from "../service"
import { DEFAULT_PROGRAM, LoyaltyEntryType } from "../types"

jest.setTimeout(60000)

moduleIntegrationTestRunner<LoyaltyModuleService>({
  moduleName: LOYALTY_MODULE,
  moduleModels: [LoyaltyProgram, LoyaltyAccount, LoyaltyEntry],
  resolve: "./src/modules/loyalty",
  testSuite: ({ service }) => {
    const credit = (account_id: string, points: number, key: string, available_at = new Date()) =>
      service.appendEntry({ account_id, type: LoyaltyEntryType.ADJUST, points, idempotency_key: key, available_at })

    it("creates one account per customer with a member code, even when asked twice at once", async () => {
      const [a, b] = await Promise.all([service.ensureAccount("cus_1"), service.ensureAccount("cus_1")])
      expect(a.account.id).toBe(b.account.id)
      expect(a.account.member_code).toMatch(/^M[A-HJKMNP-Z2-9]{9}$/)
      expect(await service.listLoyaltyAccounts({ customer_id: "cus_1" })).toHaveLength(1)
    })

    it("derives available and pending from the ledger at any instant", async () => {
      const { account } = await service.ensureAccount("cus_2")
      await credit(account.id, 100, "a")
      await credit(account.id, 40, "b", addDays(new Date(), 10))
      expect(await service.balance(account.id)).toEqual({ available: 100, pending: 40 })
      expect(await service.balance(account.id, addDays(new Date(), 11))).toEqual({ available: 140, pending: 0 })
    })

    it("sums a balance past a 32-bit integer without overflowing", async () => {
      const { account } = await service.ensureAccount("cus_big")
      for (const key of ["x", "y", "z"]) await credit(account.id, 1_000_000_000, key)
      expect(await service.balance(account.id)).toEqual({ available: 3_000_000_000, pending: 0 })
    })

    it("writes an idempotency key once", async () => {
      const { account } = await service.ensureAccount("cus_3")
      const first = await credit(account.id, 10, "same")
      const again = await credit(account.id, 999, "same")
      expect(first.created).toBe(true)
      expect(again).toEqual({ entry: expect.objectContaining({ id: first.entry.id, points: 10 }), created: false })
    })

    it("never lets concurrent debits overspend, and refuses debits on a closed account", async () => {
      const { account } = await service.ensureAccount("cus_4")
      await credit(account.id, 500, "base")
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          service.appendEntry({ account_id: account.id, type: LoyaltyEntryType.REDEEM, points: -100, idempotency_key: `r${i}` })
        )
      )
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5)
      expect(results.filter((r) => r.status === "rejected").map((r: any) => r.reason.message)).toEqual(
        Array(7).fill("Not enough points: 100 requested, 0 available")
      )
      expect((await service.balance(account.id)).available).toBe(0)

      await service.updateLoyaltyAccounts({ id: account.id, status: "closed" })
      await credit(account.id, 50, "after-close")
      await expect(
        service.appendEntry({ account_id: account.id, type: LoyaltyEntryType.REDEEM, points: -10, idempotency_key: "closed" })
      ).rejects.toThrow("closed")
    })

    it("refuses any entry that takes the available balance below zero, whoever writes it, unless it names why it may", async () => {
      const { account } = await service.ensureAccount("cus_5")
      await credit(account.id, 100, "base5")
      const refused = (type: LoyaltyEntryType, points: number, key: string) =>
        expect(service.appendEntry({ account_id: account.id, type, points, idempotency_key: key })).rejects.toThrow(
          `Not enough points: ${-points} requested, 100 available`
        )
      // Not only redemptions: adjustments, reversals and expiries alike.
      await refused(LoyaltyEntryType.ADJUST, -101, "adj")
      await refused(LoyaltyEntryType.REVERSE, -150, "rev")
      await refused(LoyaltyEntryType.EXPIRE, -101, "exp")
      expect(await service.listLoyaltyEntries({ account_id: account.id })).toHaveLength(1)
      // A pending earn's reversal comes off the pending balance only.
      const later = addDays(new Date(), 10)
      await credit(account.id, 40, "pending5", later)
      await service.appendEntry({ account_id: account.id, type: LoyaltyEntryType.REVERSE, points: -40, idempotency_key: "rev-pending", available_at: later })
      expect(await service.balance(account.id)).toEqual({ available: 100, pending: 0 })
      // The one named exception: a compensation undoing an entry exactly.
      await service.appendEntry({ account_id: account.id, type: LoyaltyEntryType.REDEEM, points: -80, idempotency_key: "spend5" })
      const { entry } = await service.appendEntry({ account_id: account.id, type: LoyaltyEntryType.REVERSE, points: -100, idempotency_key: "void5", overdraft: "void" })
      expect(entry.metadata).toEqual(expect.objectContaining({ overdraft: "void" }))
      expect((await service.balance(account.id)).available).toBe(-80)
    })

    it("returns the defaults until a program is saved", async () => {
      expect(await service.getProgramSettings()).toEqual({ id: null, ...DEFAULT_PROGRAM })
      await service.createLoyaltyPrograms({ ...DEFAULT_PROGRAM, min_redeem_points: 7 } as any)
      expect((await service.getProgramSettings()).min_redeem_points).toBe(7)
    })
  },
})
