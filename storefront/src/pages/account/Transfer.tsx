import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { useShop } from "../../shop"
import { errorText, FieldError, isOffline, OFFLINE_TEXT } from "../../ui"

/** Claims a guest order for the signed-in account: Medusa's order transfer, asked and then accepted with the emailed code. */
export function ClaimOrder() {
  const { sdk } = useShop()
  const [orderId, setOrderId] = useState("")
  const [token, setToken] = useState("")
  const [step, setStep] = useState<"ask" | "token" | "done">("ask")
  const [error, setError] = useState<string | null>(null)
  const request = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    if (isOffline()) return setError(OFFLINE_TEXT)
    try {
      await sdk.store.order.requestTransfer(orderId.trim(), { description: "Claimed from my account" })
      setStep("token")
    } catch (err) {
      setError((err as any)?.status === 404 ? "No order with that number." : errorText(err))
    }
  }
  const accept = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    if (isOffline()) return setError(OFFLINE_TEXT)
    try {
      await sdk.store.order.acceptTransfer(orderId.trim(), { token: token.trim() })
      setStep("done")
    } catch (err) {
      setError(errorText(err))
    }
  }
  return (
    <details className="card">
      <summary>Add an order you placed as a guest</summary>
      <p className="hint">We email the address on that order a code to confirm it's yours (Medusa's order transfer).</p>
      {step === "ask" && (
        <form className="row end" onSubmit={request}>
          <label className="field">
            Order reference (order_…)
            <input value={orderId} onChange={(e) => setOrderId(e.target.value)} required />
          </label>
          <button>Send me a code</button>
        </form>
      )}
      {step === "token" && <p role="status">We've emailed the address on that order: open the link in it, or type its code here.</p>}
      {step === "token" && (
        <form className="row end" onSubmit={accept}>
          <label className="field">
            Code from the email
            <input value={token} onChange={(e) => setToken(e.target.value)} required />
          </label>
          <button>Add to my account</button>
        </form>
      )}
      {step === "done" && <p role="status">Done: the order is in your history now.</p>}
      <FieldError>{error}</FieldError>
    </details>
  )
}

/**
 * The link of the order-transfer email, opened by whoever reads that address:
 * Medusa moves the order to the account that asked, so the page asks whether
 * that was them, and lets them decline (no login needed: the token is the proof).
 */
export function AcceptTransferPage() {
  const { id, token } = useParams()
  const { sdk } = useShop()
  const [state, setState] = useState<"ask" | "accepted" | "declined">("ask")
  const [error, setError] = useState<string | null>(null)
  const answer = async (accept: boolean) => {
    setError(null)
    try {
      if (accept) await sdk.store.order.acceptTransfer(id!, { token: token! })
      else await sdk.store.order.declineTransfer(id!, { token: token! })
      setState(accept ? "accepted" : "declined")
    } catch (e) {
      setError(errorText(e))
    }
  }
  return (
    <section className="page narrow">
      <h1>Add an order to an account</h1>
      {state === "ask" && (
        <div className="card">
          <p>
            An account of our shop asked to add this order to its order history; the email we sent says which account.
            Say yes only if that account is yours.
          </p>
          <div className="row">
            <button className="primary" onClick={() => answer(true)}>
              Yes, add it to my account
            </button>
            <button onClick={() => answer(false)}>No, that wasn't me</button>
          </div>
          <FieldError>{error}</FieldError>
        </div>
      )}
      {state === "accepted" && (
        <p role="status" className="notice">
          Done: the order is in <Link to="/account">your history</Link> now.
        </p>
      )}
      {state === "declined" && (
        <p role="status" className="notice">
          Declined: the order stays where it was.
        </p>
      )}
    </section>
  )
}
