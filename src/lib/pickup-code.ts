// The pickup module owns its codes (modules import nothing from src/lib); kept here for the other importers.
export * from "../modules/pickup/code"
