import { useState } from "react"
import { useShop } from "../../shop"
import { errorText, FieldError, isOffline, OFFLINE_TEXT } from "../../ui"

/** Log in, or create an account: one form, two tabs. */
export function LoginForms() {
  const { login, register } = useShop()
  const [tab, setTab] = useState<"login" | "register">("login")
  const [form, setForm] = useState({ email: "", password: "", first_name: "", last_name: "" })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    if (isOffline()) return setError(OFFLINE_TEXT)
    setBusy(true)
    try {
      if (tab === "login") await login(form.email.trim(), form.password)
      else await register({ ...form, email: form.email.trim() })
    } catch (err) {
      setError((err as any)?.status === 401 ? "That email and password don't match an account." : errorText(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="page narrow">
      <h1>{tab === "login" ? "Log in" : "Create an account"}</h1>
      <p className="lead">One account for the web shop, the app and the tills: one order history, one points balance.</p>
      <form className="card" onSubmit={submit}>
        {tab === "register" && (
          <div className="row">
            <label className="field">
              First name
              <input required value={form.first_name} onChange={(e) => setForm({ ...form, first_name: e.target.value })} />
            </label>
            <label className="field">
              Last name
              <input required value={form.last_name} onChange={(e) => setForm({ ...form, last_name: e.target.value })} />
            </label>
          </div>
        )}
        <label className="field">
          Email
          <input type="email" required autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </label>
        <label className="field">
          Password
          <input type="password" required autoComplete={tab === "login" ? "current-password" : "new-password"} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
        </label>
        <FieldError>{error}</FieldError>
        <button className="primary wide" disabled={busy}>
          {tab === "login" ? "Log in" : "Create account"}
        </button>
        <p>
          {tab === "login" ? "New here? " : "Have an account? "}
          <button type="button" className="link" onClick={() => (setTab(tab === "login" ? "register" : "login"), setError(null))}>
            {tab === "login" ? "Create an account" : "Log in"}
          </button>
        </p>
      </form>
    </section>
  )
}
