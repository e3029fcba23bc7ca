// Moved to src/shared (modules use it too, and modules import nothing from src/lib).
export * from "../shared/pg-array"
