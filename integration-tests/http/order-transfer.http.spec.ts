import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { sentNotifications, storedCodes, waitFor } from "../helpers/desk"
import { notificationLog } from "../helpers/notifications"
import { expectExactStock } from "../helpers/stock"
import { completeCart, loginCustomer, storeClient, variantIdsBySku } from "../helpers/store"

jest.setTimeout(120000)

/**
 * Medusa's order transfer with the plugin's email (option
 * orderTransfers.notify, on in the demo's medusa-config.js): a guest order's
 * address gets the link that confirms it, and the link's token is the one
 * Medusa's accept route takes.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["TOTE-SAND"])
    })
    afterEach(async () => {
      await expectExactStock(getContainer())
    })

    const guestOrder = async (email: string) => {
      const guest = storeClient(api, seed)
      const { data } = await guest.post("/store/carts", {
        region_id: seed.region_id,
        email,
        shipping_address: { first_name: "Camille", last_name: "Martin", address_1: "3 Rue Mercière", city: "Lyon", postal_code: "69002", country_code: "fr" },
        items: [{ variant_id: variants["TOTE-SAND"], quantity: 1 }],
      })
      const { data: options } = await guest.get(`/store/shipping-options?cart_id=${data.cart.id}`)
      const standard = options.shipping_options.find((o: any) => o.service_zone?.fulfillment_set?.type !== "pickup")
      await guest.post(`/store/carts/${data.cart.id}/shipping-methods`, { option_id: standard.id })
      const placed = await completeCart(guest, data.cart.id)
      expect(placed.status).toBe(200)
      return placed.data.order
    }

    it("emails the guest order's address the accept link; its token adds the order to the account", async () => {
      const order = await guestOrder("camille.old@example.com")
      const { token } = await loginCustomer(api, 0)
      const shop = storeClient(api, seed, "Web store", token)
      const sent = sentNotifications()
      const log = notificationLog(getContainer())
      const requested = await shop.post(`/store/orders/${order.id}/transfer/request`, {})
      expect(requested.status).toBe(200)

      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      // The stored copy loses token and link right after the send (the subscriber runs after the response).
      const [mail] = await waitFor(async () =>
        (await notifications.listNotifications({ resource_id: order.id, template: "order.transfer_requested" })).filter(
          (n: any) => n.data?.token === "[redacted]"
        )
      )
      expect(mail).toEqual(
        expect.objectContaining({ to: "camille.old@example.com", channel: "email", trigger_type: "order.transfer_requested" })
      )
      expect(mail.data).toEqual({
        order_id: order.id,
        order_display_id: order.display_id,
        requested_by_email: "camille.martin@example.com",
        token: "[redacted]",
        token_url: "[redacted]",
      })
      // The provider had them: the email to the order's address carries the link.
      const [message] = sent.to("order.transfer_requested", "camille.old@example.com")
      sent.restore()
      expect(message.data).toEqual(
        expect.objectContaining({
          order_id: order.id,
          order_display_id: order.display_id,
          requested_by_email: "camille.martin@example.com",
          token: expect.any(String),
        })
      )
      const transferToken = String(message.data!.token)
      expect(message.data!.token_url).toBe(`http://localhost:8000/orders/${order.id}/transfer/${transferToken}`)
      // Nowhere to read it back: not the notification table, not GET /admin/notifications, not the log.
      const { headers } = await adminHeaders(api)
      expect(await storedCodes(getContainer(), api, headers.authorization.replace("Bearer ", ""), [transferToken])).toEqual([])
      const lines = log.lines().filter((line) => line.includes("(order.transfer_requested)"))
      log.restore()
      expect(lines).toHaveLength(1)
      expect(lines[0]).not.toContain(transferToken)

      // A wrong token is refused; the emailed one moves the order to the account.
      const wrong = await shop.fail(shop.post(`/store/orders/${order.id}/transfer/accept`, { token: "not-the-token" }))
      expect(wrong.status).toBeGreaterThanOrEqual(400)
      const accepted = await shop.post(`/store/orders/${order.id}/transfer/accept`, { token: transferToken })
      expect(accepted.status).toBe(200)
      const { data: history } = await shop.get("/store/customers/me/history?limit=50")
      expect(history.orders.map((o: any) => o.id)).toContain(order.id)
    })

    it("sends nothing for a request Medusa refuses (an order already the shopper's)", async () => {
      const { token, email } = await loginCustomer(api, 1)
      const order = await guestOrder(email)
      const shop = storeClient(api, seed, "Web store", token)
      const refused = await shop.fail(shop.post(`/store/orders/${order.id}/transfer/request`, {}))
      expect(refused.status).toBe(400)
      await new Promise((r) => setTimeout(r, 1000))
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      expect(await notifications.listNotifications({ resource_id: order.id, template: "order.transfer_requested" })).toEqual([])
    })
  },
})
