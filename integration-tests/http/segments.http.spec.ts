import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import people from "../../data/customers.json"
import { seedDemoData, SeedResult } from "../../data/seed"
import segmentsJob from "../../src/jobs/engagement-segments"
import { evaluateSegments } from "../../src/lib/segments"
import { ENGAGEMENT_MODULE } from "../../src/modules/engagement"
import { RFM_GROUPS } from "../../src/modules/engagement/types"
import { refreshSegmentsWorkflow } from "../../src/workflows/engagement"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, loginStaff } from "../helpers/desk"
import { completeCart, createCart, loginCustomer, settle, seededCustomerIds, storeClient, variantIdsBySku } from "../helpers/store"
import { expectExactStock } from "../helpers/stock"

jest.setTimeout(300000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let admin: { headers: Record<string, string> }
    const ids: string[] = []

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK", "TEE-NAV-XL", "BOTTLE-STEEL", "NOTEBOOK-A5"])
      admin = await adminHeaders(api)
      ids.push(...(await seededCustomerIds(api, seed, 4)))
    })
    afterEach(async () => {
      await expectExactStock(getContainer())
    })

    /** A delivery order of one line on a channel, as a signed-in customer. */
    const order = async (customer: number, channel: string, sku: string) => {
      const { token } = await loginCustomer(api, customer)
      const shop = storeClient(api, seed, channel, token)
      const cart = await createCart(shop, seed, [{ variant_id: variants[sku], quantity: 1 }])
      const { data } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, {
        option_id: data.shipping_options.find((o: any) => o.name === "Standard delivery").id,
      })
      const res = await completeCart(shop, cart.id)
      expect(res.status).toBe(200)
      return res.data.order
    }
    /** History: an order's date moved back, as a year of trading leaves it (the nightly catch-up reads the change). */
    const placedAgo = async (orderId: string, days: number, hours = 0) => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(
        `update "order" set created_at = now() - (? || ' days')::interval - (? || ' hours')::interval, updated_at = now() where id = ?`,
        [String(days), String(hours), orderId]
      )
    }
    const createSegment = async (body: any) => {
      const res = await settle(api.post("/admin/segments", body, admin))
      expect(res).toEqual(expect.objectContaining({ status: 201 }))
      return res.data.segment
    }
    /** Members as the plugin lists them, and as Medusa's customer group holds them: both must agree. */
    const members = async (segment: any) => {
      const listed = (await api.get(`/admin/segments/${segment.id}/members?limit=500`, admin)).data
      const groups = getContainer().resolve(Modules.CUSTOMER)
      const inGroup = await groups.listCustomerGroupCustomers({ customer_group_id: segment.customer_group_id }, { take: null })
      const fromGroup = inGroup.map((g: any) => g.customer_id).sort()
      const fromList = listed.members.map((m: any) => m.customer_id).sort()
      expect(fromList).toEqual(fromGroup)
      expect(listed.count).toBe(fromList.length)
      return fromList as string[]
    }
    const sorted = (list: string[]) => [...list].sort()
    const eventually = async (check: () => Promise<void>) => {
      for (let i = 0; ; i++) {
        try {
          return await check()
        } catch (e) {
          if (i > 100) throw e
          await new Promise((r) => setTimeout(r, 200))
        }
      }
    }

    it("keeps each rule's members in a Medusa customer group, from orders on every channel, updated as shoppers buy", async () => {
      // History: customer 0 bought in the app 40 days ago and on the web today; customer 1 on the web
      // 100 days ago; customer 2 at the till today; customer 3 never.
      const app = await order(0, "Mobile app", "BOTTLE-STEEL")
      // A €32 bottle delivered (€5.90): more than the till's €24.90 T-shirt, less than customer 0's two orders.
      const old = await order(1, "Web store", "BOTTLE-STEEL")
      const web = await order(0, "Web store", "MUG-INK")
      const till = await bearerClient(api, await loginStaff(api, 0)).post("/staff/sales", {
        location_id: seed.locations["bellecour"],
        customer: { email: people.customers[2].email },
        items: [{ variant_id: variants["TEE-NAV-XL"], quantity: 1 }],
      })
      expect(till.status).toBe(201)
      await placedAgo(app.id, 40)
      await placedAgo(old.id, 100)
      await segmentsJob(getContainer())

      const channels = (await api.get("/admin/sales-channels", admin)).data.sales_channels
      const categories = (await api.get("/admin/product-categories?limit=50", admin)).data.product_categories
      const clothing = categories.find((c: any) => c.name === "Clothing").id
      const hundredDaysAgo = new Date(Date.now() - 100 * 86400000).toISOString().slice(0, 10)
      const dayBefore = new Date(Date.now() - 101 * 86400000).toISOString().slice(0, 10)

      const recent = await createSegment({ name: "Bought in 30 days", rule: "recent_buyers", params: { days: 30 } })
      expect(recent).toEqual(expect.objectContaining({ handle: "bought-in-30-days", rule: "recent_buyers", customer_group_id: expect.any(String), member_count: 2 }))
      expect(await members(recent)).toEqual(sorted([ids[0], ids[2]]))
      const group = (await api.get(`/admin/customer-groups/${recent.customer_group_id}`, admin)).data.customer_group
      expect(group).toEqual(expect.objectContaining({ name: "Bought in 30 days", metadata: expect.objectContaining({ omnichannel_segment_id: recent.id }) }))

      const lapsed = await createSegment({ name: "Lapsed 30", rule: "lapsed", params: { days: 30 } })
      expect(await members(lapsed)).toEqual([ids[1]])
      const omni = await createSegment({ name: "Omnichannel", rule: "omnichannel", params: {} })
      expect(await members(omni)).toEqual([ids[0]])
      const tees = await createSegment({ name: "Clothing buyers", rule: "category_buyers", params: { category_id: clothing } })
      expect(await members(tees)).toEqual([ids[2]])
      const appOnly = await createSegment({
        name: "App buyers",
        rule: "recent_buyers",
        params: { days: 60, sales_channel_id: channels.find((c: any) => c.name === "Mobile app").id },
      })
      expect(await members(appOnly)).toEqual([ids[0]])
      // The window's last day counts whole; the day before it does not reach the order.
      const season = await createSegment({ name: "That week", rule: "seasonal_buyers", params: { from: dayBefore, to: hundredDaysAgo } })
      expect(await members(season)).toEqual([ids[1]])
      const update = await settle(api.post(`/admin/segments/${season.id}`, { params: { from: dayBefore, to: dayBefore } }, admin))
      expect(update.status).toBe(200)
      expect(await members(season)).toEqual([])
      const accounts = await createSegment({ name: "Account holders", rule: "account_holders", params: {} })
      expect(await members(accounts)).toEqual(expect.arrayContaining(ids))

      // Lifetime spend, every channel: customer 0 (two orders) is the top third, then customer 1
      // (a delivery order, shipping and tax included), then customer 2 (the till).
      const totals = Object.fromEntries(
        await Promise.all(
          [app, old, web, till.data.order].map(async (o: any) => [o.id, Number((await api.get(`/admin/orders/${o.id}?fields=total`, admin)).data.order.total)])
        )
      )
      const spend = [totals[app.id] + totals[web.id], totals[old.id], totals[till.data.order.id]]
      expect(spend[0]).toBeGreaterThan(spend[1])
      expect(spend[1]).toBeGreaterThan(spend[2])
      const top = await createSegment({ name: "Top third", rule: "high_value", params: { top_percent: 33.3 } })
      expect(await members(top)).toEqual([ids[0]]) // ceil(3 × 0.333) = 1 buyer
      await api.post(`/admin/segments/${top.id}`, { params: { top_percent: 33.4 } }, admin) // ceil(3 × 0.334) = 2
      expect(await members(top)).toEqual(sorted([ids[0], ids[1]]))
      // A floor: spending exactly the amount is enough.
      const floor = await createSegment({ name: "Spent enough", rule: "high_value", params: { min_spend: spend[1] } })
      expect(await members(floor)).toEqual(sorted([ids[0], ids[1]]))

      // RFM, by hand: recency 1 (customer 1), 3 (customer 0), 5 (customer 2, the latest); frequency
      // 5 for customer 0's two orders, 1 for the others; monetary 1 / 3 / 5 by spend (2 < 1 < 0).
      // Customer 0: R3, FM 5 → loyal; customer 1: R1, FM (1+3)/2 = 2 → dormant; customer 2: R5,
      // FM 1 → new; customer 3 never ordered → prospects.
      const rfm: Record<string, any> = {}
      for (const g of ["loyal", "dormant", "new", "prospects", "champions"]) {
        rfm[g] = await createSegment({ name: `RFM ${g}`, rule: "rfm", params: { group: g } })
      }
      expect(await members(rfm.loyal)).toEqual([ids[0]])
      expect(await members(rfm.dormant)).toEqual([ids[1]])
      expect(await members(rfm.new)).toEqual([ids[2]])
      expect(await members(rfm.prospects)).toEqual(expect.arrayContaining([ids[3]]))
      expect(await members(rfm.champions)).toEqual([])

      // Incremental: customer 1 buys again; they are no longer lapsed, and are a recent buyer now.
      await order(1, "Web store", "MUG-INK")
      await eventually(async () => {
        expect(await members(recent)).toEqual(sorted([ids[0], ids[1], ids[2]]))
        expect(await members(lapsed)).toEqual([])
      })
      // A cancellation takes the order out: customer 0's only order of the last 30 days is canceled.
      expect((await api.post(`/admin/orders/${web.id}/cancel`, {}, admin)).status).toBe(200)
      await eventually(async () => expect(await members(recent)).toEqual(sorted([ids[1], ids[2]])))
      // …and customer 0 has bought on one channel only since.
      await eventually(async () => expect(await members(omni)).toEqual([]))
      // Day N: the app order is 40 days old, so a 41-day window has it and a 39-day one doesn't.
      await api.post(`/admin/segments/${recent.id}`, { params: { days: 41 } }, admin)
      expect(await members(recent)).toEqual(sorted([ids[0], ids[1], ids[2]]))
      await api.post(`/admin/segments/${recent.id}`, { params: { days: 39 } }, admin)
      expect(await members(recent)).toEqual(sorted([ids[1], ids[2]]))

      // Subscribers: a customer who accepts marketing joins as soon as their profile says so.
      const subscribers = await createSegment({ name: "Subscribers", rule: "subscribers", params: {} })
      expect(await members(subscribers)).toEqual([])
      await api.post(`/admin/customers/${ids[3]}`, { metadata: { accepts_marketing: true } }, admin)
      await eventually(async () => expect(await members(subscribers)).toEqual([ids[3]]))

      // The export: one line per member, for a marketing tool.
      const csv = await api.get(`/admin/segments/${accounts.id}/members?format=csv`, admin)
      expect(csv.headers["content-type"]).toContain("text/csv")
      expect(csv.headers["content-disposition"]).toContain('filename="segment-account-holders.csv"')
      const rows = (csv.data as string).trim().split("\r\n")
      expect(rows[0]).toBe("email,first_name,last_name,channels,last_order_at,orders,lifetime_spend,rfm_group,has_account,customer_id")
      expect(rows).toHaveLength(1 + (await members(accounts)).length)
      const first = rows.find((r) => r.endsWith(`,${ids[0]}`))!
      const c = people.customers[0]
      // the canceled web order no longer counts: one order, the app's
      expect(first).toMatch(new RegExp(`^${c.email},${c.first_name},${c.last_name},Mobile app,\\d{4}-[^,]+,1,${totals[app.id]},\\w+,true,${ids[0]}$`))
      const prospect = rows.find((r) => r.endsWith(`,${ids[3]}`))!
      expect(prospect).toContain(",,0,0,prospects,true,")

      // The list shows every segment with its count; deleting one removes its customer group.
      const list = (await api.get("/admin/segments", admin)).data
      expect(list.segments.find((s: any) => s.id === accounts.id)).toEqual(expect.objectContaining({ member_count: rows.length - 1 }))
      expect((await api.delete(`/admin/segments/${omni.id}`, admin)).data).toEqual({ id: omni.id, object: "segment", deleted: true })
      expect((await settle(api.get(`/admin/customer-groups/${omni.customer_group_id}`, admin))).status).toBe(404)
      expect((await settle(api.get(`/admin/segments/${omni.id}`, admin))).status).toBe(404)
    })

    it("counts a shopper idle with a cart until they buy, on any channel; refreshes at once never duplicate a member", async () => {
      const { token } = await loginCustomer(api, 3)
      const shop = storeClient(api, seed, "Web store", token)
      const { data } = await shop.post("/store/carts", {
        region_id: seed.region_id,
        email: people.customers[3].email,
        items: [{ variant_id: variants["MUG-INK"], quantity: 2 }],
      })
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const idle = async (hours: number) => {
        await pg.raw(`update cart set updated_at = now() - (? || ' hours')::interval where id = ?`, [String(hours), data.cart.id])
        await pg.raw(`update cart_line_item set updated_at = now() - (? || ' hours')::interval where cart_id = ?`, [String(hours), data.cart.id])
      }
      await idle(5)
      const abandoners = await createSegment({ name: "Cart abandoners", rule: "cart_abandoners", params: { idle_hours: 4 } })
      expect(await members(abandoners)).toEqual([ids[3]])
      await api.post(`/admin/segments/${abandoners.id}`, { params: { idle_hours: 6 } }, admin)
      expect(await members(abandoners)).toEqual([])
      await api.post(`/admin/segments/${abandoners.id}`, { params: { idle_hours: 4 } }, admin)
      expect(await members(abandoners)).toEqual([ids[3]])

      // Two refreshes and an order at the same moment: each member once in the group.
      const buyers = await createSegment({ name: "Bought this week", rule: "recent_buyers", params: { days: 7 } })
      const [a, b] = await Promise.all([
        settle(api.post(`/admin/segments/${buyers.id}/refresh`, {}, admin)),
        settle(api.post(`/admin/segments/${buyers.id}/refresh`, {}, admin)),
        order(3, "Mobile app", "NOTEBOOK-A5"),
      ])
      expect([a.status, b.status]).toEqual([200, 200])
      // The order, in the app and from another cart, takes the shopper out of the abandoners.
      await eventually(async () => {
        expect(await members(buyers)).toContain(ids[3])
        expect(await members(abandoners)).toEqual([])
      })
      const customers = getContainer().resolve(Modules.CUSTOMER)
      const rows = await customers.listCustomerGroupCustomers({ customer_group_id: buyers.customer_group_id }, { take: null })
      expect(rows.length).toBe(new Set(rows.map((r: any) => r.customer_id)).size)
    })

    it("counts a guest's order for the shopper's account once it is linked (Medusa's order transfer), not before", async () => {
      // A guest checkout with an email nobody has: Medusa keeps the order on a guest customer record.
      const email = "guest.later@example.com"
      const guest = storeClient(api, seed, "Web store")
      const cart = (await guest.post("/store/carts", {
        region_id: seed.region_id,
        email,
        shipping_address: { first_name: "Noé", last_name: "Blanc", address_1: "3 Rue Mercière", city: "Lyon", postal_code: "69002", country_code: "fr" },
        items: [{ variant_id: variants["MUG-INK"], quantity: 1 }],
      })).data.cart
      const { data: options } = await guest.get(`/store/shipping-options?cart_id=${cart.id}`)
      await guest.post(`/store/carts/${cart.id}/shipping-methods`, {
        option_id: options.shipping_options.find((o: any) => o.name === "Standard delivery").id,
      })
      const placed = await completeCart(guest, cart.id)
      expect(placed.status).toBe(200)
      const orderId = placed.data.order.id as string
      const guestCustomerId = (await api.get(`/admin/orders/${orderId}?fields=customer_id`, admin)).data.order.customer_id as string
      expect(guestCustomerId).toEqual(expect.any(String))

      // Later the shopper opens an account with that email: a new customer, the order still the guest's.
      const registered = await api.post("/auth/customer/emailpass/register", { email, password: "password123" })
      await storeClient(api, seed, "Web store", registered.data.token).post("/store/customers", { email, first_name: "Noé", last_name: "Blanc" })
      const login = await api.post("/auth/customer/emailpass", { email, password: "password123" })
      const shop = storeClient(api, seed, "Web store", login.data.token)
      const accountId = (await shop.get("/store/customers/me")).data.customer.id as string
      expect(accountId).not.toBe(guestCustomerId)
      const buyers = await createSegment({ name: "Bought in a day", rule: "recent_buyers", params: { days: 1 } })
      const before = await members(buyers)
      expect(before).toContain(guestCustomerId)
      expect(before).not.toContain(accountId)

      // Linked: the member asks for the order, and proves the email with the token Medusa sends to it.
      expect((await settle(shop.post(`/store/orders/${orderId}/transfer/request`, {}))).status).toBe(200)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: changes } = await query.graph({
        entity: "order_change",
        fields: ["id", "actions.details"],
        filters: { order_id: orderId, status: "requested" },
      })
      const token = (changes[0] as any).actions[0].details.token
      expect((await settle(shop.post(`/store/orders/${orderId}/transfer/accept`, { token }))).status).toBe(200)
      // Medusa emits no event for an accepted transfer: the nightly catch-up reads the moved order.
      await segmentsJob(getContainer())
      const after = await members(buyers)
      expect(after).toContain(accountId)
      expect(after).not.toContain(guestCustomerId)
    })

    it("places a customer in an incremental update exactly as the full refresh does, for every rule", async () => {
      // The incremental path answers every purchase rule from one pass over the customer's own rows and skips
      // reads it can decide without; the full refresh asks each rule over everyone. They must agree on every
      // customer and rule, boundaries included.
      const container = getContainer()
      const engagement: any = container.resolve(ENGAGEMENT_MODULE)
      const customerModule = container.resolve(Modules.CUSTOMER)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const now = new Date()
      const DAY = 86400000
      const at = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * 3600000)
      const channels = (await api.get("/admin/sales-channels", admin)).data.sales_channels
      const channel = (name: string) => channels.find((c: any) => c.name === name).id
      const [web, app, till] = [channel("Web store"), channel("Mobile app"), channel("In-store")]
      const categories = (await api.get("/admin/product-categories?limit=50", admin)).data.product_categories
      const clothing = categories.find((c: any) => c.name === "Clothing").id
      const { data: inClothing } = await query.graph({ entity: "product", fields: ["id"], filters: { categories: { id: clothing } } as any })
      const { data: all } = await query.graph({ entity: "product", fields: ["id"] })
      const shirt = inClothing[0].id
      const other = all.find((p: any) => !inClothing.some((c: any) => c.id === p.id))!.id

      const made = await customerModule.createCustomers(
        Array.from({ length: 14 }, (_, i) => ({
          email: `same-answer-${i}@example.com`,
          has_account: i % 2 === 0,
          metadata: i % 3 === 0 ? { accepts_marketing: true } : null,
        }))
      )
      // Histories at the rules' edges: 30 days ± an hour, one channel or several, a canceled order, another
      // currency, a category's product, a year-old season, big and small spenders; customer 13 never bought.
      type P = [number, string, number, string, boolean?, string?]
      const histories: P[][] = [
        [[29, web, 40, shirt], [200, app, 10, other]],
        [[30, web, 25, other, false], [31, till, 15, other]],
        [[0.2, app, 300, other], [1, web, 120, shirt], [2, till, 90, other]],
        [[45, web, 60, other, true]],
        [[400, till, 500, shirt], [395, web, 30, other]],
        [[10, web, 20, other, false, "usd"], [12, web, 5, other]],
        [[60, app, 75, shirt], [61, app, 75, shirt], [62, app, 75, shirt]],
        [[3, till, 8, other]],
        [[90, web, 1000, other]],
        [[15, app, 33, shirt], [16, web, 33, other], [17, till, 33, other], [18, app, 33, other]],
        [[0.1, web, 12, other]],
        [[120, app, 45, other], [5, app, 45, other]],
        [[20, web, 80, shirt, true], [21, web, 80, other]],
        [],
      ]
      // the season a year ago: a week around this day last year
      const lastYear = new Date(now.getTime() - 365 * DAY)
      const iso = (d: Date) => d.toISOString().slice(0, 10)
      await engagement.upsertPurchases(
        histories.flatMap((h, i) =>
          h.map(([days, sc, total, product, canceled, currency], k) => ({
            order_id: `order_same_answer_${i}_${k}`,
            customer_id: made[i].id,
            email: made[i].email,
            sales_channel_id: sc,
            currency_code: currency ?? "eur",
            total,
            placed_at: at(days, k % 2 ? 1 : -1),
            canceled_at: canceled ? at(days - 0.1) : null,
            product_ids: [product],
          }))
        )
      )
      // Idle carts: customer 7's is 5 hours idle with an order 3 days old (an abandoner); customer 10's is
      // 6 hours idle and they bought about an hour and a half ago (not one: the incremental path decides it
      // without reading the cart); customer 13's is 2 hours idle (not yet).
      const cartModule = container.resolve(Modules.CART)
      for (const [i, hours] of [[7, 5], [10, 6], [13, 2]] as const) {
        const cart = await cartModule.createCarts({
          currency_code: "eur",
          email: made[i].email,
          customer_id: made[i].id,
          sales_channel_id: web,
          items: [{ title: "Mug", quantity: 1, unit_price: 12, product_id: other }],
        } as any)
        await pg.raw(`update cart set updated_at = ? where id = ?`, [at(0, hours), cart.id])
        await pg.raw(`update cart_line_item set updated_at = ? where cart_id = ?`, [at(0, hours), cart.id])
      }

      const definitions = [
        { rule: "recent_buyers", params: { days: 30 } },
        { rule: "recent_buyers", params: { days: 30, sales_channel_id: app } },
        { rule: "category_buyers", params: { category_id: clothing } },
        { rule: "category_buyers", params: { category_id: clothing, days: 30, sales_channel_id: web } },
        { rule: "seasonal_buyers", params: { from: iso(new Date(lastYear.getTime() - 40 * DAY)), to: iso(new Date(lastYear.getTime() + 40 * DAY)) } },
        { rule: "cart_abandoners", params: { idle_hours: 4 } },
        { rule: "high_value", params: { top_percent: 25 } },
        { rule: "high_value", params: { min_spend: 100, currency_code: "eur" } },
        { rule: "high_value", params: { top_percent: 50, sales_channel_id: app } },
        { rule: "lapsed", params: { days: 30 } },
        { rule: "lapsed", params: { days: 14, sales_channel_id: web } },
        { rule: "subscribers", params: {} },
        { rule: "account_holders", params: {} },
        { rule: "omnichannel", params: { days: 90 } },
        { rule: "omnichannel", params: { days: 365, min_channels: 3 } },
        ...RFM_GROUPS.map((group) => ({ rule: "rfm", params: { group } })),
      ]
      const segmentIds: string[] = []
      for (const [n, d] of definitions.entries()) {
        segmentIds.push((await createSegment({ name: `Same answer ${n}`, ...d })).id)
      }
      // The thresholds and quintiles an incremental update reuses, measured at the same moment.
      await refreshSegmentsWorkflow(container).run({ input: { segment_ids: segmentIds, now } })
      const segments = await engagement.segmentsToEvaluate(segmentIds)
      const full = await evaluateSegments(container, segments, { now, customerIds: null })
      const answers = (result: Map<string, { members: string[] }>, customers: string[]) =>
        segments.map((s: any, n: number) => `${n} ${s.rule}: ${customers.filter((c) => result.get(s.id)!.members.includes(c)).join(" ")}`)
      // Every rule but RFM has members among them and non-members (the comparison can fail both ways);
      // the RFM groups spread them over several groups.
      const inside = (s: any) => made.filter((c: any) => full.get(s.id)!.members.includes(c.id)).length
      for (const [n, s] of segments.filter((s: any) => s.rule !== "rfm").entries()) {
        expect({ n, rule: s.rule, inside: inside(s) > 0 && inside(s) < made.length }).toEqual({ n, rule: s.rule, inside: true })
      }
      expect(segments.filter((s: any) => s.rule === "rfm" && inside(s) > 0).length).toBeGreaterThanOrEqual(4)
      for (const c of made) {
        const one = await evaluateSegments(container, segments, { now, customerIds: [c.id] })
        expect(answers(one, [c.id])).toEqual(answers(full, [c.id]))
      }
      // two at once (an order moved from one customer to another)
      const pair = [made[7].id, made[10].id]
      expect(answers(await evaluateSegments(container, segments, { now, customerIds: pair }), pair)).toEqual(answers(full, pair))
    })

    it("refuses bad segment rules with a 400 naming the field", async () => {
      const bad = async (body: any, field: string) => {
        const res = await settle(api.post("/admin/segments", body, admin))
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(field)
        return res
      }
      await bad({ name: "x", rule: "recent_buyers", params: { days: 0 } }, "params.days")
      await bad({ name: "x", rule: "recent_buyers", params: { days: -3 } }, "params.days")
      await bad({ name: "x", rule: "recent_buyers", params: {} }, "params.days")
      await bad({ name: "x", rule: "seasonal_buyers", params: { from: "2025-12-24", to: "2025-12-01" } }, "params.from")
      await bad({ name: "x", rule: "seasonal_buyers", params: { from: "2025-02-30", to: "2025-03-01" } }, "params.from")
      await bad({ name: "x", rule: "high_value", params: {} }, "params.top_percent")
      await bad({ name: "x", rule: "high_value", params: { top_percent: 10, min_spend: 5 } }, "params.top_percent")
      await bad({ name: "x", rule: "rfm", params: { group: "vip" } }, "params.group")
      await bad({ name: "x", rule: "lapsed", params: { days: 30, colour: "red" } }, "params.colour")
      await bad({ name: "x", rule: "nobody", params: {} }, "rule")
      await bad({ name: "", rule: "subscribers", params: {} }, "name")
      await bad({ name: "x", rule: "category_buyers", params: { category_id: "pcat_nope" } }, "params.category_id")
      await bad({ name: "x", rule: "recent_buyers", params: { days: 5, sales_channel_id: "sc_nope" } }, "params.sales_channel_id")
      // Nothing was created by the refused ones.
      expect((await api.get("/admin/segments", admin)).data.segments.filter((s: any) => s.name === "x")).toEqual([])

      const ok = await createSegment({ name: "Recent 7", rule: "recent_buyers", params: { days: 7 } })
      const update = await settle(api.post(`/admin/segments/${ok.id}`, { params: { days: 0 } }, admin))
      expect(update.status).toBe(400)
      expect(update.data.errors).toEqual([expect.objectContaining({ path: "params.days" })])
      // Names are unique, as Medusa's customer groups' are.
      const twice = await settle(api.post("/admin/segments", { name: "Recent 7", rule: "lapsed", params: { days: 9 } }, admin))
      expect(twice.status).toBe(409)
      expect((await settle(api.get("/admin/segments/seg_nope", admin))).status).toBe(404)
      expect((await settle(api.get(`/admin/segments/${ok.id}/members?format=xml`, admin))).status).toBe(400)
    })

    it("is for the merchant only", async () => {
      const { token } = await loginCustomer(api, 0)
      const shopper = storeClient(api, seed, "Web store", token)
      expect((await settle(shopper.get("/admin/segments"))).status).toBe(401)
      const staff = bearerClient(api, await loginStaff(api, 0))
      expect((await settle(staff.post("/admin/segments", { name: "x", rule: "subscribers", params: {} }))).status).toBe(401)
    })
  },
})
