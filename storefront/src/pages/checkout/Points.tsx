import type { StoreCustomerLoyaltyResponse } from "medusa-plugin-omnichannel/client"
import { useEffect, useState } from "react"
import { useShop } from "../../shop"
import { FieldError, money } from "../../ui"
import type { Errors, Fail } from "./errors"

/** Pay part of the order with points: the member's balance, the program's terms, the amount on the cart. */
export function PointsChoice({ errors, fail, clearError, reload }: { errors: Errors; fail: Fail; clearError: () => void; reload: () => Promise<unknown> }) {
  const { omni, cart, customer, region } = useShop()
  const [loyalty, setLoyalty] = useState<StoreCustomerLoyaltyResponse["loyalty"] | null>(null)
  const [points, setPoints] = useState("")
  const [applied, setApplied] = useState<{ points: number; amount: number } | null>(null)
  const currency = cart?.currency_code ?? region?.currency_code ?? "eur"

  useEffect(() => {
    if (!customer) return setLoyalty(null)
    omni.customer.loyalty({ limit: 1 }).then(({ loyalty }) => setLoyalty(loyalty)).catch(() => setLoyalty(null))
  }, [omni, customer])

  const apply = async () => {
    clearError()
    const n = Number(points)
    if (!Number.isInteger(n) || n <= 0) return fail("points", new Error("Enter a whole number of points."))
    try {
      const { loyalty: result } = await omni.cart.applyPoints(cart.id, { points: n })
      setApplied({ points: n, amount: result.amount })
      await reload()
    } catch (e) {
      fail("points", e)
    }
  }
  const remove = async () => {
    try {
      await omni.cart.removePoints(cart.id)
      setApplied(null)
      setPoints("")
      await reload()
    } catch (e) {
      fail("points", e)
    }
  }

  if (!loyalty || !loyalty.redemption.enabled) return null
  const pointValue = loyalty.redemption.point_values[currency] ?? null
  return (
    <fieldset className="card points">
      <legend>Pay with points</legend>
      <p>
        You have <strong data-testid="points-available">{loyalty.available.toLocaleString("en-GB")}</strong> points
        {pointValue != null && <> (worth {money(loyalty.available * pointValue, currency)})</>}
        {loyalty.pending > 0 && <span className="muted"> · {loyalty.pending} pending</span>}.
      </p>
      <p className="hint">
        {pointValue != null && <>1 point = {money(pointValue, currency)}. </>}
        At least {loyalty.redemption.min_points} points, up to {Math.round(loyalty.redemption.max_share * 100)} % of the order.
      </p>
      {applied || Number(cart.credit_line_total) > 0 ? (
        <p role="status">
          {applied ? `${applied.points} points pay ${money(applied.amount, currency)}.` : `Points pay ${money(cart.credit_line_total, currency)}.`}{" "}
          <button type="button" className="link" onClick={remove}>
            Remove
          </button>
        </p>
      ) : (
        <div className="row end">
          <label className="field">
            Points to use
            <input inputMode="numeric" value={points} onChange={(e) => setPoints(e.target.value.replace(/\D/g, ""))} aria-describedby="points-error" />
          </label>
          <button type="button" onClick={apply}>
            Use points
          </button>
        </div>
      )}
      <FieldError id="points-error">{errors.points}</FieldError>
    </fieldset>
  )
}
