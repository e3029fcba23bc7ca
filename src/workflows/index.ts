// Public workflows barrel: importable by apps as "medusa-plugin-omnichannel/workflows".
export * from "./pickup"
export * from "./pickup-desk"
export * from "./staff"
export * from "./loyalty"
export * from "./in-store"
export * from "./notifications"
export * from "./checkout"
export * from "./inventory"
