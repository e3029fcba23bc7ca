import type { ICacheService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * The merchant's settings the plugin reads on hot paths (routing policies and
 * location settings, the store directory of the locator), kept in Medusa's
 * cache module: in memory in one process, Redis when the app shares a cache.
 * The plugin's own writes forget them at once (`forgetCachedSettingsStep`);
 * what changes outside the plugin (a location renamed or linked to a channel
 * in Medusa's admin) shows within SETTINGS_TTL_S.
 */
export const SETTINGS_TTL_S = 60
const PREFIX = "omnichannel:settings:"

function cacheOf(container: MedusaContainer): ICacheService | null {
  return container.hasRegistration(Modules.CACHE) ? container.resolve<ICacheService>(Modules.CACHE) : null
}

export async function readCachedSettings<T>(container: MedusaContainer, key: string): Promise<T | null> {
  const cache = cacheOf(container)
  return cache ? ((await cache.get<T>(PREFIX + key)) ?? null) : null
}

export async function writeCachedSettings<T>(container: MedusaContainer, key: string, value: T): Promise<void> {
  await cacheOf(container)?.set(PREFIX + key, value, SETTINGS_TTL_S)
}

/** The cached value, else `load()` cached. Values are shared: never mutate one. */
export async function cachedSettings<T>(container: MedusaContainer, key: string, load: () => Promise<T>): Promise<T> {
  const hit = await readCachedSettings<T>(container, key)
  if (hit !== null) return hit
  const value = await load()
  await writeCachedSettings(container, key, value)
  return value
}

/** After a change to routing settings or pickup stores: every cached setting is read again. */
export async function forgetCachedSettings(container: MedusaContainer): Promise<void> {
  await cacheOf(container)?.invalidate(PREFIX + "*")
}
