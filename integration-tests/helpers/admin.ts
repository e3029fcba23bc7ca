import people from "../../data/customers.json"

/** Logs the seeded admin in through Medusa's auth route; returns request headers. */
export async function adminHeaders(api: any) {
  const { data } = await api.post("/auth/user/emailpass", {
    email: people.admin.email,
    password: people.admin.password,
  })
  return { headers: { authorization: `Bearer ${data.token}` } }
}
