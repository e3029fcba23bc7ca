import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { parseOmnichannelOptions, type OmnichannelOptions, type OmnichannelPluginOptions } from "../../shared/plugin-options"
import { AbandonedCart } from "./models/abandoned-cart"
import { CartReminder } from "./models/cart-reminder"
import { Purchase } from "./models/purchase"
import { Segment } from "./models/segment"
import { SegmentMember } from "./models/segment-member"
import { recoveryKey } from "./recovery-token"
import type { CartRecoveryService, EngagementMetricsService, PurchaseReadsService, SegmentMembershipService } from "./services"
import type { FunnelFilter, MetricsFilter, PurchaseFilter, PurchaseInput, ShopperSince } from "./types"

// Kept importable from here, where callers found them before the types moved to types.ts.
export type { MetricsFilter, PurchaseFilter, PurchaseInput, PurchaseRow, ScopedFacts } from "./types"

/** What Medusa injects from the module's container: the internal services (services/). */
type InjectedDependencies = {
  purchaseReadsService: PurchaseReadsService
  segmentMembershipService: SegmentMembershipService
  cartRecoveryService: CartRecoveryService
  engagementMetricsService: EngagementMetricsService
}

/**
 * The engagement module's one public service: CRUD of its models
 * (MedusaService), and the set-based SQL of its internal services, each
 * method run with the module's manager (or the caller's transaction) and
 * handed to the service that owns the concern: the purchases read model,
 * segment membership, abandoned-cart reminders, the metrics.
 */
class EngagementModuleService extends MedusaService({ Segment, Purchase, SegmentMember, AbandonedCart, CartReminder }) {
  /** Abandoned-cart settings (plugin option `abandonedCarts`, defaults filled in). */
  readonly abandonedCartSettings: OmnichannelOptions["abandonedCarts"]
  /** Signs recovery links; derived from the plugin's secret. */
  readonly recoveryKey: Buffer
  protected readonly purchases_: PurchaseReadsService
  protected readonly membership_: SegmentMembershipService
  protected readonly carts_: CartRecoveryService
  protected readonly metrics_: EngagementMetricsService

  constructor(container: InjectedDependencies, rawOptions: OmnichannelPluginOptions = {}) {
    // @ts-ignore MedusaService's constructor takes the same arguments
    super(...arguments)
    this.purchases_ = container.purchaseReadsService
    this.membership_ = container.segmentMembershipService
    this.carts_ = container.cartRecoveryService
    this.metrics_ = container.engagementMetricsService
    const options = parseOmnichannelOptions(rawOptions)
    this.abandonedCartSettings = options.abandonedCarts
    this.recoveryKey = recoveryKey(options.pickupCodeSecret)
  }

  /** A channel's delay before the first reminder: by channel id or name, else the default. */
  reminderDelayHours(channel: { id: string | null; name?: string | null }) {
    const perChannel = this.abandonedCartSettings.channel_delay_hours
    return (
      (channel.id ? perChannel[channel.id] : undefined) ??
      (channel.name ? perChannel[channel.name] : undefined) ??
      this.abandonedCartSettings.delay_hours
    )
  }

  /* The purchases read model (services/purchase-reads.ts). */

  /** Records orders (placed or canceled) as purchases, idempotently; returns the rows they replaced. */
  @InjectManager()
  async upsertPurchases(rows: PurchaseInput[], @MedusaContext() sharedContext: Context = {}) {
    return this.purchases_.upsertPurchases(rows, sharedContext)
  }

  /** The latest order change recorded: the nightly catch-up starts there. */
  @InjectManager()
  async purchasesWatermark(@MedusaContext() sharedContext: Context = {}) {
    return this.purchases_.purchasesWatermark(sharedContext)
  }

  /** A few customers' standing orders summed under each of several filters (an incremental update). */
  @InjectManager()
  async scopedFacts(customerIds: string[], filters: PurchaseFilter[], @MedusaContext() sharedContext: Context = {}) {
    return this.purchases_.scopedFacts(customerIds, filters, sharedContext)
  }

  /** Customers with at least one standing purchase under the filter. */
  @InjectManager()
  async listBuyers(filter: PurchaseFilter, @MedusaContext() sharedContext: Context = {}) {
    return this.purchases_.listBuyers(filter, sharedContext)
  }

  /** Customers whose latest standing purchase is before `lapsedBefore`. */
  @InjectManager()
  async listLapsed(filter: PurchaseFilter, lapsedBefore: Date, @MedusaContext() sharedContext: Context = {}) {
    return this.purchases_.listLapsed(filter, lapsedBefore, sharedContext)
  }

  /** Customers who bought on at least `minChannels` sales channels. */
  @InjectManager()
  async listMultichannel(filter: PurchaseFilter, minChannels: number, @MedusaContext() sharedContext: Context = {}) {
    return this.purchases_.listMultichannel(filter, minChannels, sharedContext)
  }

  /** Per buyer: last order, number of standing orders and their total (RFM, high value). */
  @InjectManager()
  async buyerFacts(filter: PurchaseFilter, @MedusaContext() sharedContext: Context = {}) {
    return this.purchases_.buyerFacts(filter, sharedContext)
  }

  /** Of these customers or emails, who placed a standing order after the given moment. */
  @InjectManager()
  async listBoughtSince(shoppers: ShopperSince[], @MedusaContext() sharedContext: Context = {}) {
    return this.purchases_.listBoughtSince(shoppers, sharedContext)
  }

  /** What each shopper bought since a moment: whether they ordered at all, and which products, on every channel. */
  @InjectManager()
  async purchasesSince(shoppers: ShopperSince[], @MedusaContext() sharedContext: Context = {}) {
    return this.purchases_.purchasesSince(shoppers, sharedContext)
  }

  /** Per customer: channels bought on, last order, lifetime spend (the member export). */
  @InjectManager()
  async customerSummaries(customerIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return this.purchases_.customerSummaries(customerIds, sharedContext)
  }

  /* Segment membership (services/segment-membership.ts). */

  /** The segments as the evaluation reads them. */
  @InjectManager()
  async segmentsToEvaluate(segmentIds: string[] | null, @MedusaContext() sharedContext: Context = {}) {
    return this.membership_.segmentsToEvaluate(segmentIds, sharedContext)
  }

  /** Claims the changes that bring a segment to `members` (within `scope`, or everyone): only the rows this call changed come back. */
  @InjectTransactionManager()
  async claimMembership(
    segmentId: string,
    members: string[],
    scope: string[] | null,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return this.membership_.claimMembership(segmentId, members, scope, sharedContext)
  }

  /** The same for one customer's membership of many segments at once (an incremental update). */
  @InjectManager()
  async claimCustomerMemberships(
    customerId: string,
    segments: { segment_id: string; member: boolean }[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    return this.membership_.claimCustomerMemberships(customerId, segments, sharedContext)
  }

  /** Undoes a claim (the compensation of a membership change whose group update failed). */
  @InjectTransactionManager()
  async unclaimMembership(
    segmentId: string,
    change: { added: string[]; removed: string[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return this.membership_.unclaimMembership(segmentId, change, sharedContext)
  }

  /** How many members each segment has. */
  @InjectManager()
  async countMembers(segmentIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return this.membership_.countMembers(segmentIds, sharedContext)
  }

  /** A page of a segment's members (by customer id) and how many there are. */
  @InjectManager()
  async pageMembers(segmentId: string, limit: number, offset: number, @MedusaContext() sharedContext: Context = {}) {
    return this.membership_.pageMembers(segmentId, limit, offset, sharedContext)
  }

  /** Per customer: the segments (of those given) they are in. */
  @InjectManager()
  async segmentsOf(customerIds: string[], segmentIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return this.membership_.segmentsOf(customerIds, segmentIds, sharedContext)
  }

  /* Abandoned carts and reminders (services/cart-recovery.ts). */

  /** A shopper's carts that were reminded and not yet recovered. */
  @InjectManager()
  async remindedCartsOf(
    shopper: { customer_id: string | null; email: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return this.carts_.remindedCartsOf(shopper, sharedContext)
  }

  /** The latest reminder sent to this shopper for a cart other than this one (the cooldown). */
  @InjectManager()
  async lastReminderToShopper(
    shopper: { email: string; customer_id: string | null; except_cart_id: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return this.carts_.lastReminderToShopper(shopper, sharedContext)
  }

  /** Takes the next reminder of a cart: one winner across instances. */
  @InjectManager()
  async claimReminder(id: string, expected: number, at: Date, @MedusaContext() sharedContext: Context = {}) {
    return this.carts_.claimReminder(id, expected, at, sharedContext)
  }

  /** The abandoned-cart funnel: carts seen idle, reminded, recovered after a reminder; suppressions by reason. */
  @InjectManager()
  async abandonedCartFunnel(filter: FunnelFilter = {}, @MedusaContext() sharedContext: Context = {}) {
    return this.carts_.abandonedCartFunnel(filter, sharedContext)
  }

  /* The metrics (services/engagement-metrics.ts). */

  /** The per-customer half of GET /admin/omnichannel-metrics (a transaction: it sets work_mem locally). */
  @InjectTransactionManager()
  async metricsCustomerAggregates(filter: MetricsFilter, @MedusaContext() sharedContext: Context = {}) {
    return this.metrics_.metricsCustomerAggregates(filter, sharedContext)
  }

  /** The per-order half: orders and revenue by channel, mode and month. */
  @InjectManager()
  async metricsOrderCells(filter: MetricsFilter, @MedusaContext() sharedContext: Context = {}) {
    return this.metrics_.metricsOrderCells(filter, sharedContext)
  }
}

export default EngagementModuleService
