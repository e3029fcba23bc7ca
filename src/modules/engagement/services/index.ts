// The module's internal services: Medusa registers each class exported from a
// file of this folder in the module's container (camelCase class name), and
// EngagementModuleService receives them in its constructor.
export { CartRecoveryService } from "./cart-recovery"
export { EngagementMetricsService } from "./engagement-metrics"
export { PurchaseReadsService } from "./purchase-reads"
export { SegmentMembershipService } from "./segment-membership"
