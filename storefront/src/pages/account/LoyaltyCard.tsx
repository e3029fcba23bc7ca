import type { StoreCustomerLoyaltyResponse } from "medusa-plugin-omnichannel/client"
import { shortDate } from "../../ui"

const ENTRY_LABEL: Record<string, string> = { earn: "Earned", redeem: "Spent", reverse: "Taken back", expire: "Expired", adjust: "Adjusted", restore: "Given back" }

/** The member card (balance, tier, the code for the till) beside the points history. */
export function LoyaltyCard({ loyalty }: { loyalty: StoreCustomerLoyaltyResponse["loyalty"] }) {
  return (
    <div className="account-grid">
      <div className="card member-card" aria-label="Member card">
        <p className="muted">Lumière member card</p>
        <p className="balance">
          <strong data-testid="points-balance">{loyalty.available.toLocaleString("en-GB")}</strong> points
        </p>
        {loyalty.pending > 0 && <p className="muted">+ {loyalty.pending.toLocaleString("en-GB")} pending (available once the return period is over)</p>}
        <p>
          Tier: <strong>{loyalty.tier ?? "Member"}</strong>
          {loyalty.next_tier && (
            <>
              {" "}
              · {loyalty.next_tier.remaining.toLocaleString("en-GB")} {loyalty.tier_basis === "spend" ? "spent" : "points"} to {loyalty.next_tier.name}
            </>
          )}
        </p>
        {loyalty.next_tier && (
          <progress max={loyalty.next_tier.threshold} value={loyalty.tier_progress} aria-label={`Progress to ${loyalty.next_tier.name}`} />
        )}
        {loyalty.member_qr && <img src={loyalty.member_qr} alt="Member code as a QR code, to scan at the till" width={150} height={150} />}
        <p className="code small" data-testid="member-code">{loyalty.member_code}</p>
        <p className="hint">Show this at the till to collect points on in-store purchases.</p>
      </div>
      <div className="card">
        <h2>Points history</h2>
        <table className="ledger">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What</th>
              <th scope="col" className="num">Points</th>
            </tr>
          </thead>
          <tbody>
            {loyalty.entries.map((e) => (
              <tr key={e.id}>
                <td>{shortDate(e.created_at)}</td>
                <td>
                  {ENTRY_LABEL[e.type] ?? e.type}
                  {e.status === "pending" && <span className="muted"> (pending)</span>}
                  {(e.metadata as any)?.reason && <span className="muted"> · {String((e.metadata as any).reason)}</span>}
                </td>
                <td className="num">{e.points > 0 ? `+${e.points}` : e.points}</td>
              </tr>
            ))}
            {!loyalty.entries.length && (
              <tr>
                <td colSpan={3}>No points yet: every order on any channel earns them.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  )
}
