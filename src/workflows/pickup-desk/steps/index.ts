export * from "./load-pickup"
export * from "./plan-ready-items"
export * from "./transition-pickup"
export * from "./set-pickup-fulfillment"
