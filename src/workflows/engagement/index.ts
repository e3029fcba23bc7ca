export * from "./segments"
export * from "./abandoned-carts"
