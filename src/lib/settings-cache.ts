import type { ICacheService, MedusaContainer } from "@medusajs/framework/types"
import { randomUUID } from "node:crypto"
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

/**
 * Keys live under a generation that every change replaces: a read that
 * started before a change and stores what it read after it writes under the
 * old generation, which no one reads any more (no stale settings for 60 s).
 */
const GENERATION = PREFIX + "generation"
const GENERATION_TTL_S = 24 * 3600

async function generationOf(cache: ICacheService): Promise<string> {
  const current = await cache.get<string>(GENERATION)
  if (current) return current
  const fresh = randomUUID()
  await cache.set(GENERATION, fresh, GENERATION_TTL_S)
  return fresh
}

/**
 * The cache is a shortcut, never a dependency: when it fails (Redis down) the
 * settings are read from the database.
 */
async function safely<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await fn()
  } catch {
    return fallback
  }
}

export type SettingsSlot = { cache: ICacheService; key: string } | null

/** Where `key` is kept in the current generation (null without a cache, or when it fails). */
export async function settingsSlot(container: MedusaContainer, key: string): Promise<SettingsSlot> {
  const cache = cacheOf(container)
  if (!cache) return null
  const generation = await safely(() => generationOf(cache), null)
  return generation ? { cache, key: `${PREFIX}${generation}:${key}` } : null
}

export async function readCachedSettings<T>(slot: SettingsSlot): Promise<T | null> {
  return slot ? safely(async () => (await slot.cache.get<T>(slot.key)) ?? null, null) : null
}

export async function writeCachedSettings<T>(slot: SettingsSlot, value: T): Promise<void> {
  if (slot) await safely(() => slot.cache.set(slot.key, value, SETTINGS_TTL_S), undefined)
}

/** The cached value, else `load()` cached. Values are shared: never mutate one. */
export async function cachedSettings<T>(container: MedusaContainer, key: string, load: () => Promise<T>): Promise<T> {
  // The slot is taken before the read, so a change during the read leaves it behind.
  const slot = await settingsSlot(container, key)
  const hit = await readCachedSettings<T>(slot)
  if (hit !== null) return hit
  const value = await load()
  await writeCachedSettings(slot, value)
  return value
}

/** After a change to routing settings or pickup stores: a new generation, and the old keys dropped. */
export async function forgetCachedSettings(container: MedusaContainer): Promise<void> {
  const cache = cacheOf(container)
  if (!cache) return
  // A cache that can't be reached (Redis down) doesn't fail the merchant's change; nothing is read from it either.
  await safely(async () => {
    await cache.invalidate(PREFIX + "*")
    await cache.set(GENERATION, randomUUID(), GENERATION_TTL_S)
  }, undefined)
}
