export * from "./append-ledger-entry"
export * from "./ensure-account"
export * from "./prepare-earn"
export * from "./reverse-earn"
