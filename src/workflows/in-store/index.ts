export * from "./create-in-store-sale"
export * from "./pay-at-till"
export * from "./return-at-store"
export * from "./order-for-shopper"
