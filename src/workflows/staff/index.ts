export * from "./create-staff"
export * from "./update-staff"
export * from "./delete-staff"
export * from "./steps"
