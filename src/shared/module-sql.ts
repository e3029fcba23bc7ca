import type { Context } from "@medusajs/framework/types"

/** What a module's raw SQL needs of its MikroORM entity manager. */
export type ModuleSql = {
  execute<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>
}

/**
 * A module's SQL connection, from the context Medusa's decorators fill in
 * (@InjectManager, @InjectTransactionManager): the transaction's when inside
 * one, else the module's manager. Raw SQL in modules goes through this, with
 * id lists bound as one array (`= any(?::text[])` with `pgArray`).
 */
export function moduleSql(context: Context): ModuleSql {
  const manager = context.transactionManager ?? context.manager
  if (!manager) {
    throw new Error("No manager in the context: reach SQL from a method decorated with @InjectManager or @InjectTransactionManager")
  }
  // Context types its managers as unknown; Medusa's are MikroORM SqlEntityManagers, whose execute this is.
  return manager as ModuleSql
}
