import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { derivePickupCode, hashPickupCode } from "./code"
import { moduleSql } from "../../shared/module-sql"
import { pgArray } from "../../shared/pg-array"
import { PickupActivity } from "./models/pickup-activity"
import { PickupCodeAttempt } from "./models/pickup-code-attempt"
import { PickupOrder } from "./models/pickup-order"
import { PickupSelection } from "./models/pickup-selection"
import { PickupStore } from "./models/pickup-store"
import { parseOmnichannelOptions, type OmnichannelOptions, type OmnichannelPluginOptions } from "../../shared/plugin-options"
import type { CodeAttemptLimits, PickupStatus } from "./types"

export const DEFAULT_CODE_ATTEMPT_LIMITS: CodeAttemptLimits = {
  window_minutes: 15,
  per_staff: 5,
  per_store: 20,
  per_pickup: 5,
}

class PickupModuleService extends MedusaService({
  PickupStore,
  PickupSelection,
  PickupOrder,
  PickupActivity,
  PickupCodeAttempt,
}) {
  protected readonly codeSecret_: string
  /** Earlier secrets (option previousPickupCodeSecrets): their codes still work. */
  protected readonly previousCodeSecrets_: string[]
  readonly codeAttemptLimits: CodeAttemptLimits
  /** The plugin's options, validated (defaults filled in); read by the flows through this service. */
  readonly options: Omit<OmnichannelOptions, "pickupCodeSecret" | "previousPickupCodeSecrets">

  constructor(container: Record<string, unknown>, rawOptions: OmnichannelPluginOptions = {}) {
    // @ts-ignore MedusaService's constructor takes the same arguments
    super(...arguments)
    const { pickupCodeSecret, previousPickupCodeSecrets, ...options } = parseOmnichannelOptions(rawOptions)
    this.codeSecret_ = pickupCodeSecret
    this.previousCodeSecrets_ = previousPickupCodeSecrets
    this.options = options
    this.codeAttemptLimits = { ...DEFAULT_CODE_ATTEMPT_LIMITS, ...(options.codeAttempts ?? {}) }
  }

  /** Hold days of a ready pickup at a store: the store's own, else the plugin's default. */
  holdDaysFor(store: { hold_days?: number | null } | null | undefined): number {
    return store?.hold_days ?? this.options.defaultHoldDays
  }

  /**
   * Re-derives a pickup's code for its shopper (never stored): with the secret
   * it was issued under (the one whose hash of it is the record's), so a
   * rotated secret leaves issued codes as they were.
   */
  pickupCode(pickup: { id: string; code_nonce: string; code_hash?: string | null }): string {
    for (const secret of this.previousCodeSecrets_) {
      if (!pickup.code_hash) break
      const code = derivePickupCode(secret, pickup.id, pickup.code_nonce)
      if (hashPickupCode(secret, code) === pickup.code_hash) return code
    }
    return derivePickupCode(this.codeSecret_, pickup.id, pickup.code_nonce)
  }

  /** The hash a new pickup's code is stored as (current secret). */
  hashCode(code: string): string {
    return hashPickupCode(this.codeSecret_, code)
  }

  /** Every hash a typed code may be stored as: under the current secret and each previous one. */
  codeHashCandidates(code: string): string[] {
    return [this.codeSecret_, ...this.previousCodeSecrets_].map((secret) => hashPickupCode(secret, code))
  }

  /**
   * Moves a pickup to `to` (or only updates `data` when `to` is undefined) only if it is in one of `from`, with its row locked
   * (SELECT … FOR UPDATE): of two desks, or a desk and the expiry job, racing
   * on one pickup exactly one wins; the other gets a 409 naming the status.
   * The timeline entry (who did it), when given, is written in the same transaction: no
   * status change without its entry, and no entry for a change that failed.
   * Returns the pickup as it was before, for compensation, and the entry's id.
   */
  @InjectTransactionManager()
  async transitionPickup(
    id: string,
    from: PickupStatus[],
    to: PickupStatus | undefined,
    data: Record<string, unknown>,
    action: string,
    timeline?: { actor_type: string; actor_id: string | null; data?: Record<string, unknown> | null } | null,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const rows = await moduleSql(sharedContext).execute<{ id: string; status: PickupStatus }>(
      `select id, status from pickup_order where id = ? and deleted_at is null for update`,
      [id]
    )
    if (!rows.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pickup with id: ${id} was not found`)
    }
    const current = rows[0].status
    if (!from.includes(current)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Cannot ${action} pickup ${id}: its status is ${current} (allowed from ${from.join(", ")})`
      )
    }
    const [before] = await this.listPickupOrders({ id }, {}, sharedContext)
    const after = await this.updatePickupOrders({ id, ...(to ? { status: to } : {}), ...data }, sharedContext)
    const [activity] = timeline
      ? await this.createPickupActivities(
          [
            {
              pickup_id: id,
              // The new status, or the action when the status stays (arrived, …).
              action: to && to !== current ? to : action,
              actor_type: timeline.actor_type,
              actor_id: timeline.actor_id,
              data: timeline.data ?? null,
            },
          ],
          sharedContext
        )
      : [null]
    return { before, after, activity_id: (activity?.id as string | undefined) ?? null }
  }

  /**
   * Claims the expiry reminder of a ready pickup: true for exactly one caller,
   * however many job instances race for it.
   */
  @InjectTransactionManager()
  async claimExpiryReminder(id: string, at: Date, @MedusaContext() sharedContext: Context = {}) {
    const rows = await moduleSql(sharedContext).execute<{ id: string }>(
      `update pickup_order set reminder_sent_at = ?, updated_at = now()
        where id = ? and reminder_sent_at is null and status in ('ready', 'partially_ready') and deleted_at is null
        returning id`,
      [at, id]
    )
    return rows.length > 0
  }

  /** Which of these orders are picked up (have a pickup record): one plain statement, read for every order recorded. */
  @InjectManager()
  async pickedUpOrderIds(orderIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Set<string>> {
    if (!orderIds.length) return new Set()
    const rows = await moduleSql(sharedContext).execute<{ order_id: string }>(
      `select order_id from pickup_order where deleted_at is null and order_id = any(?::text[])`,
      [pgArray(orderIds)]
    )
    return new Set(rows.map((r) => r.order_id))
  }
}

export default PickupModuleService
