export * from "./update-fulfillment-routing"
export * from "./steps/upsert-routing-locations"
export * from "./steps/upsert-routing-policies"
export * from "./steps/validate-routing-references"
