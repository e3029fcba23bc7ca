/**
 * Secrets a production app must not run with: too short to resist guessing,
 * or published (whoever reads Medusa's docs or this repository can sign
 * admin, customer and staff tokens, or derive every pickup code).
 */
export const MIN_SECRET_LENGTH = 32

/** Used outside production only, so the demo and tests run without set-up. */
export const DEVELOPMENT_CODE_SECRET = "omnichannel-development-pickup-code-secret"

/**
 * Published values: Medusa's starters and docs, and this repository's own
 * development secrets (the plugin's pickup secret, the demo's medusa-config.js
 * fallbacks). medusa-config.js keeps a copy (a test holds the two equal).
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  "supersecret",
  "secret",
  "test",
  DEVELOPMENT_CODE_SECRET,
  "omnichannel-demo-jwt-secret-development-only",
  "omnichannel-demo-cookie-secret-development-only",
]

/** What is wrong with a production secret, as the end of one line naming it; null when it is fine. */
export function secretProblem(value: unknown): string | null {
  if (typeof value !== "string" || !value) return "is not set"
  if (PUBLISHED_SECRETS.includes(value)) return "is a published development value; set a random one"
  if (value.length < MIN_SECRET_LENGTH) return `is shorter than ${MIN_SECRET_LENGTH} characters`
  return null
}

type AppConfig = { projectConfig?: { http?: { jwtSecret?: unknown; cookieSecret?: unknown } } } | null | undefined

/**
 * The app's own token and cookie secrets (projectConfig.http), checked by the
 * plugin's loader under NODE_ENV=production: one line naming the first bad
 * one, or null. Medusa itself starts with "supersecret" (its default).
 */
export function appSecretProblem(config: AppConfig, env: Record<string, string | undefined> = process.env): string | null {
  if (env.NODE_ENV !== "production") return null
  const http = config?.projectConfig?.http ?? {}
  for (const [key, variable] of [
    ["jwtSecret", "JWT_SECRET"],
    ["cookieSecret", "COOKIE_SECRET"],
  ] as const) {
    const problem = secretProblem(http[key])
    if (problem) {
      return `medusa-plugin-omnichannel: projectConfig.http.${key} (usually ${variable}) ${problem} when NODE_ENV=production`
    }
  }
  return null
}
