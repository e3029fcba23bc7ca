export * from "./notify-pickup"
export * from "./steps/build-pickup-notification"
