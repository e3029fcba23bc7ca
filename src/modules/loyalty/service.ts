import type { Context, InferTypeOf } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import crypto from "node:crypto"
import { moduleSql } from "../../shared/module-sql"
import { pgArray } from "../../shared/pg-array"
import { remainingByLot } from "./lots"
import { LoyaltyAccount } from "./models/loyalty-account"
import { LoyaltyEntry } from "./models/loyalty-entry"
import { LoyaltyProgram } from "./models/loyalty-program"
import { DEFAULT_PROGRAM, LoyaltyEntryType, type LedgerOverdraft, type LoyaltyProgramSettings } from "./types"

export type NewEntry = {
  account_id: string
  type: LoyaltyEntryType
  points: number
  idempotency_key: string
  available_at?: Date
  expires_at?: Date | null
  channel_id?: string | null
  order_id?: string | null
  reference?: string | null
  amount?: number | null
  currency_code?: string | null
  metadata?: Record<string, unknown> | null
}

export type Balance = { available: number; pending: number }
type PointsResult = { points: number; metadata?: Record<string, unknown> }
export type LoyaltyEntryRow = InferTypeOf<typeof LoyaltyEntry>

const PROGRAM_FIELDS = Object.keys(DEFAULT_PROGRAM) as (keyof LoyaltyProgramSettings)[]

class LoyaltyModuleService extends MedusaService({ LoyaltyProgram, LoyaltyAccount, LoyaltyEntry }) {
  /** The program's settings; the defaults until a merchant saves their own. */
  async getProgramSettings(): Promise<LoyaltyProgramSettings & { id: string | null }> {
    const [program] = await this.listLoyaltyPrograms({}, { take: 1, order: { created_at: "ASC" } })
    if (!program) return { id: null, ...DEFAULT_PROGRAM }
    const settings = Object.fromEntries(PROGRAM_FIELDS.map((k) => [k, program[k] ?? DEFAULT_PROGRAM[k]]))
    return { id: program.id, ...(settings as LoyaltyProgramSettings) }
  }

  /** The customer's account, created on first use with a fresh member code. */
  async ensureAccount(customerId: string) {
    const [existing] = await this.listLoyaltyAccounts({ customer_id: customerId })
    if (existing) return { account: existing, created: false }
    try {
      const account = await this.createLoyaltyAccounts({ customer_id: customerId, member_code: newMemberCode() })
      return { account, created: true }
    } catch (e) {
      // Created meanwhile by a concurrent request (unique customer_id).
      const [account] = await this.listLoyaltyAccounts({ customer_id: customerId })
      if (account) return { account, created: false }
      throw e
    }
  }

  /** Available and pending points of accounts at `now`: sums over the ledger, one query. */
  @InjectManager()
  async balances(accountIds: string[], now = new Date(), @MedusaContext() sharedContext: Context = {}) {
    const result = new Map<string, Balance>(accountIds.map((id) => [id, { available: 0, pending: 0 }]))
    if (!accountIds.length) return result
    // Inside appendEntry's transaction, read through it: a second pool
    // connection per waiting debit would starve the pool under contention.
    const rows = await moduleSql(sharedContext).execute<{ account_id: string; available: number; pending: number }>(
      `select account_id,
              coalesce(sum(points) filter (where available_at <= ?), 0)::bigint as available,
              coalesce(sum(points) filter (where available_at > ?), 0)::bigint as pending
         from loyalty_entry
        where account_id = any(?::text[]) and deleted_at is null
        group by account_id`,
      [now, now, pgArray(accountIds)]
    )
    for (const r of rows) result.set(r.account_id, { available: Number(r.available), pending: Number(r.pending) })
    return result
  }

  /**
   * What counts towards a tier: the points (or eligible spend) of the
   * account's earns since `since`, each less the share reversed from it. One
   * aggregate query, so reading it is cheap however long the ledger.
   */
  @InjectManager()
  async tierProgress(
    accountId: string,
    since: Date,
    basis: "points" | "spend",
    @MedusaContext() sharedContext: Context = {}
  ) {
    const [row] = await moduleSql(sharedContext).execute<{ value: number }>(
      `select coalesce(sum(${basis === "spend" ? "coalesce(e.amount, 0)" : "e.points"}
                 * greatest(0, 1 - coalesce(r.reversed, 0)::float8 / e.points)), 0)::float8 as value
         from loyalty_entry e
         left join (select reference, -sum(points) as reversed
                      from loyalty_entry
                     where account_id = ? and type = 'reverse' and deleted_at is null
                     group by reference) r on r.reference = e.id
        where e.account_id = ? and e.type = 'earn' and e.points > 0 and e.created_at >= ? and e.deleted_at is null`,
      [accountId, accountId, since]
    )
    return Math.floor(Number(row?.value ?? 0))
  }

  /**
   * Earn lots past their expires_at that have no `expire` entry yet, oldest
   * first per account (at most `limit`).
   */
  @InjectManager()
  async listExpiredLots(now: Date, limit = 5000, @MedusaContext() sharedContext: Context = {}) {
    const rows = await moduleSql(sharedContext).execute<{ account_id: string; id: string }>(
      `select e.account_id, e.id from loyalty_entry e
        where e.type = 'earn' and e.expires_at <= ? and e.deleted_at is null
          and not exists (select 1 from loyalty_entry x where x.idempotency_key = 'expire:' || e.id)
        order by e.account_id, e.expires_at
        limit ?`,
      [now, limit]
    )
    return rows.map((r) => ({ account_id: r.account_id, lot_id: r.id }))
  }

  async balance(accountId: string, now = new Date()) {
    return (await this.balances([accountId], now)).get(accountId)!
  }

  /**
   * Appends one entry under the account's row lock (SELECT … FOR UPDATE), so
   * every change to an account's points is serialised across instances:
   * - an entry whose idempotency key exists is not written again (returns the
   *   existing one, `created: false`);
   * - `points` may be a function of the locked balance and ledger (reversals
   *   and expiries compute what is left);
   * - any entry that takes the available balance below zero is a 409, unless
   *   it names why it may (`overdraft`, see LedgerOverdraft); an entry
   *   available later (a pending earn's reversal) changes only the pending
   *   balance;
   * - a closed account takes no redemption and no negative adjustment.
   */
  @InjectTransactionManager()
  async appendEntry(
    data: Omit<NewEntry, "points"> & {
      points:
        | number
        | ((ctx: {
            balance: Balance
            ledger: () => Promise<LoyaltyEntryRow[]>
            entries: (filters: Record<string, unknown>) => Promise<LoyaltyEntryRow[]>
          }) => PointsResult | Promise<PointsResult>)
      /** the named reason this entry may take the available balance below zero */
      overdraft?: LedgerOverdraft
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const [account] = await moduleSql(sharedContext).execute<{ id: string; status: string }>(
      `select id, status from loyalty_account where id = ? and deleted_at is null for update`,
      [data.account_id]
    )
    if (!account) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Loyalty account ${data.account_id} was not found`)
    }
    const [existing] = await this.listLoyaltyEntries({ idempotency_key: data.idempotency_key }, {}, sharedContext)
    if (existing) return { entry: existing, created: false }

    const now = new Date()
    const balance = (await this.balances([data.account_id], now, sharedContext)).get(data.account_id)!
    // Read inside the locked transaction: the whole ledger (FIFO lots), or some of it.
    const entries = (filters: Record<string, unknown>) =>
      this.listLoyaltyEntries({ ...filters, account_id: data.account_id }, { take: null }, sharedContext)
    const ledger = () => entries({})
    let points: number
    let metadata = data.metadata ?? null
    if (typeof data.points === "function") {
      const computed = await data.points({ balance, ledger, entries })
      points = computed.points
      metadata = { ...(metadata ?? {}), ...(computed.metadata ?? {}) }
    } else {
      points = data.points
    }
    const spends = data.type === LoyaltyEntryType.REDEEM || (data.type === LoyaltyEntryType.ADJUST && points < 0)
    if (spends && account.status !== "active") {
      throw new MedusaError(MedusaError.Types.CONFLICT, "This loyalty account is closed")
    }
    // Every entry, whoever writes it: the available balance never goes below zero by accident.
    const availableLater = !!data.available_at && new Date(data.available_at).getTime() > now.getTime()
    if (points < 0 && !availableLater && -points > balance.available && !data.overdraft) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Not enough points: ${-points} requested, ${balance.available} available`
      )
    }
    const { overdraft, points: _p, ...rest } = data
    if (overdraft) metadata = { ...(metadata ?? {}), overdraft }
    const entry = await this.createLoyaltyEntries(
      { ...rest, points, metadata, available_at: data.available_at ?? now },
      sharedContext
    )
    return { entry, created: true }
  }

  /** What is left of each earned lot of an account (for expiry and reversals). */
  async lots(accountId: string) {
    const entries = await this.listLoyaltyEntries({ account_id: accountId }, { take: null })
    return remainingByLot(entries)
  }
}

/**
 * No 0/O, 1/I/L: a member code is read aloud and typed at a till. The same
 * characters as pickup codes, so codes issued before the module had its own
 * constant stay valid; the loyalty module doesn't depend on the pickup one.
 */
export const MEMBER_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

/** "M" + 9 characters from MEMBER_CODE_ALPHABET. */
export function newMemberCode() {
  // Rejection sampling keeps every character equally likely (256 % 31 ≠ 0).
  const limit = 256 - (256 % MEMBER_CODE_ALPHABET.length)
  let code = "M"
  while (code.length < 10) {
    for (const byte of crypto.randomBytes(16)) {
      if (byte < limit && code.length < 10) code += MEMBER_CODE_ALPHABET[byte % MEMBER_CODE_ALPHABET.length]
    }
  }
  return code
}

export default LoyaltyModuleService
