import { useState, type FormEvent } from "react"
import type { StaffTillItem } from "../../src/client"
import { problem, staff } from "./api"
import { canScan, PRODUCT_CODES, Scanner } from "./Scanner"
import { itemName, plain, stockWords } from "./till"
import { ErrorLine } from "./ui"
import { money } from "./words"

type Props = { store: string; onAdd: (item: StaffTillItem) => void }

/**
 * Finding items at the till: a code (typed, or from a scanner that types it
 * and presses Enter, or read by the camera) adds its item at once; words of
 * the name list the matches to choose from.
 */
export function ItemFinder({ store, onAdd }: Props) {
  const [code, setCode] = useState("")
  const [words, setWords] = useState("")
  const [found, setFound] = useState<StaffTillItem[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [scanning, setScanning] = useState(false)

  const lookUp = async (value: string) => {
    setError(null)
    try {
      const { items } = await staff.products({ location_id: store, q: value.trim(), scan: true })
      setCode("")
      if (items.length === 1) onAdd(items[0])
      else setFound(items) // one code on several items: the staff member chooses
    } catch (err) {
      setError(problem(err))
    }
  }
  const scanSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (code.trim()) void lookUp(code)
  }
  const search = async (e: FormEvent) => {
    e.preventDefault()
    if (!words.trim()) return
    setError(null)
    try {
      setFound((await staff.products({ location_id: store, q: words.trim() })).items)
    } catch (err) {
      setError(problem(err))
    }
  }

  return (
    <div className="card">
      <form id="t-scan-form" onSubmit={scanSubmit}>
        <label htmlFor="t-code">Scan or type a barcode or SKU</label>
        <div className="row">
          <input id="t-code" autoComplete="off" spellCheck={false} inputMode="text" placeholder="Code" value={code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" className="primary">
            Add
          </button>
          <button type="button" id="t-scan" hidden={!canScan()} onClick={() => setScanning(true)}>
            Camera
          </button>
        </div>
      </form>
      <form id="t-search-form" onSubmit={search}>
        <label htmlFor="t-search">Or search by name</label>
        <div className="row">
          <input id="t-search" type="search" autoComplete="off" placeholder="e.g. mug" value={words} onChange={(e) => setWords(e.target.value)} />
          <button type="submit">Search</button>
        </div>
      </form>
      <ErrorLine id="t-find-error" error={plain(error)} />
      {found && (
        <ul id="t-results" className="results">
          {!found.length && <li className="muted">Nothing by that name.</li>}
          {found.map((item) => (
            <li key={item.variant_id}>
              <button
                type="button"
                data-variant={item.variant_id}
                onClick={() => {
                  onAdd(item)
                  setFound(null)
                  setWords("")
                }}
              >
                <span className="name">{itemName(item)}</span>
                <span>{item.price === null ? "no price" : money(item.price, item.currency_code)}</span>
                <span className="muted small">{item.sku ?? ""}</span>
                <span className={`small ${item.in_store === 0 ? "short" : "muted"}`}>{stockWords(item)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {scanning && (
        <Scanner
          formats={PRODUCT_CODES}
          onCode={(value) => {
            setScanning(false)
            void lookUp(value)
          }}
          onFail={(message) => {
            setScanning(false)
            setError(`Camera not available: ${message}`)
          }}
          onStop={() => setScanning(false)}
        />
      )}
    </div>
  )
}
