import { useEffect, useRef, useState, type FormEvent } from "react"
import type { StaffPickup } from "../../src/client"
import { problem, staff } from "./api"
import { ErrorLine } from "./ui"

const canScan = () => "BarcodeDetector" in window && !!navigator.mediaDevices?.getUserMedia

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

/** The back camera, full screen, read four times a second until a QR code shows; the camera stops on leaving. */
function Scanner({ onCode, onFail, onStop }: { onCode: (code: string) => void; onFail: (message: string) => void; onStop: () => void }) {
  const video = useRef<HTMLVideoElement>(null)
  const handlers = useRef({ onCode, onFail })
  handlers.current = { onCode, onFail }

  useEffect(() => {
    let stream: MediaStream | null = null
    let timer: ReturnType<typeof setInterval> | undefined
    let stopped = false
    const detector = new BarcodeDetector({ formats: ["qr_code"] })
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" } })
      .then((s) => {
        stream = s
        const v = video.current
        if (stopped || !v) return s.getTracks().forEach((t) => t.stop())
        v.srcObject = s
        void v.play()
        timer = setInterval(() => {
          detector
            .detect(v)
            .then((codes) => {
              if (codes.length && !stopped) handlers.current.onCode(codes[0].rawValue)
            })
            .catch(() => {})
        }, 250)
      })
      .catch((err: Error) => handlers.current.onFail(err.message))
    return () => {
      stopped = true
      clearInterval(timer)
      stream?.getTracks().forEach((t) => t.stop())
      if (video.current) video.current.srcObject = null
    }
  }, [])

  return (
    <div id="scanner" className="scanner">
      <video id="video" ref={video} playsInline muted />
      <button type="button" id="scan-stop" onClick={onStop}>
        Stop scanning
      </button>
    </div>
  )
}
