export * from "./create-in-store-sale"
