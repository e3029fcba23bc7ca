import InMemoryCacheService from "@medusajs/cache-inmemory/dist/services/inmemory-cache"
import { Modules } from "@medusajs/framework/utils"
import { cachedSettings, forgetCachedSettings } from "../settings-cache"

/** Medusa's own in-memory cache module service, in a container of one. */
function containerWithCache() {
  const cache = new InMemoryCacheService({}, { ttl: 60 })
  return { hasRegistration: (key: string) => key === Modules.CACHE, resolve: () => cache } as any
}

describe("cached settings", () => {
  it("reads once, then from the cache, and again after a change", async () => {
    const container = containerWithCache()
    let reads = 0
    const load = async () => ({ version: ++reads })
    expect(await cachedSettings(container, "k", load)).toEqual({ version: 1 })
    expect(await cachedSettings(container, "k", load)).toEqual({ version: 1 })
    await forgetCachedSettings(container)
    expect(await cachedSettings(container, "k", load)).toEqual({ version: 2 })
    expect(reads).toBe(2)
  })

  it("never keeps what a read that overlapped a change stored", async () => {
    const container = containerWithCache()
    let release!: () => void
    const slow = cachedSettings(container, "k", () => new Promise<string>((r) => (release = () => r("before the change"))))
    await new Promise((r) => setImmediate(r))
    // The merchant's change lands (and is forgotten) while the slow read is still out.
    await forgetCachedSettings(container)
    release()
    expect(await slow).toBe("before the change")
    expect(await cachedSettings(container, "k", async () => "after the change")).toBe("after the change")
  })

  it("reads the database when the cache fails", async () => {
    const broken = { hasRegistration: () => true, resolve: () => ({ get: async () => Promise.reject(new Error("down")), set: async () => Promise.reject(new Error("down")), invalidate: async () => Promise.reject(new Error("down")) }) } as any
    expect(await cachedSettings(broken, "k", async () => "from the database")).toBe("from the database")
    await expect(forgetCachedSettings(broken)).resolves.toBeUndefined()
  })
})
