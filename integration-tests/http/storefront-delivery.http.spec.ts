import type { Browser, Page } from "playwright-core"
import people from "../../data/customers.json"
import { launchChromium, stagedScreenshots } from "../helpers/browser"
import { demoApi, startDemoApp, type DemoApp } from "../helpers/demo-app"

/**
 * The web shop's delivery checkout in headless Chromium against the demo (as
 * `npm run demo` runs it): the delivery option is on the cart as soon as it is
 * chosen, so the summary shows Medusa's total with shipping; that total is the
 * cart's and the placed order's. A total that moved before placing (the cart
 * changed elsewhere) is shown and not placed. Also: the phone's store search,
 * sizes in the merchant's order, the store order named as it is, another
 * store's own first day and no past slot read as full.
 */
jest.setTimeout(15 * 60_000)

// The demo runs `medusa develop`: a file written in the project would restart it.
const shots = stagedScreenshots()
const eur = (n: number) => new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(n)

describe("storefront: delivery checkout in Chromium", () => {
  let demo: DemoApp
  let browser: Browser
  let adminToken: string
  let key: string
  const pageErrors: string[] = []
  // Store API answers 404 to the page: none expected (a pickup removed that was never chosen was one).
  const notFound: string[] = []

  const api = demoApi(() => demo)
  const watch = (page: Page) => {
    page.on("pageerror", (e) => pageErrors.push(e.message))
    page.on("response", (r) => {
      const path = new URL(r.url()).pathname
      if (r.status() === 404 && path.startsWith("/store/")) notFound.push(`${r.request().method()} ${path}`)
    })
    return page
  }
  const cartOf = async (page: Page) => {
    const id = await page.evaluate(() => JSON.parse(localStorage.getItem("lumiere_cart_web") ?? "null") as string | null)
    const { cart } = await api(`/store/carts/${id}?fields=id,total,shipping_total,completed_at,*items,*shipping_methods`, { key })
    return cart
  }
  const summaryTotal = async (page: Page) => (await page.textContent(".summary [data-testid=cart-total]"))!.trim()

  /** A guest on the web shop: the product in the cart, then Checkout → Delivery to a Lyon address, options shown. */
  const toDeliveryOptions = async (page: Page, product: string, who: { first: string; last: string; email: string }) => {
    await page.goto(`${demo.shop}/`)
    await page.click(`.product-card >> text=${product}`)
    await page.click("text=Add to cart")
    await page.waitForSelector("text=View cart")
    await page.click("text=View cart")
    await page.click("text=Checkout")
    await page.getByLabel("First name").fill(who.first)
    await page.getByLabel("Last name").fill(who.last)
    await page.getByLabel("Email").fill(who.email)
    await page.click(".segmented >> text=Delivery")
    await page.getByLabel("Address").fill("12 Rue de la République")
    await page.getByLabel("Postcode").fill("69002")
    await page.getByLabel("City").fill("Lyon")
    await page.click("text=Show delivery options")
    await page.waitForSelector('[data-option="Standard delivery"]')
  }
  /** Standard delivery ticked: the summary shows its shipping line (read from the cart Medusa answered). */
  const chooseStandard = async (page: Page) => {
    await page.click('[data-option="Standard delivery"]')
    await page.waitForFunction(() => document.querySelector(".summary [data-testid=shipping-total]")?.textContent !== "—")
    await page.waitForSelector(".summary button.primary:has-text('Place order'):not([disabled])")
  }

  beforeAll(async () => {
    demo = await startDemoApp()
    browser = await launchChromium()
    key = demo.keys["Web store"]
    adminToken = (await api("/auth/user/emailpass", { body: { email: people.admin.email, password: people.admin.password } })).token
  })
  afterAll(async () => {
    await browser?.close()
    await demo?.stop()
    shots.publish()
  })

  it("the summary shows shipping as soon as a delivery option is chosen, and its total is the cart's and the order's", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = watch(await context.newPage())
    await toDeliveryOptions(page, "Running Socks", { first: "Léa", last: "Roux", email: "lea.roux@example.com" })

    // Medusa's price for the option, said with or without VAT.
    const option = (await page.textContent('[data-option="Standard delivery"]'))!
    expect(option).toMatch(/^Standard delivery · €5\.90( excl\. VAT)?$/)
    expect(await page.textContent(".summary [data-testid=shipping-total]")).toBe("—")

    await chooseStandard(page)
    const shown = await summaryTotal(page)
    const shipping = (await page.textContent(".summary [data-testid=shipping-total]"))!
    expect(shipping).toMatch(/^€\d+\.\d\d$/)
    // The summary is the cart as Medusa has it: the method on it, the same total.
    const cart = await cartOf(page)
    expect(cart.shipping_methods.map((m: { name: string }) => m.name)).toEqual(["Standard delivery"])
    expect(eur(cart.total)).toBe(shown)
    expect(Number(cart.shipping_total)).toBeGreaterThan(0)
    // The lines as shown add up to the total shown (to the cent: each is rounded for display).
    const lines: Record<string, number> = Object.fromEntries(
      await page.$$eval(".summary .totals dt", (dts) =>
        dts.map((dt) => [dt.textContent ?? "", Number((dt.nextElementSibling?.textContent ?? "").replace(/[^\d.]/g, ""))])
      )
    )
    const items = lines["Items"] ?? lines["Items (excl. VAT)"]
    const sum = items + lines["Shipping"] + (lines["VAT"] ?? 0) - (lines["Discount"] ?? 0) - (lines["Paid with points"] ?? 0)
    expect(Math.abs(sum - lines["Total"])).toBeLessThanOrEqual(0.011)
    expect(eur(lines["Shipping"])).toBe(shipping)
    await page.locator(".summary").screenshot({ path: shots.path("storefront-delivery-summary.png") })
    await page.screenshot({ path: shots.path("storefront-delivery-checkout.png"), fullPage: true })

    await page.click("text=Place order")
    await page.waitForSelector("text=Delivery to 12 Rue de la République", { timeout: 60_000 })
    const orderId = page.url().split("/orders/")[1]
    const { order } = await api(`/admin/orders/${orderId}?fields=id,total,shipping_total,*shipping_methods`, { token: adminToken })
    expect(order.total).toBe(cart.total)
    expect(eur(order.total)).toBe(shown)
    expect(order.shipping_methods.map((m: { name: string }) => m.name)).toEqual(["Standard delivery"])
    expect(await page.textContent(".order [data-testid=cart-total]")).toBe(shown)
    await page.screenshot({ path: shots.path("storefront-delivery-order.png"), fullPage: true })
    // No pickup was chosen: none was removed (DELETE /store/carts/:id/pickup answered 404 on every delivery).
    expect(notFound).toEqual([])
    await context.close()
    expect(pageErrors).toEqual([])
  })

  it("an address changed after choosing reads the options again; a total changed before placing is shown, not placed", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = watch(await context.newPage())
    await toDeliveryOptions(page, "Stoneware Mug", { first: "Hugo", last: "Blanc", email: "hugo.blanc@example.com" })
    await chooseStandard(page)

    // Another address typed after choosing: the options are stale until read again for it.
    await page.getByLabel("Postcode").fill("69003")
    await page.waitForSelector("text=The address changed: show the delivery options again")
    await page.click("text=Place order")
    const deliveryError = page.locator(".delivery .field-error")
    await deliveryError.waitFor()
    expect(await deliveryError.textContent()).toBe("The address changed: check the delivery option and the total, then place the order again.")
    expect(await page.textContent("[data-testid=delivery-note]")).toBe("Standard delivery still delivers to this address: the summary shows its price for it.")
    expect((await cartOf(page)).completed_at).toBeNull()
    const cart = await cartOf(page)
    expect(cart.shipping_methods.map((m: { name: string }) => m.name)).toEqual(["Standard delivery"])
    expect(eur(cart.total)).toBe(await summaryTotal(page))

    // The cart changes elsewhere (another tab: two mugs now) between the summary and "Place order".
    const shown = await summaryTotal(page)
    const { cart: changed } = await api(`/store/carts/${cart.id}/line-items/${cart.items[0].id}`, { key, body: { quantity: 2 } })
    expect(eur(changed.total)).not.toBe(shown)
    await page.click("text=Place order")
    const placeError = page.locator(".summary .field-error")
    await placeError.waitFor()
    expect(await placeError.textContent()).toBe(`The total changed from ${shown} to ${eur(changed.total)}: please check and place the order again.`)
    expect(await summaryTotal(page)).toBe(eur(changed.total))
    expect(await page.textContent(".summary-lines")).toContain("2 × Stoneware Mug")
    expect((await cartOf(page)).completed_at).toBeNull()
    await page.screenshot({ path: shots.path("storefront-delivery-total-changed.png"), fullPage: true })

    // Seen now: placed at that total.
    await page.click("text=Place order")
    await page.waitForSelector("text=Delivery to 12 Rue de la République", { timeout: 60_000 })
    const { order } = await api(`/admin/orders/${page.url().split("/orders/")[1]}?fields=id,total`, { token: adminToken })
    expect(eur(order.total)).toBe(eur(changed.total))
    expect(notFound).toEqual([])
    await context.close()
    expect(pageErrors).toEqual([])
  })

  it("phone: the store search field fits its hint, sizes in the merchant's order, stores by name, another store's own first day, no past slot", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
    const page = watch(await context.newPage())
    await page.goto(`${demo.shop}/app/#/stores`)
    const input = page.getByLabel("City or postcode")
    await input.waitFor()
    const [field, form] = [await input.boundingBox(), await page.locator("form.search").boundingBox()]
    expect(field!.width).toBeGreaterThanOrEqual(form!.width - 1)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.screenshot({ path: shots.path("storefront-app-stores-search.png") })

    // Sizes as the merchant listed them (data/products.json), not as the API or the alphabet has them.
    await page.goto(`${demo.shop}/app/#/products/organic-cotton-tee`)
    await page.waitForSelector(".options")
    const values = await page.$$eval(".options", (sets) => sets.map((s) => [...s.querySelectorAll("label")].map((l) => l.textContent)))
    expect(values).toEqual([
      ["S", "M", "L", "XL"],
      ["Navy", "Ecru"],
    ])
    // The same page for another product (a hash change): wait for its own title.
    await page.goto(`${demo.shop}/app/#/products/packable-rain-jacket`)
    await page.waitForSelector("h1:has-text('Packable Rain Jacket')")
    expect(await page.$$eval(".options label", (ls) => ls.map((l) => l.textContent))).toEqual(["S", "M", "L", "XL"])

    // Checkout without a position or a store of mine: stores by name, said so.
    await page.goto(`${demo.shop}/app/#/products/stoneware-mug`)
    await page.waitForSelector("h1:has-text('Stoneware Mug')")
    // Ink: in stock at both Bellecour and Part-Dieu.
    await page.getByLabel("Ink", { exact: true }).check({ force: true })
    await page.click("text=Add to cart")
    await page.waitForSelector("text=View cart")
    await page.click("text=View cart")
    await page.click("text=Checkout")
    const hint = page.locator(".checkout .hint").first()
    await hint.waitFor()
    expect(await hint.textContent()).toBe(
      "Stores by name, with what each has of your cart right now. Share your location or search a postcode to see the nearest first."
    )

    // A later day at Bellecour, then Part-Dieu: Part-Dieu's own first day, no slot chosen.
    const firstDay = async (store: string) => {
      const { stores } = await api(`/store/pickup-stores?q=${encodeURIComponent(store)}`, { key })
      const s = stores[0]
      const date = new Intl.DateTimeFormat("en-CA", { timeZone: s.timezone, dateStyle: "short" }).format(new Date(s.next_pickup_at ?? Date.now()))
      const label = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`))
      return { id: s.id as string, date, label }
    }
    await page.locator('.store-choice[data-store="Lyon Bellecour"] input').check()
    await page.waitForSelector(".days button")
    await page.locator(".days button").nth(3).click()
    await page.waitForSelector(".days button:nth-child(4)[aria-pressed=true]")
    await page.locator('.store-choice[data-store="Lyon Part-Dieu"] input').check()
    await page.waitForSelector("h3:has-text('Pickup time at Lyon Part-Dieu')")
    const partDieu = await firstDay("Part-Dieu")
    expect(await page.textContent(".days button[aria-pressed=true]")).toBe(partDieu.label)
    expect(await page.locator(".slot-grid label.chip-on").count()).toBe(0)

    // That day's times: the ones still possible, and full ones read full; none whose time has passed.
    await page.waitForSelector('.slot-grid label, p:has-text("No pickup that day")')
    const { slots } = await api(`/store/pickup-stores/${partDieu.id}/slots?date=${partDieu.date}`, { key })
    const time = (iso: string) => new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(new Date(iso))
    const now = Date.now()
    const expected = slots
      .filter((sl: { available: boolean; remaining: number; start: string }) => sl.available || (sl.remaining === 0 && new Date(sl.start).getTime() > now))
      .map((sl: { start: string }) => time(sl.start))
    const shown = await page.$$eval(".slot-grid label", (ls) => ls.map((l) => l.textContent!.replace(" (full)", "")))
    expect(shown).toEqual(expected)
    const past = slots.filter((sl: { start: string }) => new Date(sl.start).getTime() <= now).map((sl: { start: string }) => time(sl.start))
    expect(shown.filter((t: string) => past.includes(t))).toEqual([])
    await page.screenshot({ path: shots.path("storefront-app-checkout-slots.png"), fullPage: true })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await context.close()
    expect(pageErrors).toEqual([])
  })
})
