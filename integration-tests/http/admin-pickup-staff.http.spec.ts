import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import people from "../../data/customers.json"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, loginStaff } from "../helpers/desk"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let admin: ReturnType<typeof bearerClient>

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
    })
    beforeEach(async () => {
      const { headers } = await adminHeaders(api)
      admin = bearerClient(api, headers.authorization.replace("Bearer ", ""))
    })

    const login = (email: string, password: string) =>
      admin.fail(api.post("/auth/staff/emailpass", { email, password }))

    it("creates a staff member who logs in as `staff` and sees their stores", async () => {
      const created = await admin.post("/admin/pickup-staff", {
        email: "Zoe.Blanc@Example.com",
        password: "counter-2026",
        first_name: "Zoé",
        last_name: "Blanc",
        location_ids: [seed.locations["vaise"]],
      })
      expect(created.status).toBe(201)
      expect(created.data.staff).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^stf_/),
          email: "zoe.blanc@example.com",
          is_active: true,
          stores: [{ id: seed.locations["vaise"], name: "Lyon Vaise" }],
        })
      )
      expect(JSON.stringify(created.data)).not.toContain("counter-2026")

      const { status, data } = await login("zoe.blanc@example.com", "counter-2026")
      expect(status).toBe(200)
      const desk = bearerClient(api, data.token)
      const { data: me } = await desk.get("/staff/me")
      expect(me.staff).toEqual(
        expect.objectContaining({ id: created.data.staff.id, first_name: "Zoé", stores: [expect.objectContaining({ name: "Lyon Vaise" })] })
      )
      expect((await login("zoe.blanc@example.com", "wrong-password")).status).toBe(401)

      // Assign stores: replaces the list, and the desk scope follows at once.
      const assigned = await admin.post(`/admin/pickup-staff/${created.data.staff.id}/stores`, {
        location_ids: [seed.locations["bellecour"], seed.locations["part-dieu"], seed.locations["bellecour"]],
      })
      expect(assigned.data.staff.stores.map((s: any) => s.name).sort()).toEqual(["Lyon Bellecour", "Lyon Part-Dieu"])
      const { data: me2 } = await desk.get("/staff/me")
      expect(me2.staff.stores.map((s: any) => s.name)).toEqual(["Lyon Bellecour", "Lyon Part-Dieu"])
      expect((await desk.fail(desk.get(`/staff/pickups?location_id=${seed.locations["vaise"]}`))).status).toBe(404)

      // List, search, filter by store.
      const { data: list } = await admin.get("/admin/pickup-staff?limit=50")
      expect(list.count).toBe(people.staff.length + 1)
      expect((await admin.get("/admin/pickup-staff?q=blanc")).data.staff.map((s: any) => s.email)).toEqual(["zoe.blanc@example.com"])
      const atPartDieu = await admin.get(`/admin/pickup-staff?location_id=${seed.locations["part-dieu"]}`)
      expect(atPartDieu.data.staff.map((s: any) => s.last_name).sort()).toEqual(["Blanc", "Roux"])
    })

    it("refuses bad input with 400 naming the field, unknown stores with 404, and taken emails with 409", async () => {
      const base = { email: "new.staff@example.com", password: "long-enough", first_name: "New", last_name: "Staff" }
      const cases: [any, number, string][] = [
        [{ ...base, email: "not-an-email" }, 400, "email"],
        [{ ...base, password: "short" }, 400, "password"],
        [{ ...base, first_name: "" }, 400, "first_name"],
        [{ ...base, location_ids: "all" }, 400, "location_ids"],
        [{ ...base, role: "admin" }, 400, "role"],
        [{ ...base, location_ids: ["sloc_nope"] }, 404, "sloc_nope"],
        [{ ...base, email: people.staff[0].email }, 409, "already"],
        // The admin's and a customer's email already log someone in.
        [{ ...base, email: people.admin.email }, 409, "already has a login"],
        [{ ...base, email: people.customers[0].email }, 409, "already has a login"],
      ]
      for (const [body, status, text] of cases) {
        const res = await admin.fail(admin.post("/admin/pickup-staff", body))
        expect([body, res.status]).toEqual([body, status])
        expect(res.data.message).toContain(text)
      }
      // Nothing was created, and the admin can still log in with their own password.
      expect((await admin.get("/admin/pickup-staff")).data.count).toBe(people.staff.length)
      expect((await api.post("/auth/user/emailpass", { email: people.admin.email, password: people.admin.password })).status).toBe(200)
      const unknown = await admin.fail(admin.post("/admin/pickup-staff/stf_nope/stores", { location_ids: [] }))
      expect(unknown.status).toBe(404)
      expect((await admin.fail(admin.get("/admin/pickup-staff/stf_nope"))).status).toBe(404)
      expect((await admin.fail(admin.delete("/admin/pickup-staff/stf_nope"))).status).toBe(404)
    })

    it("deactivation, a password reset and deletion end a member's tokens for good (refresh included); removal from a store ends that store", async () => {
      const token = await loginStaff(api, 1)
      const desk = bearerClient(api, token)
      const { data: me } = await desk.get("/staff/me")
      const id = me.staff.id
      const refresh = (t: string) => bearerClient(api, t).fail(bearerClient(api, t).post("/auth/token/refresh"))
      expect((await refresh(token)).status).toBe(200)

      // Deactivated: the token is dead, and stays dead once they are active again.
      await admin.post(`/admin/pickup-staff/${id}`, { is_active: false })
      expect((await desk.fail(desk.get("/staff/me"))).status).toBe(401)
      await admin.post(`/admin/pickup-staff/${id}`, { is_active: true })
      expect((await desk.fail(desk.get("/staff/me"))).status).toBe(401)
      expect((await refresh(token)).status).toBe(401)
      // A new login works.
      const second = (await login(people.staff[1].email, people.staff[1].password)).data.token
      const desk2 = bearerClient(api, second)
      expect((await desk2.get("/staff/me")).status).toBe(200)
      const refreshed = (await refresh(second)).data.token
      expect((await bearerClient(api, refreshed).get("/staff/me")).status).toBe(200)

      // Taken off a store: that store's queue is a 404 for their token at once.
      const [store, ...rest] = me.staff.stores.map((s: any) => s.id)
      expect((await desk2.get(`/staff/pickups?location_id=${store}`)).status).toBe(200)
      await admin.post(`/admin/pickup-staff/${id}/stores`, { location_ids: rest })
      expect((await desk2.fail(desk2.get(`/staff/pickups?location_id=${store}`))).status).toBe(404)
      await admin.post(`/admin/pickup-staff/${id}/stores`, { location_ids: [store, ...rest] })

      // A reset password: the old password and every earlier token stop working.
      const reset = await admin.post(`/admin/pickup-staff/${id}`, { password: "brand-new-pass", last_name: "Morel-Petit" })
      expect(reset.data.staff.last_name).toBe("Morel-Petit")
      expect((await desk2.fail(desk2.get("/staff/me"))).status).toBe(401)
      expect((await bearerClient(api, refreshed).fail(bearerClient(api, refreshed).get("/staff/me"))).status).toBe(401)
      expect((await refresh(refreshed)).status).toBe(401)
      expect((await login(people.staff[1].email, people.staff[1].password)).status).toBe(401)
      const third = await login(people.staff[1].email, "brand-new-pass")
      expect(third.status).toBe(200)
      expect((await bearerClient(api, third.data.token).get("/staff/me")).status).toBe(200)

      // Bearer only: a cookie session of a valid staff token opens nothing under /staff.
      const session = await api.post("/auth/session", {}, { headers: { authorization: `Bearer ${third.data.token}` } })
      const cookie = String(session.headers["set-cookie"]?.[0] ?? "").split(";")[0]
      expect(cookie).toMatch(/=/)
      const byCookie = await api.get("/staff/me", { headers: { cookie } }).catch((e: any) => e.response)
      expect(byCookie.status).toBe(401)

      const deleted = await admin.delete(`/admin/pickup-staff/${id}`)
      expect(deleted.data).toEqual({ id, object: "staff", deleted: true })
      expect((await bearerClient(api, third.data.token).fail(bearerClient(api, third.data.token).get("/staff/me"))).status).toBe(401)
      expect((await login(people.staff[1].email, "brand-new-pass")).status).toBe(401)
      expect((await admin.fail(admin.get(`/admin/pickup-staff/${id}`))).status).toBe(404)
      // The email is free again.
      const again = await admin.post("/admin/pickup-staff", {
        email: people.staff[1].email,
        password: "another-pass",
        first_name: "Nadia",
        last_name: "Morel",
      })
      expect(again.status).toBe(201)
      expect((await login(people.staff[1].email, "another-pass")).status).toBe(200)
    })

    it("is for admins only: staff, customer and anonymous requests get 401", async () => {
      const staff = bearerClient(api, await loginStaff(api, 0))
      const customer = bearerClient(api, (await api.post("/auth/customer/emailpass", people.customers[0])).data.token)
      for (const client of [staff, customer, bearerClient(api)]) {
        expect((await client.fail(client.get("/admin/pickup-staff"))).status).toBe(401)
        expect(
          (await client.fail(client.post("/admin/pickup-staff", { email: "x@example.com", password: "12345678", first_name: "x", last_name: "y" }))).status
        ).toBe(401)
      }
    })
  },
})
