import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import storeData from "../../data/stores.json"
import { adminHeaders } from "../helpers/admin"
import { createCart, nextWeekday, storeClient, variantIdsBySku } from "../helpers/store"

jest.setTimeout(120000)

const BELLECOUR = { lat: 45.7578, lng: 4.832 }
const enabledStores = storeData.stores.filter((s) => s.pickup.enabled)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["NOTEBOOK-A5", "RAIN-M", "EARBUDS-BLK", "TEE-NAV-M", "MUG-WHITE"])
    })

    describe("GET /store/pickup-stores", () => {
      it("lists the pickup stores of the key's channel, nearest first, with hours and the next pickup time", async () => {
        const shop = storeClient(api, seed)
        const { data } = await shop.get(`/store/pickup-stores?lat=${BELLECOUR.lat}&lng=${BELLECOUR.lng}`)
        expect(data.count).toBe(enabledStores.length)
        expect(data.stores.map((s: any) => s.name)).not.toContain("Lyon Guillotière")
        expect(data.stores[0]).toEqual(
          expect.objectContaining({
            id: seed.locations["bellecour"],
            name: "Lyon Bellecour",
            distance_km: 0,
            curbside: false,
            instructions: expect.any(String),
            open_now: expect.any(Boolean),
            hours_today: expect.objectContaining({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
            address: expect.objectContaining({ city: "Lyon", postal_code: "69002" }),
          })
        )
        const distances = data.stores.map((s: any) => s.distance_km)
        expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b))
        for (const s of data.stores) {
          expect(s.next_pickup_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/)
          expect(new Date(s.next_pickup_at).getTime()).toBeGreaterThan(Date.now())
        }
        expect(data.stores[0].availability).toBeUndefined()
      })

      it("filters by radius and by text (name, city, postal code)", async () => {
        const shop = storeClient(api, seed)
        const near = await shop.get(`/store/pickup-stores?lat=${BELLECOUR.lat}&lng=${BELLECOUR.lng}&radius_km=2.5`)
        expect(near.data.stores.every((s: any) => s.distance_km <= 2.5)).toBe(true)
        expect(near.data.stores.map((s: any) => s.name)).toContain("Lyon Part-Dieu")
        expect(near.data.stores.map((s: any) => s.name)).not.toContain("Villeurbanne Gratte-Ciel")

        const city = await shop.get(`/store/pickup-stores?q=villeurbanne`)
        expect(city.data.stores.map((s: any) => s.name)).toEqual(["Villeurbanne Gratte-Ciel"])
        const postal = await shop.get(`/store/pickup-stores?q=69004`)
        expect(postal.data.stores.map((s: any) => s.name)).toEqual(["Lyon Croix-Rousse"])
        const paged = await shop.get(`/store/pickup-stores?limit=2&offset=2`)
        expect(paged.data).toEqual(expect.objectContaining({ count: enabledStores.length, limit: 2, offset: 2 }))
        expect(paged.data.stores).toHaveLength(2)
      })

      it("shows availability per store as stocked − reserved − safety stock", async () => {
        const shop = storeClient(api, seed)
        const q = `variant_ids[]=${variants["NOTEBOOK-A5"]}&variant_ids[]=${variants["RAIN-M"]}&quantities[]=1&quantities[]=1&limit=50`
        const { data } = await shop.get(`/store/pickup-stores?${q}`)
        const byName = Object.fromEntries(data.stores.map((s: any) => [s.name, s.availability]))

        // The notebook is stocked at Croix-Rousse only.
        const notebookAt = (name: string) =>
          byName[name].items.find((i: any) => i.variant_id === variants["NOTEBOOK-A5"]).available
        expect(notebookAt("Lyon Croix-Rousse")).toBeGreaterThan(0)
        expect(notebookAt("Lyon Bellecour")).toBe(0)

        // Rain jacket M: Bellecour stocks 1 but keeps 1 back; Part-Dieu stocks 3 and keeps 2 back.
        const rainAt = (name: string) =>
          byName[name].items.find((i: any) => i.variant_id === variants["RAIN-M"]).available
        expect(rainAt("Lyon Bellecour")).toBe(0)
        expect(rainAt("Lyon Part-Dieu")).toBe(1)
        expect(byName["Lyon Part-Dieu"].all_available).toBe(false)
      })

      it("uses a cart's items and channel", async () => {
        const shop = storeClient(api, seed)
        const cart = await createCart(shop, seed, [{ variant_id: variants["EARBUDS-BLK"], quantity: 1 }])
        const { data } = await shop.get(`/store/pickup-stores?cart_id=${cart.id}`)
        // Earbuds are only in the warehouse: no store can supply them.
        expect(data.stores.every((s: any) => s.availability.all_available === false)).toBe(true)
        expect(data.stores[0].availability.items).toEqual([
          { variant_id: variants["EARBUDS-BLK"], requested: 1, available: 0 },
        ])
      })

      it("sorts from a postal code placed by the plugin's geocoder (a shopper who typed 69004)", async () => {
        const shop = storeClient(api, seed)
        const { data } = await shop.get(`/store/pickup-stores?postal_code=69004&country_code=FR`)
        expect(data.count).toBe(enabledStores.length)
        // 69004 is Croix-Rousse: its shop first, then by distance from there.
        expect(data.stores[0].name).toBe("Lyon Croix-Rousse")
        expect(data.origin).toEqual({ latitude: expect.any(Number), longitude: expect.any(Number) })
        expect(data.origin.latitude).toBeCloseTo(45.77, 1)
        const distances = data.stores.map((s: any) => s.distance_km)
        expect(distances.every((d: any) => typeof d === "number")).toBe(true)
        expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b))
        const within = await shop.get(`/store/pickup-stores?postal_code=69004&radius_km=1.5`)
        expect(within.data.stores.map((s: any) => s.name)).toEqual(["Lyon Croix-Rousse"])
        // Nowhere known: 404 with the code; with lat/lng too, 400.
        const unknown = await shop.fail(shop.get(`/store/pickup-stores?postal_code=00000`))
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toContain("00000")
        const both = await shop.fail(shop.get(`/store/pickup-stores?postal_code=69004&lat=45.7&lng=4.8`))
        expect(both.status).toBe(400)
        expect(both.data.message).toContain("postal_code")
        const country = await shop.fail(shop.get(`/store/pickup-stores?country_code=fr`))
        expect(country.status).toBe(400)
        expect(country.data.message).toContain("country_code")
        const plain = await shop.get(`/store/pickup-stores`)
        expect(plain.data.origin).toBeNull()
      })

      it("rejects bad queries with 400 naming the field, and an unknown cart with 404", async () => {
        const shop = storeClient(api, seed)
        const cases: [string, string][] = [
          ["lat=91&lng=4", "lat"],
          ["lat=45&lng=181", "lng"],
          ["lat=45", "lng"],
          ["radius_km=5", "radius_km"],
          [`variant_ids[]=${variants["MUG-WHITE"]}&quantities[]=-1`, "quantities"],
          ["cart_id=not-a-cart", "cart_id"],
          ["limit=1000", "limit"],
          ["colour=red", "colour"],
        ]
        for (const [qs, field] of cases) {
          const res = await shop.fail(shop.get(`/store/pickup-stores?${qs}`))
          expect({ qs, status: res.status }).toEqual({ qs, status: 400 })
          expect(res.data.message).toContain(field)
        }
        const unknown = await shop.fail(shop.get(`/store/pickup-stores?cart_id=cart_01UNKNOWN`))
        expect(unknown.status).toBe(404)
      })

      it("needs a publishable key", async () => {
        const res = await api.get("/store/pickup-stores").catch((e: any) => e.response)
        expect(res.status).toBe(400)
      })
    })

    describe("GET /store/pickup-stores/:id/slots", () => {
      it("lays the day's slots in the store's zone with remaining capacity", async () => {
        const shop = storeClient(api, seed)
        const tuesday = nextWeekday(2)
        const { data } = await shop.get(`/store/pickup-stores/${seed.locations["bellecour"]}/slots?date=${tuesday}`)
        expect(data.timezone).toBe("Europe/Paris")
        // Bellecour: Tue 10:00-19:00 in 30-minute slots of 6.
        expect(data.slots).toHaveLength(18)
        expect(data.slots[0]).toEqual({
          start: expect.stringMatching(new RegExp(`^${tuesday}T10:00:00\\+0[12]:00$`)),
          end: expect.stringMatching(new RegExp(`^${tuesday}T10:30:00\\+0[12]:00$`)),
          capacity: 6,
          remaining: 6,
          available: true,
        })
        expect(data.slots.at(-1).end).toMatch(/T19:00:00/)
      })

      it("has none on a closed day, a closure, or a store without slots", async () => {
        const shop = storeClient(api, seed)
        const sunday = nextWeekday(0)
        expect((await shop.get(`/store/pickup-stores/${seed.locations["bellecour"]}/slots?date=${sunday}`)).data.slots).toEqual([])
        const christmas = await shop.get(`/store/pickup-stores/${seed.locations["bellecour"]}/slots?date=2026-12-25`)
        expect(christmas.data.slots).toEqual([])
        expect(christmas.data.closure).toEqual({ from: "2026-12-25", to: "2026-12-26", label: "Christmas" })
        const noSlots = await shop.get(`/store/pickup-stores/${seed.locations["croix-rousse"]}/slots?date=${nextWeekday(2)}`)
        expect(noSlots.data.slots).toEqual([])
      })

      it("400 for a bad date, 404 for an unknown store, 400 for a store without pickup", async () => {
        const shop = storeClient(api, seed)
        expect((await shop.fail(shop.get(`/store/pickup-stores/${seed.locations["bellecour"]}/slots?date=2026-02-30`))).status).toBe(400)
        expect((await shop.fail(shop.get(`/store/pickup-stores/sloc_01UNKNOWN/slots?date=2026-12-01`))).status).toBe(404)
        const off = await shop.fail(shop.get(`/store/pickup-stores/${seed.locations["guillotiere"]}/slots?date=2026-12-01`))
        expect(off.status).toBe(400)
        expect(off.data.message).toMatch(/not offered/)
      })
    })

    describe("POST /admin/pickup-stores/:location_id", () => {
      it("saves settings and, when pickup is turned on, offers the store to shoppers and in core shipping options", async () => {
        const admin = await adminHeaders(api)
        const shop = storeClient(api, seed)
        const body = {
          enabled: true,
          latitude: 45.7533,
          longitude: 4.8431,
          timezone: "Europe/Paris",
          hours: { mon: [["09:00", "12:30"], ["14:00", "19:00"]], tue: [["09:00", "19:00"]], sun: [] },
          closures: [{ from: "2026-12-25", to: "2026-12-26", label: "Christmas" }],
          lead_time_minutes: 120,
          slot_minutes: 30,
          slot_capacity: 6,
          hold_days: 5,
          safety_stock: 1,
          instructions: "Desk at the back, left of the tills",
          curbside: true,
          phone: "+33 4 00 00 00 00",
          email: "guillotiere@example.com",
        }
        const res = await api.post(`/admin/pickup-stores/${seed.locations["guillotiere"]}`, body, admin)
        expect(res.data.store).toEqual(
          expect.objectContaining({
            ...body,
            // Every weekday is written out; a day left out is closed.
            hours: { ...body.hours, wed: [], thu: [], fri: [], sat: [] },
            name: "Lyon Guillotière",
            configured: true,
          })
        )

        const listed = await shop.get(`/store/pickup-stores?q=Guillotière`)
        expect(listed.data.stores.map((s: any) => s.id)).toEqual([seed.locations["guillotiere"]])

        const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-WHITE"], quantity: 1 }])
        const options = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
        expect(options.data.shipping_options.map((o: any) => o.name)).toContain("Pick up at Lyon Guillotière")

        // Saving again does not add a second fulfillment set or option.
        await api.post(`/admin/pickup-stores/${seed.locations["guillotiere"]}`, { lead_time_minutes: 60 }, admin)
        const again = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
        expect(again.data.shipping_options.filter((o: any) => o.name === "Pick up at Lyon Guillotière")).toHaveLength(1)
      })

      it("rejects bad settings with 400 naming the field, with each error's field path, and changes nothing", async () => {
        const admin = await adminHeaders(api)
        const id = seed.locations["bellecour"]
        const before = (await api.get(`/admin/pickup-stores/${id}`, admin)).data.store
        // [body, the field the message names, the path of the field error]
        const cases: [any, string, string][] = [
          [{ hours: { mon: [["19:00", "09:00"]] } }, "hours", "hours.mon.0"],
          [{ hours: { tue: [["09:00", "12:00"], ["13:00", "1800"]] } }, "hours", "hours.tue.1.1"],
          [{ hours: { wed: [["09:00", "13:00"], ["12:00", "18:00"]] } }, "hours", "hours.wed"],
          [{ hours: { funday: [] } }, "funday", "hours.funday"],
          [{ timezone: "Europe/Lyon" }, "timezone", "timezone"],
          [{ latitude: 95 }, "latitude", "latitude"],
          [{ longitude: -181 }, "longitude", "longitude"],
          [{ lead_time_minutes: -5 }, "lead_time_minutes", "lead_time_minutes"],
          [{ safety_stock: 1.5 }, "safety_stock", "safety_stock"],
          [{ closures: [{ from: "2026-12-24", to: "2026-12-24" }, { from: "2026-12-26", to: "2026-12-25" }] }, "closures", "closures.1.to"],
          [{ slot_minutes: 30, slot_capacity: 0 }, "slot_capacity", "slot_capacity"],
          [{ email: "not-an-email" }, "email", "email"],
          [{ color: "red" }, "color", "color"],
        ]
        for (const [body, field, path] of cases) {
          const res = await api.post(`/admin/pickup-stores/${id}`, body, admin).catch((e: any) => e.response)
          expect({ body, status: res.status }).toEqual({ body, status: 400 })
          expect(res.data.type).toBe("invalid_data")
          expect(res.data.message).toContain(field)
          expect({ body, paths: res.data.errors.map((e: any) => e.path) }).toEqual({ body, paths: [path] })
        }
        const after = (await api.get(`/admin/pickup-stores/${id}`, admin)).data.store
        expect(after).toEqual(before)

        const unknown = await api.post(`/admin/pickup-stores/sloc_01UNKNOWN`, { enabled: true }, admin).catch((e: any) => e.response)
        expect(unknown.status).toBe(404)
      })
    })
  },
})
