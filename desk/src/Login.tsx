import { useState, type FormEvent } from "react"
import { DeskError, problem, session, staff } from "./api"

/** Staff log in: Medusa's emailpass for the `staff` actor type; the token is kept for the tab. */
export function Login({ onLoggedIn }: { onLoggedIn: () => Promise<void> }) {
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    setBusy(true)
    try {
      const { token } = await staff.login({ email: email.trim(), password })
      if (!token) throw new Error("Log in failed")
      session.set(token)
      setPassword("")
      await onLoggedIn()
    } catch (err) {
      setError(err instanceof DeskError && err.status === 401 ? "Wrong email or password." : problem(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section id="login-view">
      <form id="login" className="card narrow" autoComplete="on" onSubmit={submit}>
        <h1>Staff log in</h1>
        <label>
          Email{" "}
          <input id="email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password{" "}
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <p id="login-error" className="error" role="alert" hidden={!error}>
          {error ?? ""}
        </p>
        <button type="submit" className="primary wide" disabled={busy}>
          Log in
        </button>
      </form>
    </section>
  )
}
