export * from "./load-pickup"
export * from "./plan-ready-items"
export * from "./transition-pickup"
export * from "./set-pickup-fulfillment"
export * from "./verify-pickup-code"
export * from "./read-hold-days"
export * from "./claim-expiry-reminder"
// The workflow lived in steps/verify-pickup-code.ts before; still exported here for apps that import it from this path.
export { verifyPickupCodeWorkflow, verifyPickupCodeWorkflowId } from "../verify-pickup-code"
