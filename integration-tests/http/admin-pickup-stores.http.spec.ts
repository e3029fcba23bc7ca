import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import storeData from "../../data/stores.json"
import { adminHeaders } from "../helpers/admin"

jest.setTimeout(120000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let headers: { headers: Record<string, string> }

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
    })

    beforeEach(async () => {
      headers = await adminHeaders(api)
    })

    describe("GET /admin/pickup-stores", () => {
      it("lists every stock location with its pickup settings, location name and address", async () => {
        const res = await api.get("/admin/pickup-stores?limit=100", headers)
        expect(res.status).toBe(200)
        expect(res.data.count).toBe(storeData.stores.length + 1)
        expect(res.data.limit).toBe(100)
        expect(res.data.offset).toBe(0)

        const bellecour = res.data.stores.find((s: any) => s.name === "Lyon Bellecour")
        expect(bellecour).toEqual(
          expect.objectContaining({
            location_id: seed.locations["bellecour"],
            configured: true,
            enabled: true,
            timezone: "Europe/Paris",
            lead_time_minutes: 120,
            slot_minutes: 30,
            slot_capacity: 6,
            hold_days: 5,
            safety_stock: 1,
            closures: [
              { from: "2026-12-25", to: "2026-12-26", label: "Christmas" },
              { from: "2027-01-01", to: "2027-01-01", label: "New Year's Day" },
            ],
          })
        )
        expect(bellecour.address).toEqual(
          expect.objectContaining({ address_1: "20 Place Bellecour", city: "Lyon", postal_code: "69002" })
        )
        expect(bellecour.hours.mon).toEqual([["10:00", "19:00"]])
        expect(bellecour.hours.sun).toEqual([]) // closed: every weekday is written out

        // The warehouse has no pickup settings: listed, unconfigured, pickup off.
        const warehouse = res.data.stores.find((s: any) => s.name === storeData.warehouse.name)
        expect(warehouse).toEqual(expect.objectContaining({ configured: false, enabled: false }))
      })

      it("paginates", async () => {
        const first = await api.get("/admin/pickup-stores?limit=3&offset=0", headers)
        const second = await api.get("/admin/pickup-stores?limit=3&offset=3", headers)
        expect(first.data.stores).toHaveLength(3)
        expect(second.data.stores).toHaveLength(3)
        const ids = [...first.data.stores, ...second.data.stores].map((s: any) => s.location_id)
        expect(new Set(ids).size).toBe(6)
        expect(second.data.count).toBe(first.data.count)
      })

      it("filters by enabled", async () => {
        const off = await api.get("/admin/pickup-stores?enabled=false", headers)
        expect(off.data.stores.map((s: any) => s.name)).toEqual(["Lyon Guillotière"])
        const on = await api.get("/admin/pickup-stores?enabled=true&limit=50", headers)
        expect(on.data.count).toBe(storeData.stores.filter((s) => s.pickup.enabled).length)
      })

      it("rejects a malformed query with 400 naming the field", async () => {
        for (const qs of ["limit=abc", "limit=0", "offset=-1", "enabled=maybe", "color=red"]) {
          const err = await api.get(`/admin/pickup-stores?${qs}`, headers).catch((e: any) => e)
          expect(err.response?.status).toBe(400)
          expect(err.response.data.message).toMatch(new RegExp(qs.split("=")[0]))
        }
      })

      it("requires an admin", async () => {
        const anonymous = await api.get("/admin/pickup-stores").catch((e: any) => e)
        expect(anonymous.response?.status).toBe(401)

        const { data } = await api.post("/auth/customer/emailpass", {
          email: "camille.martin@example.com",
          password: "password123",
        })
        const asCustomer = await api
          .get("/admin/pickup-stores", { headers: { authorization: `Bearer ${data.token}` } })
          .catch((e: any) => e)
        expect(asCustomer.response?.status).toBe(401)
      })
    })

    describe("GET /admin/pickup-stores/:location_id", () => {
      it("returns one store's settings", async () => {
        const res = await api.get(`/admin/pickup-stores/${seed.locations["croix-rousse"]}`, headers)
        expect(res.status).toBe(200)
        expect(res.data.store).toEqual(
          expect.objectContaining({
            name: "Lyon Croix-Rousse",
            enabled: true,
            hours: expect.objectContaining({ tue: [["09:30", "12:30"], ["14:00", "19:00"]] }),
          })
        )
      })

      it("gives 404 for an unknown location", async () => {
        const err = await api.get("/admin/pickup-stores/sloc_unknown", headers).catch((e: any) => e)
        expect(err.response?.status).toBe(404)
      })
    })
  },
})
