import { useState } from "react"
import { problem } from "./api"

/** A status chip: the class is the API's value (colours in desk.css), the text the shared word. */
export function Badge({ status, label }: { status: string; label: string }) {
  return <span className={`badge ${status}`}>{label}</span>
}

export function Timeline({ entries }: { entries: { key: string; text: string }[] }) {
  return (
    <div className="card">
      <h2>Timeline</h2>
      <ul className="timeline">
        {entries.map((e) => (
          <li key={e.key}>{e.text}</li>
        ))}
      </ul>
    </div>
  )
}

/** The error line under a form: the element stays (hidden) so a test or a screen reader finds it. */
export function ErrorLine({ id, error }: { id: string; error: string | null }) {
  return (
    <p id={id} className="error" role="alert" hidden={!error}>
      {error ?? ""}
    </p>
  )
}

/**
 * An action that calls the API: `busy` while it runs (the buttons disable),
 * its error in the desk's words when it fails.
 */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (call: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await call()
    } catch (err) {
      setError(problem(err))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, run }
}

/** A confirm-or-go-back pair under a form (ids `<prefix>-confirm` and `<prefix>-back`). */
export function ConfirmOrBack(props: { prefix: string; label: string; tone: "primary" | "danger"; busy: boolean; onConfirm: () => void; onBack: () => void }) {
  return (
    <div className="actions">
      <button type="button" id={`${props.prefix}-confirm`} className={props.tone} disabled={props.busy} onClick={props.onConfirm}>
        {props.label}
      </button>
      <button type="button" id={`${props.prefix}-back`} onClick={props.onBack}>
        Back
      </button>
    </div>
  )
}
