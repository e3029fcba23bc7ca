import type { Browser, Page } from "playwright-core"
import people from "../../data/customers.json"
import { ORDER_STATE_LABEL } from "../../src/types/status"
import { launchChromium, stagedScreenshots } from "../helpers/browser"
import { demoApi, payAndComplete, logInOnShop, startDemoApp, type DemoApp } from "../helpers/demo-app"

/**
 * The shopper storefront (storefront/) in headless Chromium against the demo
 * as `npm run demo` runs it: an order's status in every mode (here a delivery
 * shipped from a store at the desk, with its carrier and tracking link, on the
 * order page and in the history), and the installable app offline (member
 * card, balance, orders and pickup codes as last seen, said so with the time;
 * network actions say they need a connection).
 */
jest.setTimeout(15 * 60_000)

const BELLECOUR_POS = { latitude: 45.7579, longitude: 4.8321 }
const camille = people.customers[0]
const TRACKING_URL = "https://www.laposte.fr/outils/suivre-vos-envois?code=6A98765432101"
// The demo runs `medusa develop`: a file written in the project would restart it.
const shots = stagedScreenshots()

describe("storefront: order status in every mode, and the app offline", () => {
  let demo: DemoApp
  let browser: Browser
  let adminToken: string
  const pageErrors: string[] = []

  const api = demoApi(() => demo)
  const watch = (page: Page) => {
    // Uncaught exceptions and unhandled rejections alike.
    page.on("pageerror", (e) => pageErrors.push(e.message))
    return page
  }
  const login = (page: Page) => logInOnShop(page, camille)
  const shopperToken = async () =>
    (await api("/auth/customer/emailpass", { body: { email: camille.email, password: camille.password } })).token as string
  const staffToken = async (index: number) =>
    (await api("/auth/staff/emailpass", { body: { email: people.staff[index].email, password: people.staff[index].password } })).token as string
  const locationId = async (q: string) => (await api(`/admin/stock-locations?q=${encodeURIComponent(q)}`, { token: adminToken })).stock_locations[0].id as string
  const mugInk = async (key: string) => {
    const { products } = await api("/store/products?handle=stoneware-mug&fields=*variants", { key })
    return products[0].variants.find((v: any) => v.sku === "MUG-INK").id as string
  }

  beforeAll(async () => {
    demo = await startDemoApp()
    browser = await launchChromium()
    adminToken = (await api("/auth/user/emailpass", { body: { email: people.admin.email, password: people.admin.password } })).token
  })
  afterAll(async () => {
    await browser?.close()
    await demo?.stop()
    shots.publish()
  })

  it("delivery: shipped from a store at the desk, the shopper sees Shipped, the carrier and a tracking link (order page and history); a till sale reads bought in store", async () => {
    // The merchant lets Bellecour ship online orders, first in line (as in the fulfillment-routing test).
    const bellecour = await locationId("Bellecour")
    const warehouse = await locationId("Warehouse")
    await api("/admin/fulfillment-routing", {
      token: adminToken,
      body: { default: { rules: ["priority"], priority: [bellecour, warehouse] }, locations: [{ location_id: bellecour, ships: true }] },
    })

    // Camille bought a mug at the Bellecour till (Léa's sale for her member account)…
    const key = demo.keys["Web store"]
    const lea = await staffToken(0)
    const { order: sale } = await api("/staff/sales", {
      token: lea,
      body: { location_id: bellecour, customer: { email: camille.email }, items: [{ variant_id: await mugInk(key), quantity: 1 }] },
    })

    // …then ordered a delivery through the Store API.
    const token = await shopperToken()
    const { regions } = await api("/store/regions", { key })
    const { cart } = await api("/store/carts", {
      key,
      token,
      body: {
        region_id: regions[0].id,
        email: camille.email,
        items: [{ variant_id: await mugInk(key), quantity: 2 }],
        shipping_address: { first_name: "Camille", last_name: "Martin", address_1: "3 Rue Mercière", city: "Lyon", postal_code: "69002", country_code: "fr" },
      },
    })
    const { shipping_options } = await api(`/store/shipping-options?cart_id=${cart.id}`, { key, token })
    const standard = shipping_options.find((o: any) => o.name === "Standard delivery")
    await api(`/store/carts/${cart.id}/shipping-methods`, { key, token, body: { option_id: standard.id } })
    const order = await payAndComplete(api, cart.id, { key, token })

    // Léa (Bellecour) takes it through pick, pack and ship at the desk.
    const { shipments } = await api("/staff/shipments", { token: lea })
    const shipment = shipments.find((s: any) => s.order.id === order.id)
    expect(shipment).toMatchObject({ status: "to_ship" })
    await api(`/staff/shipments/${shipment.id}/pick`, { token: lea, body: {} })
    await api(`/staff/shipments/${shipment.id}/pack`, { token: lea, body: {} })
    const shipped = await api(`/staff/shipments/${shipment.id}/ship`, {
      token: lea,
      body: { carrier: "Colissimo", tracking_number: "6A98765432101", tracking_url: TRACKING_URL },
    })
    expect(shipped.shipment.status).toBe("shipped")

    // The order page: Shipped, the parcel from Bellecour, its carrier, number and link.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 })
    const page = watch(await context.newPage())
    await page.goto(`${demo.shop}/`)
    await login(page)
    await page.goto(`${demo.shop}/#/orders/${order.id}`)
    await page.waitForSelector("[data-testid=order-state] >> text=Shipped")
    expect(await page.textContent("[data-testid=order-state]")).toBe("Shipped")
    const parcel = page.locator("[data-testid=parcel]")
    expect(await parcel.count()).toBe(1)
    const parcelText = await parcel.textContent()
    expect(parcelText).toContain("From Lyon Bellecour")
    expect(parcelText).toContain("2 × ")
    expect(await parcel.locator(".state-chip").textContent()).toBe("Shipped")
    expect(await page.textContent("[data-testid=carrier]")).toBe("Colissimo")
    expect(await page.textContent("[data-testid=tracking-number]")).toBe("6A98765432101")
    const link = page.locator("a.track-link")
    expect(await link.textContent()).toBe("Track this parcel with Colissimo")
    expect(await link.getAttribute("href")).toBe(TRACKING_URL)
    expect(await link.getAttribute("target")).toBe("_blank")
    expect((await link.getAttribute("rel"))!.split(" ")).toContain("noopener")
    // Steps: processing and shipped done, shipped the current one.
    expect(await page.$$eval(".progress-card .steps li", (lis) => lis.map((li) => [li.textContent, li.className, li.getAttribute("aria-current")]))).toEqual([
      ["Processing", "done", null],
      ["Shipped", "done", "step"],
      ["Delivered", "", null],
    ])
    await page.screenshot({ path: shots.path("storefront-order-shipped.png"), fullPage: true })

    // The history: that row says Shipped; every row has a status, in sentence case, from the one vocabulary.
    await page.click("nav >> text=Account")
    const row = page.locator(`.history li[data-order="${order.display_id}"]`)
    await row.waitFor()
    expect(await row.locator("[data-testid=order-state]").textContent()).toBe("Shipped")
    expect(await row.textContent()).toContain("Delivery")
    const till = page.locator(`.history li[data-order="${sale.display_id}"]`)
    expect(await till.locator("[data-testid=order-state]").textContent()).toBe("Bought in store")
    expect(await till.textContent()).toContain("In store")
    expect(await till.textContent()).toContain("Lyon Bellecour")
    const rows = await page.$$eval(".history li", (lis) =>
      lis.map((li) => ({ state: li.querySelector("[data-testid=order-state]")?.textContent ?? "" }))
    )
    expect(rows.length).toBeGreaterThan(1)
    const labels = Object.values(ORDER_STATE_LABEL)
    for (const r of rows) {
      expect(labels).toContain(r.state)
      expect(r.state).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/)
    }
    await page.screenshot({ path: shots.path("storefront-account-status.png"), fullPage: true })

    // The till sale's page: where and when it was bought.
    await till.locator("a").click()
    await page.waitForSelector("[data-testid=order-state] >> text=Bought in store")
    expect(await page.textContent("[data-testid=order-progress]")).toMatch(/Bought at Lyon Bellecour on \d{1,2} \w{3} \d{4}\./)
    expect(await page.locator("[data-testid=parcel]").count()).toBe(0)
    expect(await page.textContent(".order")).not.toContain("Delivery to")

    // The merchant refunds €5 of it (Medusa's payment refund): partly refunded, with the amount as the API gives it.
    const { order: paid } = await api(`/admin/orders/${sale.id}?fields=id,*payment_collections.payments`, { token: adminToken })
    await api(`/admin/payments/${paid.payment_collections[0].payments[0].id}/refund`, { token: adminToken, body: { amount: 5 } })
    await page.reload()
    await page.waitForSelector("[data-testid=order-state] >> text=Partly refunded")
    expect(await page.textContent("[data-testid=refund]")).toBe("Partly refunded: €5.00 back to your payment method.")
    expect(await page.textContent("[data-testid=order-progress]")).toContain("Bought at Lyon Bellecour on ")
    await page.screenshot({ path: shots.path("storefront-order-refunded.png"), fullPage: true })
    await context.close()

    // The same order on a phone (360 px): nothing wider than the screen.
    const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
    const small = watch(await phone.newPage())
    await small.goto(`${demo.shop}/app/`)
    await login(small)
    await small.goto(`${demo.shop}/app/#/orders/${order.id}`)
    await small.waitForSelector("a.track-link")
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    // The parcel stays inside its card (long tracking numbers wrap).
    const [parcelRight, cardRight] = await small.evaluate(() =>
      [".parcel", ".progress-card"].map((s) => document.querySelector(s)!.getBoundingClientRect().right)
    )
    expect(parcelRight).toBeLessThanOrEqual(cardRight)
    await small.screenshot({ path: shots.path("storefront-app-order-shipped.png"), fullPage: true })
    await phone.close()
    expect(pageErrors).toEqual([])
  })

  it("app offline: the member card, balance, orders and pickup code as last seen, said so with the time; actions need a connection", async () => {
    // A pickup at Lyon Confluence (curbside) made ready at the desk: a code to show, and "I'm here".
    const key = demo.keys["Mobile app"]
    const token = await shopperToken()
    const { regions } = await api("/store/regions", { key })
    const { stores } = await api("/store/pickup-stores?q=Confluence", { key })
    const { cart } = await api("/store/carts", {
      key,
      token,
      body: { region_id: regions[0].id, email: camille.email, items: [{ variant_id: await mugInk(key), quantity: 1 }] },
    })
    await api(`/store/carts/${cart.id}/pickup`, { key, token, body: { location_id: stores[0].id } })
    const order = await payAndComplete(api, cart.id, { key, token })
    const { pickups } = await api("/store/customers/me/pickups", { key, token })
    const pickup = pickups.find((p: any) => p.order.id === order.id)
    const tom = await staffToken(2)
    await api(`/staff/pickups/${pickup.id}/ready`, { token: tom, body: {} })

    const phone = await browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      geolocation: BELLECOUR_POS,
      permissions: ["geolocation"],
    })
    const page = watch(await phone.newPage())
    await page.goto(`${demo.shop}/app/`)
    await page.waitForSelector(".product-card")
    // The shell is kept once the service worker is installed.
    await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
    await login(page)

    // Online: the card, the balance, the orders and the code to collect.
    await page.waitForSelector("[data-testid=member-code]")
    await page.waitForSelector(".history li")
    const memberCode = (await page.textContent("[data-testid=member-code]"))!.trim()
    const balance = await page.textContent("[data-testid=points-balance]")
    const firstRows = await page.$$eval(".history li", (lis) => lis.slice(0, 3).map((li) => li.getAttribute("data-order")))
    const open = page.locator(`[data-testid=open-pickup]:has-text("#${order.display_id}")`)
    expect(await open.locator("[data-testid=open-pickup-code]").textContent()).toBe(pickup.code)
    expect(await page.locator("[data-testid=offline-note]").count()).toBe(0)
    // The order page seen once online (its copy is kept too).
    await open.locator("a").click()
    await page.waitForSelector("[data-testid=pickup-status] >> text=Ready for pickup")
    const seenAt = Date.now()

    // Offline: reload the app, as a shopper opening it in the car park.
    await phone.setOffline(true)
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
    await page.goto(`${demo.shop}/app/#/account`)
    await page.reload()
    await page.waitForSelector("text=Hello Camille")
    const note = page.locator("[data-testid=offline-note]")
    await note.waitFor()
    expect(await note.textContent()).toMatch(/^Offline — as of \d{1,2} \w{3} \d{4}, \d\d:\d\d$/)
    // "As of" is when the data was fetched (before going offline), to the minute.
    const asOf = new Date((await note.textContent())!.replace("Offline — as of ", "").replace(",", ""))
    expect(Math.abs(asOf.getTime() - seenAt)).toBeLessThan(3 * 60_000)
    expect((await page.textContent("[data-testid=member-code]"))!.trim()).toBe(memberCode)
    expect(await page.locator('img[alt^="Member code"]').count()).toBe(1)
    expect(await page.textContent("[data-testid=points-balance]")).toBe(balance)
    expect(await page.$$eval(".history li", (lis) => lis.slice(0, 3).map((li) => li.getAttribute("data-order")))).toEqual(firstRows)
    expect(await open.locator("[data-testid=open-pickup-code]").textContent()).toBe(pickup.code)
    expect(await open.locator("img").count()).toBe(1)
    expect(await page.locator("text=Loading…").count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.screenshot({ path: shots.path("storefront-app-offline-account.png"), fullPage: true })

    // The order page offline: the code and its QR as last seen; "I'm here" needs the network.
    await open.locator("a").click()
    await page.waitForSelector("[data-testid=pickup-code]")
    expect((await page.textContent("[data-testid=pickup-code]"))!.trim()).toBe(pickup.code)
    expect(await page.locator('img[alt="Pickup code as a QR code"]').count()).toBe(1)
    await page.locator("[data-testid=offline-note]").waitFor()
    await page.getByRole("button", { name: "I'm here" }).click()
    await page.waitForSelector("text=You're offline: this needs a connection.")
    await page.screenshot({ path: shots.path("storefront-app-offline-order.png"), fullPage: true })

    // Logging in needs the network too (a shopper who logged out offline).
    await page.click("nav >> text=Account")
    await page.click("text=Log out")
    await page.getByLabel("Email").fill(camille.email)
    await page.getByLabel("Password").fill(camille.password)
    await page.getByRole("button", { name: "Log in", exact: true }).click()
    await page.waitForSelector("text=You're offline: this needs a connection.")
    // Logged out: nothing of hers is kept on the device.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("lumiere_seen")))).toEqual([])

    // Back online: logging in works again.
    await phone.setOffline(false)
    await page.getByRole("button", { name: "Log in", exact: true }).click()
    await page.waitForSelector("text=Hello Camille")
    await page.waitForSelector("[data-testid=member-code]")
    expect(await page.locator("[data-testid=offline-note]").count()).toBe(0)
    await phone.close()
    expect(pageErrors).toEqual([])
  })
})
