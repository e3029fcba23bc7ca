import { useState, type FormEvent } from "react"
import type { StaffPickup } from "../../src/client"
import { problem, staff } from "./api"
import { canScan, Scanner } from "./Scanner"
import { ErrorLine } from "./ui"

/** The pickup code, typed or scanned from the shopper's QR: finds the store's pickup, verified for hand-over. */
export function Verify({ store, onVerified }: { store: string; onVerified: (pickup: StaffPickup, code: string) => void }) {
  const [code, setCode] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [scanning, setScanning] = useState(false)

  const verify = async (value: string) => {
    setError(null)
    try {
      const { pickup } = await staff.pickups.verify({ location_id: store, code: value })
      setCode("")
      onVerified(pickup, value)
    } catch (err) {
      setError(problem(err))
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void verify(code)
  }

  return (
    <>
      <form id="verify" className="card verify" onSubmit={submit}>
        <label htmlFor="code">Pickup code</label>
        <div className="row">
          <input
            id="code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="Type or scan"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="primary">
            Find
          </button>
          <button type="button" id="scan" hidden={!canScan()} onClick={() => setScanning(true)}>
            Scan QR
          </button>
        </div>
        <ErrorLine id="verify-error" error={error} />
      </form>
      {scanning && (
        <Scanner
          onCode={(value) => {
            setScanning(false)
            void verify(value)
          }}
          onFail={(message) => {
            setScanning(false)
            setError(`Camera not available: ${message}`)
          }}
          onStop={() => setScanning(false)}
        />
      )}
    </>
  )
}
