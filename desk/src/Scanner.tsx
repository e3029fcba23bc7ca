import { useEffect, useRef } from "react"

/** The camera can read codes here: BarcodeDetector (Chrome on Android, ChromeOS, macOS) and a camera. */
export const canScan = () => "BarcodeDetector" in window && !!navigator.mediaDevices?.getUserMedia

/** A shopper's QR (pickup code, member card, receipt). */
export const QR = ["qr_code"]
/** What a product's label carries, and a QR. */
export const PRODUCT_CODES = ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "qr_code"]

function detector(formats: string[]) {
  try {
    return new BarcodeDetector({ formats })
  } catch {
    // A device that lacks one of the formats refuses the list: let it read what it can.
    return new BarcodeDetector()
  }
}

type Props = { formats?: string[]; onCode: (code: string) => void; onFail: (message: string) => void; onStop: () => void }

/** The back camera, full screen, read four times a second until a code shows; the camera stops on leaving. */
export function Scanner({ formats = QR, onCode, onFail, onStop }: Props) {
  const video = useRef<HTMLVideoElement>(null)
  const handlers = useRef({ onCode, onFail })
  handlers.current = { onCode, onFail }
  const kinds = formats.join(",")

  useEffect(() => {
    let stream: MediaStream | null = null
    let timer: ReturnType<typeof setInterval> | undefined
    let stopped = false
    const reader = detector(kinds.split(","))
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" } })
      .then((s) => {
        stream = s
        const v = video.current
        if (stopped || !v) return s.getTracks().forEach((t) => t.stop())
        v.srcObject = s
        void v.play()
        timer = setInterval(() => {
          reader
            .detect(v)
            .then((codes) => {
              if (codes.length && !stopped) {
                stopped = true // one code per scan
                handlers.current.onCode(codes[0].rawValue)
              }
            })
            .catch(() => {})
        }, 250)
      })
      .catch((err: Error) => handlers.current.onFail(err.message))
    const shown = video.current
    return () => {
      stopped = true
      clearInterval(timer)
      stream?.getTracks().forEach((t) => t.stop())
      if (shown) shown.srcObject = null
    }
  }, [kinds])

  return (
    <div id="scanner" className="scanner">
      <video id="video" ref={video} playsInline muted />
      <button type="button" id="scan-stop" onClick={onStop}>
        Stop scanning
      </button>
    </div>
  )
}
