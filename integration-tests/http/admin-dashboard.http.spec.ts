/**
 * The admin extensions in real headless Chromium, against the demo app
 * (`npm run demo` on a fresh database: seed, `medusa develop` with the
 * dashboard), logged in as the seeded admin.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import type { Browser, Page } from "playwright-core"
import people from "../../data/customers.json"
import { launchChromium } from "../helpers/browser"
import { startDemoApp, type DemoApp } from "../helpers/demo-app"

jest.setTimeout(600000)

// Written outside the project while `medusa develop` watches it; copied to
// SCREENSHOT_DIR (docs/screenshots to refresh the committed ones) at the end.
const shots = fs.mkdtempSync(path.join(os.tmpdir(), "omnichannel-admin-shots-"))
const shot = (name: string) => path.join(shots, name)

describe("admin dashboard extensions", () => {
  let app: DemoApp
  let browser: Browser
  let page: Page
  let adminToken: string
  // Radix (under @medusajs/ui's Drawer) warns of a dialog without a Description.
  const descriptionWarnings: string[] = []
  const api = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(`${app.base}${url}`, {
      ...init,
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}`, ...(init.headers ?? {}) },
    })
    return { status: res.status, data: await res.json() }
  }
  /** Medusa's Store API with a channel's publishable key, as a storefront calls it. */
  const storeApi = (key: string) => async (url: string, body?: any) => {
    const res = await fetch(`${app.base}${url}`, {
      method: body ? "POST" : "GET",
      headers: { "content-type": "application/json", "x-publishable-api-key": key },
      body: body ? JSON.stringify(body) : undefined,
    })
    return res.json()
  }
  const locationId = async (name: string) =>
    (await api("/admin/pickup-stores?limit=50")).data.stores.find((s: any) => s.name === name).location_id as string

  beforeAll(async () => {
    app = await startDemoApp()
    const login = await fetch(`${app.base}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: people.admin.email, password: people.admin.password }),
    })
    adminToken = (await login.json()).token
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    page.setDefaultTimeout(120_000)
    page.on("console", (m) => {
      if ((m.type() === "warning" || m.type() === "error") && m.text().includes("Description")) descriptionWarnings.push(m.text())
    })
    await page.goto(`${app.base}/app/login`)
    await page.fill("input[name=email]", people.admin.email)
    await page.fill("input[name=password]", people.admin.password)
    await page.click("button[type=submit]")
    await page.waitForURL(/\/app\/orders/)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    if (process.env.SCREENSHOT_DIR) {
      fs.mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true })
      for (const f of fs.readdirSync(shots)) fs.copyFileSync(path.join(shots, f), path.join(process.env.SCREENSHOT_DIR, f))
    }
  })

  // A store's pickup summary on its location page; the settings form opens in a drawer.
  const openStore = async (name: string) => {
    await page.goto(`${app.base}/app/settings/locations/${await locationId(name)}`)
    await page.getByTestId("edit-pickup-settings").waitFor()
  }
  const openSettings = async () => {
    await page.getByTestId("edit-pickup-settings").click()
    await page.getByTestId("save-pickup-settings").waitFor()
  }
  const drawerClosed = () => page.waitForSelector("[role=dialog]", { state: "detached" })

  it("shows one Pickup card on a store's page, with the plugin's settings beside it near the top", async () => {
    await openStore("Lyon Bellecour")
    // Medusa's own card (the pickup fulfillment set) is the one "Pickup"; the plugin's is "Pickup settings".
    await page.getByRole("heading", { name: "Pickup", exact: true }).first().waitFor()
    expect(await page.getByRole("heading", { name: "Pickup", exact: true }).count()).toBe(1)
    expect(await page.getByTestId("pickup-settings").count()).toBe(1)
    expect(await page.getByTestId("pickup-settings").getByRole("heading").first().textContent()).toBe("Pickup settings")
    // In the first screenful, above the JSON section (widgets in the main column come after it).
    const card = (await page.getByTestId("pickup-settings").boundingBox())!
    const json = (await page.getByRole("heading", { name: "JSON", exact: true }).boundingBox())!
    expect(card.y).toBeLessThan(json.y)
    expect(card.y).toBeLessThan(1000)
    await page.screenshot({ path: shot("admin-location-pickup.png") })
  })

  it("changes a store's hours in the drawer, saves, and finds them in the summary and the form after a reload", async () => {
    await openStore("Lyon Vaise")
    await page.getByTestId("pickup-settings").screenshot({ path: shot("admin-pickup-summary.png") })
    await openSettings()
    expect(descriptionWarnings).toEqual([])
    // Vaise: Monday's last range closes later, Sunday (closed) gets hours,
    // and Monday is copied to the other weekdays.
    await page.getByLabel("Monday closes").last().fill("20:30")
    await page.getByLabel("Add Sunday range").click()
    await page.getByTestId("copy-monday").click()
    await page.getByTestId("pickup-settings-drawer").screenshot({ path: shot("admin-pickup-settings.png") })
    await page.click("[data-testid=save-pickup-settings]")
    await page.getByText("Pickup settings saved").first().waitFor()
    await drawerClosed()
    await page.reload()
    await page.getByTestId("pickup-hours-summary").getByText("20:30").first().waitFor()
    expect(await page.getByTestId("pickup-hours-summary").textContent()).toContain("Sun 09:00–18:00")
    await openSettings()
    expect(await page.getByLabel("Monday closes").last().inputValue()).toBe("20:30")
    expect(await page.getByLabel("Friday closes").last().inputValue()).toBe("20:30")
    expect(await page.getByLabel("Sunday opens").count()).toBe(1)
    await page.keyboard.press("Escape")
    await drawerClosed()
    const { data } = await api(`/admin/pickup-stores/${await locationId("Lyon Vaise")}`)
    expect(data.store.hours.mon.at(-1)[1]).toBe("20:30")
    expect(data.store.hours.fri).toEqual(data.store.hours.mon)
    expect(data.store.hours.sun).toEqual([["09:00", "18:00"]])
  })

  it("puts the form's own errors and the API's (by field path) under their fields, and saves nothing", async () => {
    const id = await locationId("Lyon Vaise")
    const before = (await api(`/admin/pickup-stores/${id}`)).data.store
    await openStore("Lyon Vaise")
    await openSettings()
    // Checked in the browser: no request is sent.
    await page.fill("#pickup-latitude", "123")
    await page.click("[data-testid=save-pickup-settings]")
    await page.getByTestId("error-latitude").waitFor()
    expect(await page.getByTestId("error-latitude").textContent()).toContain("-90 to 90")
    await page.fill("#pickup-latitude", String(before.latitude))
    // Checked only by the API: an unknown time zone, and Tuesday's ranges
    // overlapping. Its 400 names each field's path; each message lands there.
    await page.fill("#pickup-timezone", "Europe/Lyon")
    await page.getByLabel("Add Tuesday range").click()
    await page.getByLabel("Tuesday opens").last().fill("10:00")
    await page.getByLabel("Tuesday closes").last().fill("11:00")
    const responses: number[] = []
    page.on("response", (r) => r.url().includes(`/admin/pickup-stores/${id}`) && r.request().method() === "POST" && responses.push(r.status()))
    await page.click("[data-testid=save-pickup-settings]")
    await page.getByTestId("error-timezone").waitFor()
    expect(await page.getByTestId("error-timezone").textContent()).toContain("IANA time zone")
    expect(await page.getByTestId("error-hours-tue").textContent()).toContain("must not overlap")
    expect(await page.getByTestId("error-latitude").count()).toBe(0)
    expect(responses).toEqual([400])
    await page.getByTestId("pickup-settings-drawer").screenshot({ path: shot("admin-pickup-settings-errors.png") })
    await page.keyboard.press("Escape")
    await drawerClosed()
    expect((await api(`/admin/pickup-stores/${id}`)).data.store).toEqual(before)
  })

  it("turns pickup on for a store, which the Store API then offers", async () => {
    const web = app.keys["Web store"]
    const offered = async () =>
      (await (await fetch(`${app.base}/store/pickup-stores?limit=50`, { headers: { "x-publishable-api-key": web } })).json()).stores.map(
        (s: any) => s.name
      )
    expect(await offered()).not.toContain("Lyon Guillotière")
    await openStore("Lyon Guillotière")
    expect(await page.getByTestId("pickup-status").textContent()).toBe("Pickup off")
    await openSettings()
    await page.click("#pickup-enabled")
    await page.click("[data-testid=save-pickup-settings]")
    await page.getByText("Pickup settings saved").first().waitFor()
    await drawerClosed()
    expect(await page.getByTestId("pickup-status").textContent()).toBe("Pickup on")
    expect(await offered()).toContain("Lyon Guillotière")
  })

  it("creates a staff member who works at a store, and deactivates them", async () => {
    await page.goto(`${app.base}/app/pickup-staff`)
    await page.getByTestId("create-staff").click()
    await page.fill("#staff-first-name", "Inès")
    await page.fill("#staff-last-name", "Faure")
    await page.fill("#staff-email", "ines.faure@example.com")
    await page.fill("#staff-password", "desk-password-2")
    const vaise = await locationId("Lyon Vaise")
    await page.click(`#store-${vaise}`)
    // The form's own check first; then the API's 409 for a taken login, shown in the form.
    await page.fill("#staff-password", "short")
    await page.getByTestId("save-staff").click()
    expect(await page.getByTestId("error-password").textContent()).toContain("8 characters")
    await page.fill("#staff-password", "desk-password-2")
    await page.fill("#staff-email", people.staff[0].email)
    await page.getByTestId("save-staff").click()
    await page.getByTestId("staff-error").waitFor()
    expect(await page.getByTestId("staff-error").textContent()).toContain("already")
    await page.fill("#staff-email", "ines.faure@example.com")
    await page.screenshot({ path: shot("admin-staff-create.png") })
    await page.getByTestId("save-staff").click()
    const row = page.getByTestId("staff-row-ines.faure@example.com")
    await row.waitFor()
    await page.waitForSelector("[role=dialog]", { state: "detached" })
    expect(await row.textContent()).toContain("Lyon Vaise")
    await page.screenshot({ path: shot("admin-staff.png") })
    const { data } = await api("/admin/pickup-staff?q=faure")
    expect(data.staff).toEqual([expect.objectContaining({ location_ids: [vaise], is_active: true })])
    // The new member can log in to the desk.
    const login = await fetch(`${app.base}/auth/staff/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "ines.faure@example.com", password: "desk-password-2" }),
    })
    expect(login.status).toBe(200)

    await row.getByText("Deactivate").click()
    await row.getByText("Deactivated").waitFor()
    expect((await api("/admin/pickup-staff?q=faure")).data.staff[0].is_active).toBe(false)
  })

  it("adjusts a customer's points on their page and shows the ledger entry", async () => {
    const { data } = await api(`/admin/customers?q=camille.martin`)
    const customer = data.customers[0]
    await page.goto(`${app.base}/app/customers/${customer.id}`)
    await page.getByTestId("customer-loyalty").waitFor()
    await page.getByTestId("open-adjust-points").click()
    await page.fill("#adjust-points", "0")
    await page.getByTestId("adjust-points").click()
    expect(await page.getByTestId("error-points").textContent()).toContain("Not 0")
    expect(await page.getByTestId("error-reason").textContent()).toContain("Say why")
    await page.fill("#adjust-points", "150")
    await page.fill("#adjust-reason", "Birthday gift")
    await page.getByTestId("adjust-points").click()
    await page.waitForSelector("[role=dialog]", { state: "detached" })
    await page.getByTestId("loyalty-ledger").getByText("Birthday gift").waitFor()
    expect(await page.getByTestId("loyalty-available").textContent()).toBe("150")
    await page.getByTestId("customer-loyalty").screenshot({ path: shot("admin-customer-loyalty.png") })
    const { data: loyalty } = await api(`/admin/customers/${customer.id}/loyalty`)
    // The shop's words (storefront Account page): "Tier: Gold", or "Tier: Member" before the first tier.
    expect(await page.getByTestId("loyalty-tier").textContent()).toBe(`Tier: ${loyalty.loyalty.tier ?? "Member"}`)
    expect(loyalty.loyalty.entries[0]).toEqual(expect.objectContaining({ type: "adjust", points: 150, metadata: expect.objectContaining({ reason: "Birthday gift" }) }))
  })

  it("edits the loyalty program", async () => {
    await page.goto(`${app.base}/app/loyalty`)
    await page.getByTestId("edit-program").click()
    await page.getByTestId("save-program").waitFor()
    await page.fill("#program-min_redeem_points", "200")
    // The share of an order payable in points: stored as a fraction, entered as a percentage.
    const share = (await api("/admin/loyalty/program")).data.program.max_redeem_share
    expect(Number(await page.inputValue("#program-max_redeem_percent"))).toBeCloseTo(share * 100, 2)
    await page.fill("#program-max_redeem_percent", "150")
    await page.getByTestId("save-program").click()
    expect(await page.getByTestId("error-max_redeem_percent").textContent()).toBe("From 0 % to 100 %")
    await page.fill("#program-max_redeem_percent", "40")
    // Two tiers with one name: only the API checks that; its error lands under the tiers.
    const tiers = await page.getByLabel("Tier name").count()
    expect(tiers).toBeGreaterThan(0)
    const firstTier = await page.getByLabel("Tier name").first().inputValue()
    await page.getByText("Add tier").click()
    await page.getByLabel("Tier name").last().fill(firstTier)
    await page.getByTestId("save-program").click()
    await page.getByTestId("error-tiers").waitFor()
    expect(await page.getByTestId("error-tiers").textContent()).toContain("unique")
    expect((await api("/admin/loyalty/program")).data.program.min_redeem_points).not.toBe(200)
    await page.getByLabel("Remove tier").last().click()
    await page.getByTestId("save-program").click()
    await page.getByText("Loyalty program saved").first().waitFor()
    await page.waitForSelector("[role=dialog]", { state: "detached" })
    await page.getByText("From 200 points, up to 40 % of an order").waitFor()
    await page.screenshot({ path: shot("admin-loyalty-program.png"), fullPage: true })
    expect((await api("/admin/loyalty/program")).data.program.min_redeem_points).toBe(200)
    expect((await api("/admin/loyalty/program")).data.program.max_redeem_share).toBeCloseTo(0.4, 5)
    await page.getByTestId("edit-program").click()
    expect(await page.inputValue("#program-max_redeem_percent")).toBe("40")
    await page.keyboard.press("Escape")
    await drawerClosed()
  })

  it("lists the segments with their members, and creates one, a bad parameter refused under its field", async () => {
    await page.goto(`${app.base}/app/segments`)
    const row = page.getByTestId("segment-account-holders")
    await row.waitFor()
    await row.click()
    const members = page.getByTestId("segment-members")
    // The demo's year of history: the seeded customers and the history's members, first page shown.
    const holders = (await api("/admin/segments")).data.segments.find((s: any) => s.handle === "account-holders")
    expect(holders.member_count).toBeGreaterThan(100)
    await members.getByText(`${holders.member_count} members`).waitFor()
    const firstPage = (await api(`/admin/segments/${holders.id}/members?limit=5`)).data.members
    await members.getByText(firstPage[0].email).waitFor()
    // Seen where the merchant clicked, without scrolling past the list of segments.
    const first = (await members.getByText(firstPage[0].email).boundingBox())!
    expect(first.y).toBeGreaterThanOrEqual(0)
    expect(first.y + first.height).toBeLessThanOrEqual(1000)
    await page.keyboard.press("Escape")
    await drawerClosed()

    await page.getByTestId("segment-create").click()
    await page.getByTestId("segment-drawer").waitFor()
    await page.getByTestId("segment-name").fill("Lapsed a week")
    await page.getByTestId("segment-rule").click()
    await page.getByRole("option", { name: "Lapsed" }).click()
    await page.getByTestId("param-days").fill("0")
    await page.getByTestId("segment-save").click()
    await page.getByTestId("error-days").waitFor()
    expect(await page.getByTestId("error-days").textContent()).toContain("at least 1")
    await page.getByTestId("segment-drawer").screenshot({ path: shot("admin-segment-create-error.png") })
    await page.getByTestId("param-days").fill("7")
    await page.getByTestId("segment-save").click()
    await page.getByText("Segment Lapsed a week created").first().waitFor()
    await page.waitForSelector("[role=dialog]", { state: "detached" })
    await page.getByTestId("segment-lapsed-a-week").waitFor()
    const { data } = await api("/admin/segments")
    const created = data.segments.find((s: any) => s.handle === "lapsed-a-week")
    expect(created).toEqual(expect.objectContaining({ rule: "lapsed", params: { days: 7 }, customer_group_id: expect.any(String) }))
    await row.click()
    await members.getByText(firstPage[0].email).waitFor()
    await page.screenshot({ path: shot("admin-segments.png"), fullPage: true })
    await members.screenshot({ path: shot("admin-segment-members.png") })
    await page.keyboard.press("Escape")
    await drawerClosed()

    // The abandoned-cart funnel of the demo's carts left in the last two weeks.
    const { funnel } = (await api("/admin/abandoned-carts")).data
    expect(funnel.abandoned).toBeGreaterThan(0)
    await page.goto(`${app.base}/app/abandoned-carts`)
    await page.getByTestId("abandoned-funnel").waitFor()
    await page.getByTestId("abandoned-funnel").getByText(`${funnel.reminders_sent} reminders sent`).waitFor()
    await page.screenshot({ path: shot("admin-abandoned-carts.png"), fullPage: true })
  })

  it("charts the omnichannel metrics of the demo's year, as the API computes them, for all channels and one", async () => {
    const { data: m } = await api("/admin/omnichannel-metrics")
    expect(m.totals.orders).toBeGreaterThan(300)
    expect(m.by_customer_type.omnichannel.customers).toBeGreaterThan(0)
    await page.goto(`${app.base}/app/omnichannel-metrics`)
    const kpis = page.getByTestId("metrics-kpis")
    await kpis.waitFor()
    await kpis.getByText(String(m.totals.orders), { exact: true }).waitFor()
    await kpis.getByText(String(m.totals.customers), { exact: true }).waitFor()
    // The charts drew their bars (SVG rectangles), one stacked series per channel.
    await page.getByTestId("metrics-monthly").locator(".recharts-bar-rectangle").first().waitFor()
    expect(await page.getByTestId("metrics-monthly").locator(".recharts-legend-item").count()).toBe(3)
    await page.getByTestId("metrics-comparison").locator(".recharts-bar-rectangle").first().waitFor()
    expect(await page.getByTestId("metrics-cohorts").locator("tbody tr").count()).toBe(m.cohorts.length)
    // The dashboard scrolls inside its own frame: a tall window shows the whole page at once.
    await page.setViewportSize({ width: 1440, height: 2700 })
    await page.screenshot({ path: shot("admin-omnichannel-metrics.png") })
    await page.setViewportSize({ width: 1440, height: 1000 })

    // One channel: the figures follow the filter.
    const web = (await api("/admin/sales-channels?name=Web%20store")).data.sales_channels[0]
    const { data: webOnly } = await api(`/admin/omnichannel-metrics?channel=${web.id}`)
    await page.getByTestId("metrics-channel").click()
    await page.getByRole("option", { name: "Web store" }).click()
    await kpis.getByText(String(webOnly.totals.orders), { exact: true }).waitFor()
    expect(await page.getByTestId("metrics-channels").locator("tbody tr").count()).toBe(1)
  })

  it("lists every store's pickups, opens one and acts on it; the order page shows its pickup", async () => {
    // A pickup order through the Store API.
    const store = storeApi(app.keys["Web store"])
    const { regions } = await store("/store/regions")
    const { products } = await store("/store/products?limit=50&fields=*variants")
    const mug = products.flatMap((p: any) => p.variants).find((v: any) => v.sku === "MUG-INK")
    const { cart } = await store("/store/carts", { region_id: regions[0].id, email: "walk.in@example.com", items: [{ variant_id: mug.id, quantity: 1 }] })
    await store(`/store/carts/${cart.id}/pickup`, { location_id: await locationId("Lyon Bellecour"), pickup_person: { name: "Walk In" } })
    const { payment_collection } = await store("/store/payment-collections", { cart_id: cart.id })
    await store(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
    const { order } = await store(`/store/carts/${cart.id}/complete`, {})

    await page.goto(`${app.base}/app/pickups`)
    const { data: list } = await api(`/admin/pickups?q=${order.id}`)
    const pickupId = list.pickups[0].id
    await page.getByTestId(`pickup-row-${pickupId}`).waitFor()
    await page.getByTestId("pickup-counts").getByText("Order placed: 1").waitFor()
    // Chips in sentence case, in src/types/status.ts's words, and no CSS turning them to capitals.
    for (const chip of await page.getByTestId("pickup-counts").locator("button").allTextContents()) {
      expect(chip).toMatch(/^[A-Z][a-z ]+: (\d+|…)$/)
    }
    expect(await page.getByTestId(`pickup-row-${pickupId}`).textContent()).toContain("Order placed")

    // Filtered to Bellecour's new orders; kept through opening the pickup and coming back.
    await page.getByRole("combobox", { name: "Store" }).click()
    await page.getByRole("option", { name: "Lyon Bellecour" }).click()
    await page.getByRole("combobox", { name: "Status" }).click()
    // The filtered list's own answer (the list before the filter showed the same row).
    const filteredList = page.waitForResponse(
      (r) => /\/admin\/pickups\?/.test(r.url()) && ["limit=50", "status=placed", "location_id="].every((p) => r.url().includes(p))
    )
    await page.getByRole("option", { name: "Order placed" }).click()
    await page.waitForURL(/status=placed/)
    await filteredList
    const loaded = async () => {
      await page.getByText("1 pickup", { exact: true }).waitFor()
      await page.getByTestId("pickup-counts").getByText("Order placed: 1").waitFor()
      await page.getByTestId(`pickup-row-${pickupId}`).waitFor()
    }
    await loaded()
    await page.screenshot({ path: shot("admin-pickups.png"), fullPage: true })
    const filtered = page.url()
    expect(new URL(filtered).searchParams.get("store")).toBe(await locationId("Lyon Bellecour"))
    const filtersKept = async () => {
      await loaded()
      expect(page.url()).toBe(filtered)
      expect(await page.getByRole("combobox", { name: "Store" }).textContent()).toBe("Lyon Bellecour")
      expect(await page.getByRole("combobox", { name: "Status" }).textContent()).toBe("Order placed")
    }
    await page.getByTestId(`pickup-row-${pickupId}`).getByRole("link").click()
    await page.getByTestId("back-to-pickups").click()
    await filtersKept()
    await page.getByTestId(`pickup-row-${pickupId}`).getByRole("link").click()
    await page.getByTestId("pickup-status").waitFor()
    await page.goBack()
    await filtersKept()

    await page.getByTestId(`pickup-row-${pickupId}`).getByRole("link").click()
    expect(await page.getByTestId("pickup-status").textContent()).toBe("Order placed")
    expect(await page.getByTestId("pickup-status").evaluate((el) => getComputedStyle(el).textTransform)).toBe("none")
    await page.getByText("Start preparing").click()
    await page.getByTestId("pickup-status").getByText("Being prepared", { exact: true }).waitFor()
    // A partial split without a reason is refused next to the form, with the API's message.
    await page.getByLabel("Ready quantity of Stoneware Mug").fill("0")
    await page.getByTestId("mark-partly-ready").click()
    expect(await page.getByTestId("pickup-error").textContent()).toMatch(/reason|Cancel the pickup instead/)
    await page.getByText("Mark ready", { exact: true }).click()
    await page.getByTestId("pickup-status").getByText("Ready for pickup", { exact: true }).waitFor()
    await page.fill("#collect-code", "WRONGCODE9")
    await page.getByText("Hand over").click()
    expect(await page.getByTestId("pickup-error").textContent()).toContain("does not match")
    await page.screenshot({ path: shot("admin-pickup-detail.png"), fullPage: true })
    expect((await api(`/admin/pickups/${pickupId}`)).data.pickup.timeline.map((t: any) => t.action)).toEqual(["placed", "preparing", "ready"])

    await page.goto(`${app.base}/app/orders/${order.id}`)
    const widget = page.getByTestId("order-pickup-loyalty")
    await widget.getByText("Pickup at Lyon Bellecour").waitFor()
    await widget.getByText("Ready for pickup", { exact: true }).waitFor()
    await widget.screenshot({ path: shot("admin-order-pickup.png") })
  })
  it("sets the delivery routing in drawers (rules, ranking, a store that ships); a routed order shows where it ships from", async () => {
    await page.goto(`${app.base}/app/fulfillment-routing`)
    await page.getByTestId("edit-default").click()
    await page.getByTestId("save-policy").waitFor()
    // The form's own check: at least one rule.
    for (const rule of ["fewest_locations", "nearest", "priority"]) await page.locator(`#rule-${rule}`).click()
    await page.getByTestId("save-policy").click()
    expect(await page.getByTestId("error-rules").textContent()).toBe("Choose at least one rule")
    for (const rule of ["fewest_locations", "priority"]) await page.locator(`#rule-${rule}`).click()
    // The warehouse to the top of the ranking, by its arrows.
    const ranking = page.getByTestId("policy-priority")
    for (let i = 0; i < 20; i++) {
      const first = await ranking.locator("li").first().textContent()
      if (first?.includes("Saint-Priest Warehouse")) break
      await ranking.locator("li", { hasText: "Saint-Priest Warehouse" }).getByLabel("Move up").click()
    }
    await page.getByTestId("policy-priority").screenshot({ path: shot("admin-routing-ranking.png") })
    await page.getByTestId("save-policy").click()
    await page.getByText("Routing saved").first().waitFor()
    await drawerClosed()
    expect(await page.getByTestId("default-summary").textContent()).toBe(
      "Fewest locations, then your ranking of locations; ranking: Saint-Priest Warehouse, Lyon Bellecour, Lyon Confluence…"
    )
    const saved = (await api("/admin/fulfillment-routing")).data.routing
    expect(saved.default.rules).toEqual(["fewest_locations", "priority"])
    expect(saved.default.priority[0]).toBe(saved.locations.find((l: any) => l.name === "Saint-Priest Warehouse").location_id)

    // Bellecour ships too, keeping 2 back; a negative number stays in the form.
    await page.getByLabel("Edit shipping for Lyon Bellecour").click()
    await page.getByTestId("save-location").waitFor()
    await page.getByTestId("location-ships").click()
    await page.getByRole("option", { name: "Yes" }).click()
    await page.fill("#location-safety", "-1")
    await page.getByTestId("save-location").click()
    expect(await page.getByTestId("error-safety_stock").textContent()).toBe("A whole number from 0")
    await page.fill("#location-safety", "2")
    await page.getByTestId("save-location").click()
    await page.getByText("Lyon Bellecour saved").first().waitFor()
    await drawerClosed()
    await page.screenshot({ path: shot("admin-routing.png"), fullPage: true })
    const bellecour = (await api("/admin/fulfillment-routing")).data.routing.locations.find((l: any) => l.name === "Lyon Bellecour")
    expect(bellecour).toMatchObject({ ships: true, ships_setting: true, safety_stock: 2 })

    // A delivery order through Medusa's own Store API routes: reserved at the warehouse, shown on the order page.
    const store = storeApi(app.keys["Web store"])
    const { regions } = await store("/store/regions")
    const { products } = await store("/store/products?limit=50&fields=*variants")
    const mug = products.flatMap((p: any) => p.variants).find((v: any) => v.sku === "MUG-INK")
    const address = { first_name: "Camille", last_name: "Martin", address_1: "3 Rue Mercière", city: "Lyon", postal_code: "69002", country_code: "fr" }
    const { cart } = await store("/store/carts", { region_id: regions[0].id, email: "routed@example.com", shipping_address: address, items: [{ variant_id: mug.id, quantity: 2 }] })
    const { shipping_options } = await store(`/store/shipping-options?cart_id=${cart.id}`)
    await store(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options.find((o: any) => o.name === "Standard delivery").id })
    const { payment_collection } = await store("/store/payment-collections", { cart_id: cart.id })
    await store(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
    const { order } = await store(`/store/carts/${cart.id}/complete`, {})
    expect((await api(`/admin/orders/${order.id}/allocation`)).data.locations.map((l: any) => l.name)).toEqual(["Saint-Priest Warehouse"])

    await page.goto(`${app.base}/app/orders/${order.id}`)
    const widget = page.getByTestId("order-allocation")
    await widget.getByText("Saint-Priest Warehouse").waitFor()
    await widget.getByText("2 × ").waitFor()
    await widget.screenshot({ path: shot("admin-order-allocation.png") })
  })

  it("shows inventory levels whose reserved stock drifted from their reservations, and repairs them", async () => {
    // Phantom reserved units on two levels, as Medusa 2.21's reservation move leaves them.
    const db = new pg.Client({ connectionString: app.databaseUrl })
    await db.connect()
    await db.query(
      `update inventory_level il set reserved_quantity = reserved_quantity + 3,
              raw_reserved_quantity = jsonb_build_object('value', (reserved_quantity + 3)::text, 'precision', 20)
         from inventory_item ii, stock_location sl
        where ii.id = il.inventory_item_id and sl.id = il.location_id
          and ii.sku in ('MUG-INK', 'TEE-NAV-M') and sl.name = 'Lyon Part-Dieu'`
    )
    await db.end()
    expect((await api("/admin/stock-drift")).data.count).toBe(2)

    await page.goto(`${app.base}/app/inventory`)
    const widget = page.getByTestId("stock-drift")
    await widget.getByText("Reserved stock out of step").waitFor()
    await widget.getByText("MUG-INK").waitFor()
    await widget.scrollIntoViewIfNeeded()
    await page.screenshot({ path: shot("admin-stock-drift.png"), fullPage: true })
    await widget.getByRole("button", { name: "Repair" }).click()
    await page.getByText("2 inventory level(s) set back to their reservations").first().waitFor()
    await widget.waitFor({ state: "detached" })
    expect((await api("/admin/stock-drift")).data.count).toBe(0)
  })

  it("opened every drawer above without a warning of a missing Description", () => {
    expect(descriptionWarnings).toEqual([])
  })
})
