export * from "./upsert-pickup-store"
export * from "./steps/upsert-pickup-store"
