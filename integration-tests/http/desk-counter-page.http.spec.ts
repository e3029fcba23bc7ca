/**
 * The desk's counter (issue 27) in real headless Chromium against the app the
 * test runner boots: on a phone (360 px) and a tablet, a member sale with the
 * card scanned by the camera, a walk-in cash sale and its printable receipt,
 * a web order taken back at a shop and exchanged, and an order for the
 * shopper of what the shelf lacks. Stock is checked in the container.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Browser, BrowserContext, Page } from "playwright-core"
import people from "../../data/customers.json"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { launchChromium, screenshotPath } from "../helpers/browser"
import { bearerClient, loginStaff, paymentOf } from "../helpers/desk"
import { expectExactStock, stockOnlyAt } from "../helpers/stock"
import { completeCart, createCart, levelAt, loginCustomer, storeClient, variantIdsBySku } from "../helpers/store"

jest.setTimeout(300000)

const PHONE = { width: 360, height: 740 }
const TABLET = { width: 1024, height: 768 }

/**
 * The camera, faked: a BarcodeDetector (headless Chromium on Linux has none)
 * that reads what the test queued in `window.__scans`, and a blank stream for
 * getUserMedia. The desk's scanner runs as on a phone.
 */
async function fakeCamera(context: BrowserContext) {
  await context.addInitScript(() => {
    type Scans = { __scans: string[]; BarcodeDetector: unknown }
    const w = window as unknown as Scans
    w.__scans = []
    w.BarcodeDetector = class {
      async detect() {
        const value = w.__scans.shift()
        return value ? [{ rawValue: value }] : []
      }
    }
    const getUserMedia = async () => {
      const canvas = document.createElement("canvas")
      canvas.width = 32
      canvas.height = 32
      canvas.getContext("2d")!.fillRect(0, 0, 32, 32)
      return canvas.captureStream(1)
    }
    if (navigator.mediaDevices) navigator.mediaDevices.getUserMedia = getUserMedia
    else Object.defineProperty(navigator, "mediaDevices", { value: { getUserMedia } })
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let browser: Browser
    let admin: ReturnType<typeof bearerClient>
    let lea: ReturnType<typeof bearerClient>

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["TEE-NAV-M", "TEE-NAV-L", "MUG-INK"])
      browser = await launchChromium()
    })
    beforeEach(async () => {
      admin = bearerClient(api, (await adminHeaders(api)).headers.authorization.replace(/^Bearer /, ""))
      lea = bearerClient(api, await loginStaff(api, 0)) // Bellecour and Part-Dieu
    })
    afterEach(async () => {
      await expectExactStock(getContainer())
    })
    afterAll(async () => {
      await browser?.close()
    })
    const L = () => seed.locations

    /** The desk, logged in as Léa at Lyon Bellecour, its camera faked. */
    const openCounter = async (viewport: { width: number; height: number }) => {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, timezoneId: "Europe/Paris" })
      await fakeCamera(context)
      const page = await context.newPage()
      const errors: string[] = []
      page.on("pageerror", (e) => errors.push(e.message))
      await page.goto(`${api.defaults.baseURL}/pickup-desk`)
      await page.fill("#email", people.staff[0].email)
      await page.fill("#password", people.staff[0].password)
      await page.click("#login button[type=submit]")
      await page.waitForSelector("#store:not([hidden])")
      await page.selectOption("#store", L().bellecour)
      return { page, errors, close: () => context.close() }
    }
    /** Nothing wider than the screen: no sideways scrolling at the counter. */
    const expectFits = async (page: Page) => {
      const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }))
      expect(scroll).toBeLessThanOrEqual(width)
    }
    /** An amount as the desk writes it (the browser's own currency format). */
    const money = (page: Page, amount: number, currency = "eur") =>
      page.evaluate(([a, c]) => new Intl.NumberFormat(undefined, { style: "currency", currency: String(c).toUpperCase() }).format(Number(a)), [amount, currency])
    const addByCode = async (page: Page, code: string) => {
      const before = await page.locator("#t-lines li").count()
      await page.fill("#t-code", code)
      await page.press("#t-code", "Enter") // as a scanner gun types it
      await page.waitForFunction((n) => document.querySelectorAll("#t-lines li").length > n, before)
    }
    /** Charge (or order): the receipt, else the error the desk shows, so a failure says why. */
    const submit = async (page: Page, button: string, errorLine: string) => {
      await page.click(button)
      await page.waitForSelector(`#receipt, ${errorLine}:not([hidden])`)
      if (!(await page.$("#receipt"))) expect(await page.textContent(errorLine)).toBe("")
    }
    /** Full-page shots from the top: the sticky bar stays where it belongs. */
    const shot = async (page: Page, name: string) => {
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.screenshot({ path: screenshotPath(name), fullPage: true })
    }
    const memberCodeOf = async (customerIndex: number) => {
      const { token } = await loginCustomer(api, customerIndex)
      const { data: { customer } } = await storeClient(api, seed, "Web store", token).get("/store/customers/me")
      const { data } = await admin.get(`/admin/customers/${customer.id}/loyalty`)
      return { customer, code: data.loyalty.member_code as string }
    }

    it("on a phone: sells to a member whose card is scanned, by card on the terminal; Medusa's receipt with the points", async () => {
      const mug = await stockOnlyAt(getContainer(), "MUG-INK", { [L().bellecour]: 5 })
      const { customer, code } = await memberCodeOf(0)
      const { page, errors, close } = await openCounter(PHONE)
      await page.click("#nav-till")
      await page.waitForSelector("#till-view")

      // An unknown code says so; the mug's SKU, typed and Enter, adds it; a second Enter adds one more.
      await page.fill("#t-code", "4006381333931")
      await page.press("#t-code", "Enter")
      await page.waitForSelector("#t-find-error:not([hidden])")
      expect(await page.textContent("#t-find-error")).toBe("No item with the code 4006381333931")
      await addByCode(page, "MUG-INK")
      await page.fill("#t-code", "MUG-INK")
      await page.press("#t-code", "Enter")
      await page.waitForFunction(() => (document.querySelector("#t-lines [data-qty]") as HTMLInputElement | null)?.value === "2")
      const line = page.locator(`#t-lines li[data-line="${variants["MUG-INK"]}"]`)
      expect(await line.textContent()).toContain("5 here")

      // The member's app shows their card's QR: the camera reads it.
      await page.click("#c-member_code")
      await page.evaluate((c) => (window as unknown as { __scans: string[] }).__scans.push(c), code)
      await page.click("#c-scan")
      await page.waitForSelector("#c-attached")
      expect(await page.inputValue("#c-code")).toBe(code)
      await page.click("#p-card")
      await page.fill("#p-ref", "TPE-4417")
      // No total before charging: Medusa's comes with the receipt.
      expect(await page.textContent("#till-view")).toContain("comes from Medusa when you charge")
      await expectFits(page)
      await shot(page, "desk-till.png")

      await submit(page, "#t-charge", "#till-error")
      const orderNo = Number((await page.textContent("#r-order"))!.match(/#(\d+)/)![1])
      const { data: found } = await lea.get(`/staff/orders?q=${orderNo}`)
      const { data: { receipt } } = await lea.get(`/staff/orders/${found.orders[0].id}/receipt`)
      expect(receipt.order.email).toBe(customer.email)
      expect(receipt.points.earned).toBeGreaterThan(0)
      expect(await page.textContent("#r-total")).toBe(await money(page, receipt.order.total))
      expect(await page.textContent("#r-vat")).toBe(await money(page, receipt.order.tax_total))
      expect(await page.textContent("#r-paid")).toBe("Card · TPE-4417")
      expect(await page.textContent("#r-points")).toBe(String(receipt.points.earned))
      expect(await page.textContent("#r-sold-by")).toBe("Léa")
      expect(await page.textContent("#receipt .r-lines")).toMatch(/\d+ %/)
      expect(await page.textContent("#receipt")).toContain("Lyon Bellecour")
      await expectFits(page)
      await shot(page, "desk-receipt.png")

      expect(await levelAt(getContainer(), mug, L().bellecour)).toEqual({ stocked: 3, reserved: 0 })
      const { captured } = await paymentOf(getContainer(), receipt.order.id)
      expect(captured).toBe(Number(receipt.order.total))

      // Next sale: an empty till.
      await page.click("#r-new")
      await page.waitForSelector("#t-charge:disabled")
      expect(await page.locator("#t-lines li").count()).toBe(0)
      expect(errors).toEqual([])
      await close()
    })

    it("on a tablet: a walk-in pays cash for an item found by name; the receipt prints on 80 mm paper or A4", async () => {
      const mug = await stockOnlyAt(getContainer(), "MUG-INK", { [L().bellecour]: 2 })
      const { page, errors, close } = await openCounter(TABLET)
      await page.click("#nav-till")
      await page.fill("#t-search", "mug")
      await page.click("#t-search-form button[type=submit]")
      await page.click(`#t-results button[data-variant="${variants["MUG-INK"]}"]`)
      await page.waitForSelector(`#t-lines li[data-line="${variants["MUG-INK"]}"]`)
      // Walk-in is the default; an email for the receipt is optional.
      expect(await page.getAttribute("#c-walk_in", "aria-checked")).toBe("true")
      await page.fill("#c-mail", "passer.by@example.com")
      await expectFits(page)
      await page.screenshot({ path: screenshotPath("desk-till-tablet.png") })
      await submit(page, "#t-charge", "#till-error")
      expect(await page.textContent("#r-paid")).toBe("Cash")
      expect(await page.locator("#r-points").count()).toBe(0)

      // The paper: 80 mm by default, A4 on demand, kept on the device.
      expect(await page.getAttribute("#receipt", "class")).toContain("paper-80")
      await page.click("#r-paper-a4")
      expect(await page.getAttribute("#receipt", "class")).toContain("paper-a4")
      await page.emulateMedia({ media: "print" })
      expect(await page.$eval("#receipt", (r) => getComputedStyle(r).getPropertyValue("page"))).toBe("sheetA4")
      expect(await page.$eval("header.bar", (h) => getComputedStyle(h).display)).toBe("none")
      await page.emulateMedia({ media: "screen" })
      await page.click("#r-paper-80")
      expect(await page.getAttribute("#receipt", "class")).toContain("paper-80")
      await shot(page, "desk-receipt-tablet.png")
      await page.emulateMedia({ media: "print" })
      expect(await page.$eval("#receipt", (r) => getComputedStyle(r).getPropertyValue("page"))).toBe("roll80")
      expect(await page.isVisible("#r-print")).toBe(false)
      // The slip as the printer gets it: 80 mm is about 302 px.
      await page.setViewportSize({ width: 302, height: 900 })
      await shot(page, "desk-receipt-print-80mm.png")
      await page.emulateMedia({ media: "screen" })

      expect(await levelAt(getContainer(), mug, L().bellecour)).toEqual({ stocked: 1, reserved: 0 })
      expect(errors).toEqual([])
      await close()
    })

    it("on a phone: takes back a web order at a shop, refund shown, back on the shelf; then the exchange is sold", async () => {
      const tee = await stockOnlyAt(getContainer(), "TEE-NAV-M", { [L().warehouse]: 10 })
      const teeL = await stockOnlyAt(getContainer(), "TEE-NAV-L", { [L().bellecour]: 2 })
      // A web delivery, shipped from the warehouse and captured, as a merchant does in Medusa's admin.
      const { token } = await loginCustomer(api, 0)
      const shop = storeClient(api, seed, "Web store", token)
      const cart = await createCart(shop, seed, [{ variant_id: variants["TEE-NAV-M"], quantity: 2 }])
      const { data: options } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: options.shipping_options.find((o: { name: string }) => o.name === "Standard delivery").id })
      const { data: placed } = await completeCart(shop, cart.id)
      const order = placed.order
      await admin.post(`/admin/orders/${order.id}/fulfillments`, { location_id: L().warehouse, items: [{ id: order.items[0].id, quantity: 2 }] })
      await admin.post(`/admin/payments/${(await paymentOf(getContainer(), order.id)).payment.id}/capture`)

      const { page, errors, close } = await openCounter(PHONE)
      await page.click("#nav-returns")
      await page.fill("#ret-q", `#${order.display_id}`)
      await page.click("#ret-find button[type=submit]")
      await page.click(`#ret-orders button[data-order="${order.id}"]`)
      const line = page.locator(`[data-ret-line="${order.items[0].id}"]`)
      expect(await line.textContent()).toContain("2 can come back")
      await line.locator("[data-ret-qty]").fill("1")
      await line.locator("[data-ret-reason]").fill("Too small")
      expect(await line.locator("[data-ret-restock]").inputValue()).toBe("shelf")
      await expectFits(page)
      await shot(page, "desk-return.png")
      await page.click("#ret-confirm")
      expect(await page.textContent("#ret-summary")).toContain("Back on Lyon Bellecour's shelf · Too small")
      await page.click("#ret-do")
      await page.waitForSelector("#ret-done")

      // Medusa's refund for one T-shirt, to the original payment; the shirt is on Bellecour's shelf.
      const { data: [paid] } = await getContainer().resolve("query").graph({
        entity: "payment",
        fields: ["refunds.amount"],
        filters: { id: (await paymentOf(getContainer(), order.id)).payment.id },
      })
      const refunds = (paid.refunds ?? []).map((r: { amount: unknown }) => Number(r.amount))
      expect(refunds).toEqual([Number(order.items[0].total) / 2])
      expect(await page.textContent("#ret-refund")).toBe(`Refunded ${await money(page, refunds[0])} to the original payment.`)
      expect(await levelAt(getContainer(), tee, L().bellecour)).toEqual({ stocked: 1, reserved: 0 })
      expect(await levelAt(getContainer(), tee, L().warehouse)).toEqual({ stocked: 8, reserved: 0 })
      await expectFits(page)
      await shot(page, "desk-return-done.png")

      // The exchange: the till opens for the replacement, the shopper's email ready for their account.
      await page.click("#ret-exchange")
      await page.waitForSelector("#t-exchange")
      await addByCode(page, "TEE-NAV-L")
      await page.click("#c-member_email")
      expect(await page.inputValue("#c-mail")).toBe(order.email)
      await page.click("#p-card")
      await page.fill("#p-ref", "TPE-4418")
      // The order's email (the cart's) has no account: the desk says so, plainly, and nothing is sold.
      await page.click("#t-charge")
      await page.waitForSelector("#till-error:not([hidden])")
      expect(await page.textContent("#till-error")).toBe("No member with that email")
      expect(await levelAt(getContainer(), teeL, L().bellecour)).toEqual({ stocked: 2, reserved: 0 })
      // A walk-in then, the receipt to that email.
      await page.click("#c-walk_in")
      expect(await page.inputValue("#c-mail")).toBe(order.email)
      await expectFits(page)
      await shot(page, "desk-exchange.png")
      await submit(page, "#t-charge", "#till-error")
      const orderNo = Number((await page.textContent("#r-order"))!.match(/#(\d+)/)![1])
      const { data: found } = await lea.get(`/staff/orders?q=${orderNo}`)
      const { data: { receipt } } = await lea.get(`/staff/orders/${found.orders[0].id}/receipt`)
      const { data: [ret] } = await getContainer().resolve("query").graph({ entity: "return", fields: ["id"], filters: { order_id: order.id } })
      expect(receipt.order.metadata.exchange_of).toEqual({ order_id: order.id, return_id: ret.id })
      expect(await levelAt(getContainer(), teeL, L().bellecour)).toEqual({ stocked: 1, reserved: 0 })
      expect(errors).toEqual([])
      await close()
    })

    it("on a tablet: orders what the shelf lacks for the shopper, delivered or picked up at another store, paid here", async () => {
      const mug = await stockOnlyAt(getContainer(), "MUG-INK", { [L().bellecour]: 0, [L()["part-dieu"]]: 6, [L().warehouse]: 10 })
      const { page, errors, close } = await openCounter(TABLET)
      await page.click("#nav-till")
      await addByCode(page, "MUG-INK")
      // None here: it can't be charged, only ordered.
      expect(await page.textContent("#t-lines")).toContain("none here")
      expect(await page.isDisabled("#t-charge")).toBe(true)
      await page.click("#t-lines [data-aisle]")
      await page.waitForSelector("#a-first_name")
      await page.fill("#c-mail", "camille.d@example.com")
      for (const [field, value] of Object.entries({ first_name: "Camille", last_name: "Durand", address_1: "3 Rue Mercière", postal_code: "69002", city: "Lyon", country_code: "FR" })) {
        await page.fill(`#a-${field}`, value)
      }
      await expectFits(page)
      await shot(page, "desk-aisle.png")
      await submit(page, "#a-order", "#aisle-error")
      expect(await page.textContent("#receipt-title")).toBe("Ordered for the shopper")
      expect(await page.textContent("#r-order")).toContain("ordered for you")
      // Delivery is Medusa's figure on the receipt, not the desk's sum.
      const aisleNo = Number((await page.textContent("#r-order"))!.match(/#(\d+)/)![1])
      const { data: aisleFound } = await lea.get(`/staff/orders?q=${aisleNo}`)
      const { data: { receipt: aisle } } = await lea.get(`/staff/orders/${aisleFound.orders[0].id}/receipt`)
      expect(aisle.order.shipping_total).toBeGreaterThan(0)
      expect(await page.textContent("#r-delivery")).toBe(await money(page, aisle.order.shipping_total))
      expect(await page.textContent("#r-total")).toBe(await money(page, aisle.order.total))
      // Reserved where it ships from, not at this shop.
      expect(await levelAt(getContainer(), mug, L().warehouse)).toEqual({ stocked: 10, reserved: 1 })
      await shot(page, "desk-aisle-receipt.png")

      // Next: two picked up at Part-Dieu.
      await page.click("#r-new")
      await addByCode(page, "MUG-INK")
      await page.click("#t-lines [data-more]")
      await page.click("#t-lines [data-aisle]")
      await page.click("#a-pickup")
      expect(await page.inputValue("#a-store")).toBe(L()["part-dieu"])
      await page.fill("#c-mail", "camille.d@example.com")
      await submit(page, "#a-order", "#aisle-error")
      expect(await levelAt(getContainer(), mug, L()["part-dieu"])).toEqual({ stocked: 6, reserved: 2 })
      expect(await levelAt(getContainer(), mug, L().bellecour)).toMatchObject({ stocked: 0, reserved: 0 })
      expect(errors).toEqual([])
      await close()
    })
  },
})
