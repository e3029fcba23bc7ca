import type { ConfigModule, LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseOmnichannelOptions, unknownOptionKeys } from "../../../shared/plugin-options"
import { appSecretProblem } from "../../../shared/production-secrets"

/**
 * Runs when the app loads the module: invalid or missing plugin options stop
 * the start with one line naming the option (Medusa passes the plugin's
 * options to each of its modules; the pickup module checks them for all).
 * An option name the plugin doesn't know is most likely misspelt: a warning.
 * In production the app's own JWT and cookie secrets are checked too: the
 * desk's staff tokens are signed with them, and a merchant's app may still
 * have Medusa's default "supersecret".
 */
export default async function validateOmnichannelOptions({ options, logger, container }: LoaderOptions<Record<string, unknown>>) {
  parseOmnichannelOptions(options)
  // Medusa hands each module the app's config; a module test runner may not.
  const config = container?.resolve<ConfigModule | undefined>(ContainerRegistrationKeys.CONFIG_MODULE, { allowUnregistered: true })
  const problem = appSecretProblem(config)
  if (problem) throw new Error(problem)
  const unknown = unknownOptionKeys(options)
  if (unknown.length) {
    logger?.warn(`medusa-plugin-omnichannel: unknown option(s) ${unknown.map((k) => `"${k}"`).join(", ")} ignored`)
  }
}
