export * from "./repair-stock-drift"
export * from "./steps/repair-stock-drift"
