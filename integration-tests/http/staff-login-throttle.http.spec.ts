import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import people from "../../data/customers.json"
import { seedDemoData } from "../../data/seed"
import { settle } from "../helpers/store"

jest.setTimeout(120000)

/**
 * Medusa's own login route for the plugin's `staff` actor, throttled by the
 * plugin's middleware: 5 wrong passwords per email and 20 per address within
 * 15 minutes, then 429 with Retry-After until the window ends. Medusa trusts
 * one proxy hop, so X-Forwarded-For sets the client's address here.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    beforeAll(async () => {
      await seedDemoData(getContainer())
    })

    const login = (email: string, password: string, ip: string) =>
      settle(api.post("/auth/staff/emailpass", { email, password }, { headers: { "x-forwarded-for": ip } }))
    const [anna, bruno, chloe] = people.staff

    const expectThrottled = (res: Awaited<ReturnType<typeof login>>) => {
      expect(res.status).toBe(429)
      const retryAfter = Number(res.headers["retry-after"])
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(15 * 60)
      expect(res.data).toEqual({ message: expect.any(String), retry_after: retryAfter })
      expect(res.data.token).toBeUndefined()
    }

    it("after 5 wrong passwords for an email, the 6th attempt is a 429 even with the right password; others still log in", async () => {
      for (let i = 0; i < 5; i++) expect((await login(anna.email, "wrong-password", "198.51.100.1")).status).toBe(401)
      expectThrottled(await login(anna.email, anna.password, "198.51.100.1"))
      // The email's count holds from any address (and in any case: emails are compared lower-cased).
      expectThrottled(await login(anna.email.toUpperCase(), anna.password, "198.51.100.2"))
      // Another member from another address is not affected.
      const other = await login(bruno.email, bruno.password, "198.51.100.3")
      expect(other.status).toBe(200)
      expect(other.data.token).toEqual(expect.any(String))
    })

    it("after 20 failures from one address, it is a 429 there for everyone; elsewhere the same member logs in", async () => {
      for (let i = 0; i < 20; i++) expect((await login(`nobody${i}@example.com`, "guess", "203.0.113.9")).status).toBe(401)
      expectThrottled(await login(chloe.email, chloe.password, "203.0.113.9"))
      expect((await login(chloe.email, chloe.password, "203.0.113.10")).status).toBe(200)
    })

    it("a successful login clears its email's count", async () => {
      for (let i = 0; i < 4; i++) expect((await login(bruno.email, "wrong-password", "192.0.2.1")).status).toBe(401)
      expect((await login(bruno.email, bruno.password, "192.0.2.1")).status).toBe(200)
      // 4 more wrong ones would be 8 without the reset: still 401s, and the right password still works.
      for (let i = 0; i < 4; i++) expect((await login(bruno.email, "wrong-password", "192.0.2.1")).status).toBe(401)
      expect((await login(bruno.email, bruno.password, "192.0.2.1")).status).toBe(200)
    })
  },
})
