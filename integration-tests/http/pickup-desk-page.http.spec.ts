/**
 * The /pickup-desk page in real headless Chromium (Debian's chromium driven by
 * playwright-core), against the app booted by the test runner: a staff member
 * logs in on a phone-sized screen, sees the queue, verifies a code and hands
 * the order over; on a tablet, marks an order partly ready.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Browser, Page } from "playwright-core"
import people from "../../data/customers.json"
import { seedDemoData, SeedResult } from "../../data/seed"
import { launchChromium, screenshotPath } from "../helpers/browser"
import { bearerClient, loginStaff, placePickup } from "../helpers/desk"
import { adminHeaders } from "../helpers/admin"
import { expectExactStock, stockOnlyAt } from "../helpers/stock"
import { completeCart, createCart, storeClient, variantIdsBySku } from "../helpers/store"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let browser: Browser

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK", "TEE-NAV-XL", "BEANIE-RUST"])
      browser = await launchChromium()
    })
    afterAll(async () => {
      await browser?.close()
    })

    // A device set to another zone and a 12-hour locale: the desk still shows the store's clock, 24-hour.
    const elsewhere = { timezoneId: "America/New_York", locale: "en-US" }
    const openDesk = async (viewport: { width: number; height: number }, device: { timezoneId?: string; locale?: string } = {}) => {
      const page = await browser.newPage({ viewport, deviceScaleFactor: 1, ...device })
      const errors: string[] = []
      page.on("pageerror", (e) => errors.push(e.message))
      await page.goto(`${api.defaults.baseURL}/pickup-desk`)
      return { page, errors }
    }
    const logIn = async (page: Page, index = 0) => {
      await page.fill("#email", people.staff[index].email)
      await page.fill("#password", people.staff[index].password)
      await page.click("#login button[type=submit]")
    }

    /** Nothing wider than the screen: no sideways scrolling at the counter. */
    const expectFits = async (page: Page) => {
      const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }))
      expect(scroll).toBeLessThanOrEqual(width)
    }

    /** An instant on a store's wall clock as the desk writes it: "dd/MM HH:mm", 24-hour. */
    const storeClock = (iso: string, timeZone: string) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat("en-GB", { timeZone, day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
          .formatToParts(new Date(iso))
          .map((p) => [p.type, p.value])
      )
      return `${parts.day}/${parts.month} ${parts.hour}:${parts.minute}`
    }

    it("serves the desk with its icon", async () => {
      const page = await browser.newPage()
      const res = await page.goto(`${api.defaults.baseURL}/pickup-desk`)
      const href = await page.$eval("link[rel=icon]", (l) => (l as HTMLLinkElement).href)
      expect(href).toBe(`${api.defaults.baseURL}/pickup-desk/favicon.svg`)
      // Same origin: allowed by the page's policy, if it has one (img-src 'self').
      const csp = res!.headers()["content-security-policy"]
      if (csp) expect(csp).toMatch(/(img-src|default-src)[^;]*'self'/)
      const icon = await fetch(href)
      expect(icon.status).toBe(200)
      expect(icon.headers.get("content-type")).toContain("image/svg+xml")
      expect(await icon.text()).toMatch(/^<svg /)
      await page.close()
    })

    it("on a phone: log in, see the queue, verify a code, hand over to a named proxy", async () => {
      const bellecour = seed.locations["bellecour"]
      const first = await placePickup(api, seed, {
        store: "bellecour",
        lines: [{ variant_id: variants["MUG-INK"], quantity: 2 }],
      })
      const second = await placePickup(api, seed, {
        store: "bellecour",
        customer: 1,
        lines: [{ variant_id: variants["TEE-NAV-XL"], quantity: 1 }, { variant_id: variants["BEANIE-RUST"], quantity: 1 }],
      })
      const desk = bearerClient(api, await loginStaff(api, 0))
      await desk.post(`/staff/pickups/${second.pickup_id}/ready`)
      await second.shop.post(`/store/customers/me/pickups/${second.pickup_id}/arrived`, { note: "At the counter" })

      const { page, errors } = await openDesk({ width: 360, height: 740 }, elsewhere)
      // Wrong password first.
      await page.fill("#email", people.staff[0].email)
      await page.fill("#password", "not-the-password")
      await page.click("#login button[type=submit]")
      await page.waitForSelector("#login-error:not([hidden])")
      expect(await page.textContent("#login-error")).toBe("Wrong email or password.")

      await logIn(page)
      await page.waitForSelector("#queue li")
      expect(await page.textContent("#who")).toBe("Léa Roux")
      expect(await page.textContent("#queue-title")).toBe("Queue · Lyon Bellecour")
      const rows = await page.$$eval("#queue li", (lis) => lis.map((li) => li.textContent))
      expect(rows).toHaveLength(2)
      // The shopper who arrived is first.
      expect(rows[0]).toContain("Lucas Bernard")
      expect(rows[0]).toContain("Here")
      expect(rows[1]).toContain("Camille Martin")
      // Status chips in the shared words (src/types/status.ts), sentence case, no CSS capitals.
      expect(rows[0]).toContain("Ready for pickup")
      expect(rows[1]).toContain("Order placed")
      expect(await page.$eval("#queue .badge.placed", (b) => getComputedStyle(b).textTransform)).toBe("none")
      // The store's clock (Europe/Paris), 24-hour, on a device in New York set to en-US.
      const { data: me } = await desk.get("/staff/me")
      const zone = me.staff.stores.find((s: any) => s.id === bellecour).timezone
      expect(zone).toBe("Europe/Paris")
      const { data: firstDetail } = await desk.get(`/staff/pickups/${first.pickup_id}`)
      const { slot, ready_by } = firstDetail.pickup
      expect(rows[1]).toContain(
        slot ? `slot ${storeClock(slot.start, zone).slice(6)}–${storeClock(slot.end, zone).slice(6)}` : `ready by ${storeClock(ready_by, zone)}`
      )
      expect(await page.textContent("#updated")).toMatch(/^Updated ([01]\d|2[0-3]):[0-5]\d\.$/)
      expect(await page.textContent("body")).not.toMatch(/\d\s?(AM|PM)\b/i)
      // Léa works at two stores: she can switch.
      expect(await page.$$eval("#store option", (o) => o.map((x) => x.textContent))).toEqual(["Lyon Bellecour", "Lyon Part-Dieu"])
      await expectFits(page)
      await page.screenshot({ path: screenshotPath("pickup-desk-queue.png") })

      // A wrong code says so, without echoing it.
      await page.fill("#code", "WRONGCODE2")
      await page.click("#verify button[type=submit]")
      await page.waitForSelector("#verify-error:not([hidden])")
      expect(await page.textContent("#verify-error")).toBe("No pickup with that code at this store")

      // The shopper's code, typed with spaces and in lower case.
      await page.fill("#code", second.code.toLowerCase().replace(/(.{4})/, "$1 "))
      await page.click("#verify button[type=submit]")
      await page.waitForSelector("text=Code verified")
      expect(await page.textContent("#detail h1")).toContain("Lucas Bernard")
      const { data: secondDetail } = await desk.get(`/staff/pickups/${second.pickup_id}`)
      expect(await page.textContent("#detail dl")).toContain(`Arrived${storeClock(secondDetail.pickup.arrived_at, zone).slice(6)}`)
      expect(await page.textContent("#detail .timeline")).toContain(`${storeClock(secondDetail.pickup.timeline[0].at, zone)} · Order placed`)
      await page.check("#h-proxy")
      await page.fill("#h-name", "Marie Bernard")
      await page.fill("#h-relation", "sister")
      await expectFits(page)
      await page.screenshot({ path: screenshotPath("pickup-desk-handover.png"), fullPage: true })

      await page.click("#a-collect")
      await page.waitForSelector(".done")
      expect(await page.textContent(".done")).toContain("Handed over to Marie Bernard (sister)")
      expect(await page.textContent(".done")).toContain("by Léa Roux")
      await page.screenshot({ path: screenshotPath("pickup-desk-collected.png") })

      const { data } = await desk.get(`/staff/pickups/${second.pickup_id}`)
      expect(data.pickup).toEqual(
        expect.objectContaining({ status: "collected", collected_by: { name: "Marie Bernard", relation: "sister" } })
      )
      // Back to the queue: only the first order is left.
      await page.click("#a-next")
      await page.waitForFunction(() => document.querySelectorAll("#queue li").length === 1)
      expect(await page.textContent("#queue li")).toContain(`#${first.order.display_id}`)
      expect(errors).toEqual([])
      await page.close()
    })

    it("on a tablet: open an order from the queue and mark it partly ready with a reason", async () => {
      const { order, pickup_id } = await placePickup(api, seed, {
        store: "part-dieu",
        lines: [{ variant_id: variants["MUG-INK"], quantity: 3 }],
      })
      const { page, errors } = await openDesk({ width: 1024, height: 768 })
      await logIn(page)
      await page.waitForSelector("#store:not([hidden])")
      await page.selectOption("#store", seed.locations["part-dieu"])
      await page.waitForSelector(`#queue button[data-id="${pickup_id}"]`)
      await page.click(`#queue button[data-id="${pickup_id}"]`)
      await page.waitForSelector("#a-partial")
      await page.click("#a-prepare")
      await page.waitForSelector("#detail .badge.preparing")
      await page.click("#a-partial")
      await page.fill("[data-line]", "2")
      await page.fill("[data-reason]", "Only two left without chips")
      await expectFits(page)
      await page.screenshot({ path: screenshotPath("pickup-desk-partial.png") })
      await page.click("#a-confirm")
      await page.waitForSelector("#detail .badge.partially_ready")
      expect(await page.textContent("#detail .items")).toContain("1 rejected: Only two left without chips")
      expect(await page.textContent("#detail .timeline")).toContain("Partly ready · Léa Roux")

      const desk = bearerClient(api, await loginStaff(api, 0))
      const { data } = await desk.get(`/staff/pickups/${pickup_id}`)
      expect(data.pickup.rejected_items).toEqual([
        expect.objectContaining({ line_item_id: order.items[0].id, quantity: 1, reason: "Only two left without chips" }),
      ])
      expect(errors).toEqual([])
      await page.close()
    })

    it("on a tablet: the 'To ship' queue: pick, pack and ship a routed order, hand on a line the store can't find", async () => {
      const admin = bearerClient(api, (await adminHeaders(api)).headers.authorization.replace("Bearer ", ""))
      const L = seed.locations
      await stockOnlyAt(getContainer(), "MUG-INK", { [L.bellecour]: 5, [L.warehouse]: 5 })
      await stockOnlyAt(getContainer(), "BEANIE-RUST", { [L.bellecour]: 5, [L.warehouse]: 5 })
      await admin.post("/admin/fulfillment-routing", {
        default: { rules: ["fewest_locations", "priority"], priority: [L.bellecour, L.warehouse] },
        locations: [{ location_id: L.bellecour, ships: true }],
      })
      const shop = storeClient(api, seed)
      const delivery = async (lines: { variant_id: string; quantity: number }[]) => {
        const cart = await createCart(shop, seed, lines)
        const { data } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
        await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: data.shipping_options.find((o: any) => o.name === "Standard delivery").id })
        const res = await completeCart(shop, cart.id)
        expect(res.status).toBe(200)
        return res.data.order
      }
      const shipIt = await delivery([{ variant_id: variants["MUG-INK"], quantity: 2 }])
      const handOn = await delivery([{ variant_id: variants["BEANIE-RUST"], quantity: 1 }])
      const desk = bearerClient(api, await loginStaff(api, 0))
      const shipmentOf = async (orderId: string) =>
        (await desk.get(`/staff/shipments?location_id=${L.bellecour}`)).data.shipments.find((s: any) => s.order.id === orderId)
      const first = await shipmentOf(shipIt.id)
      const second = await shipmentOf(handOn.id)

      const { page, errors } = await openDesk({ width: 1024, height: 768 }, elsewhere)
      await logIn(page)
      await page.waitForSelector("#store:not([hidden])")
      await page.selectOption("#store", L.bellecour)
      await page.waitForSelector("#ship-count:not([hidden])")
      await page.click("#tab-shipments")
      await page.waitForSelector(`#ship-queue button[data-shipment="${first.id}"]`)
      // Orders come with UTC instants: shown on the store's clock all the same.
      expect(await page.textContent(`#ship-queue button[data-shipment="${first.id}"]`)).toContain(
        `ordered ${storeClock(shipIt.created_at, "Europe/Paris")}`
      )
      await page.screenshot({ path: screenshotPath("pickup-desk-to-ship.png") })
      await page.click(`#ship-queue button[data-shipment="${first.id}"]`)
      await page.click("#s-pick")
      await page.click("#s-pack")
      await page.waitForSelector("#s-ship")
      // The carrier is required: the API's 400 shows next to the form.
      await page.fill("#s-tracking", "6A12345678901")
      await page.click("#s-ship")
      await page.waitForSelector("#action-error:not([hidden])")
      expect(await page.textContent("#action-error")).toBe("Enter the carrier")
      await page.fill("#s-carrier", "Colissimo")
      await page.screenshot({ path: screenshotPath("pickup-desk-ship.png") })
      await page.click("#s-ship")
      await page.waitForSelector("#detail .badge.shipped")
      expect(await page.textContent("#detail dl")).toContain("Colissimo · 6A12345678901")
      expect((await desk.get(`/staff/shipments/${first.id}`)).data.shipment).toMatchObject({ status: "shipped", carrier: "Colissimo" })

      // The beanie: not found at Bellecour; the warehouse has it.
      await page.click("#s-next")
      await page.waitForSelector(`#ship-queue button[data-shipment="${second.id}"]`)
      await page.click(`#ship-queue button[data-shipment="${second.id}"]`)
      await page.click("[data-reject]")
      await page.fill("#r-reason", "Not on the shelf")
      await page.click("#r-confirm")
      await page.waitForSelector(".notice")
      expect(await page.textContent(".notice")).toBe("Sent on to Saint-Priest Warehouse.")
      await page.screenshot({ path: screenshotPath("pickup-desk-handed-on.png") })
      const { data } = await admin.get(`/admin/orders/${handOn.id}/allocation`)
      expect(data.locations.map((l: any) => [l.name, l.lines[0].status])).toEqual(
        expect.arrayContaining([
          ["Lyon Bellecour", "rejected"],
          ["Saint-Priest Warehouse", "allocated"],
        ])
      )
      expect(errors).toEqual([])
      await page.close()
      await expectExactStock(getContainer())
    })
  },
})
