import type { LoaderOptions } from "@medusajs/framework/types"
import { parseOmnichannelOptions, unknownOptionKeys } from "../../../lib/plugin-options"

/**
 * Runs when the app loads the module: invalid or missing plugin options stop
 * the start with one line naming the option (Medusa passes the plugin's
 * options to each of its modules; the pickup module checks them for all).
 * An option name the plugin doesn't know is most likely misspelt: a warning.
 */
export default async function validateOmnichannelOptions({ options, logger }: LoaderOptions<Record<string, unknown>>) {
  parseOmnichannelOptions(options)
  const unknown = unknownOptionKeys(options)
  if (unknown.length) {
    logger?.warn(`medusa-plugin-omnichannel: unknown option(s) ${unknown.map((k) => `"${k}"`).join(", ")} ignored`)
  }
}
