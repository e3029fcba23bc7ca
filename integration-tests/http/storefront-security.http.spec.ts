import type { Browser, Page, Response } from "playwright-core"
import people from "../../data/customers.json"
import { launchChromium, stagedScreenshots } from "../helpers/browser"
import { demoApi, startDemoApp, type DemoApp } from "../helpers/demo-app"

/**
 * Merchant-typed text on the shopper's pages and the desk, in real headless
 * Chromium against the demo as `npm run demo` runs it: a store renamed with
 * markup shows as text on the store map of the web shop and the app (the
 * shopper's token is in localStorage there), on the desk, and each page sends
 * a Content-Security-Policy that would have stopped the script anyway. No
 * page reports a CSP violation: the policy blocks nothing the pages need.
 */
jest.setTimeout(15 * 60_000)

const NAME = `Lyon <img src=x onerror="window.__xss=1">`
// The map's labels drop the city ("Lyon Bellecour" → "Bellecour").
const LABEL = `<img src=x onerror="window.__xss=1">`
// The demo runs `medusa develop`: a file written in the project would restart it.
const shots = stagedScreenshots()

type Watched = { page: Page; errors: string[] }
declare global {
  interface Window {
    __xss?: number
    __cspViolations?: string[]
  }
}

describe("storefront security: merchant text as text, a CSP on every page", () => {
  let demo: DemoApp
  let browser: Browser
  let adminToken: string

  const api = demoApi(() => demo)

  /** A page that records script errors and every CSP violation (from the first script on). */
  const open = async (): Promise<Watched> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 })
    await context.addInitScript(() => {
      window.__cspViolations = []
      document.addEventListener("securitypolicyviolation", (e) => {
        window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`)
      })
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on("pageerror", (e) => errors.push(e.message))
    return { page, errors }
  }

  const expectCsp = (res: Response | null) => {
    const csp = res?.headers()["content-security-policy"] ?? ""
    // Script only from the page's own origin: no inline handlers, no inline script.
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/)
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res?.headers()["x-content-type-options"]).toBe("nosniff")
    return csp
  }

  const expectNoScriptRan = async ({ page, errors }: Watched) => {
    expect(await page.evaluate(() => window.__xss)).toBeUndefined()
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([])
    expect(errors).toEqual([])
  }

  beforeAll(async () => {
    demo = await startDemoApp()
    browser = await launchChromium()
    adminToken = (await api("/auth/user/emailpass", { body: { email: people.admin.email, password: people.admin.password } })).token
    // The merchant renames a store, as anyone with the Admin API can.
    const { stock_locations } = await api(`/admin/stock-locations?q=${encodeURIComponent("Bellecour")}`, { token: adminToken })
    expect(stock_locations).toHaveLength(1)
    await api(`/admin/stock-locations/${stock_locations[0].id}`, { token: adminToken, body: { name: NAME } })
  })
  afterAll(async () => {
    await browser?.close()
    await demo?.stop()
    shots.publish()
  })

  for (const [where, path] of [
    ["web shop", "/#/stores"],
    ["app", "/app/#/stores"],
  ] as const) {
    it(`${where}: the store's name is text on the map and in the list; the page has a CSP`, async () => {
      const watched = await open()
      const { page } = watched
      const res = await page.goto(`${demo.shop}${path}`)
      await page.waitForFunction((name) => [...document.querySelectorAll(".store-list li h2")].some((h) => h.textContent === name), NAME)
      await page.waitForSelector(".leaflet-tooltip")
      // An image that fails to load fires onerror after a moment: give it one.
      await page.waitForTimeout(500)
      await page.screenshot({ path: shots.path(`storefront-security-${where === "app" ? "app" : "web"}.png`) })
      expect(await page.evaluate(() => window.__xss)).toBeUndefined()
      const labels = await page.$$eval(".leaflet-tooltip", (els) => els.map((e) => e.textContent))
      expect(labels).toContain(LABEL)
      // Nothing the name carried became an element.
      expect(await page.locator(".leaflet-tooltip img, .store-list img").count()).toBe(0)
      expect(await page.getByText(LABEL, { exact: true }).first().isVisible()).toBe(true)
      await expectNoScriptRan(watched)
      // The policy that would have stopped it, had the name reached the page as markup.
      const csp = expectCsp(res)
      // The shop talks to the Medusa backend from config.json.
      expect(csp.split("; ").find((d) => d.startsWith("connect-src "))?.split(" ")).toContain(demo.base)
      await page.context().close()
    })
  }

  it("desk: the store's name is text in the picker and the title; the page has a strict CSP", async () => {
    const watched = await open()
    const { page } = watched
    const res = await page.goto(`${demo.base}/pickup-desk`)
    await page.fill("#email", people.staff[0].email)
    await page.fill("#password", people.staff[0].password)
    await page.click("#login button[type=submit]")
    await page.waitForSelector("#queue-view:not([hidden])")
    await page.selectOption("#store", { label: NAME })
    await page.waitForFunction((name) => document.querySelector("#queue-title")?.textContent === `Queue · ${name}`, NAME)
    expect(await page.locator("header img, #queue-view img").count()).toBe(0)
    await page.waitForTimeout(500)
    await page.screenshot({ path: shots.path("storefront-security-desk.png") })
    await expectNoScriptRan(watched)
    const csp = expectCsp(res)
    expect(csp).toContain("default-src 'none'")
    expect(csp).toMatch(/(^|; )connect-src 'self'(;|$)/)
    await page.context().close()
  })
})
