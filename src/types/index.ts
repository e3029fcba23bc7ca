export * from "./http"
export type { OmnichannelPluginOptions } from "../lib/plugin-options"
export * from "./status"
export * from "./staff-http"
