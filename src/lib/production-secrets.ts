// Moved to src/shared (the pickup module's loader checks them; modules import nothing from src/lib).
export * from "../shared/production-secrets"
