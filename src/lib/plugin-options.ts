// Moved to src/shared (each module parses the options it is given; modules import nothing from src/lib).
export * from "../shared/plugin-options"
