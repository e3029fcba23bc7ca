// The demo app: this repository run as a Medusa application that loads the
// plugin straight from ./src (API routes, workflows, subscribers, jobs, links
// and admin extensions are picked up from src/ by convention; modules are
// registered below). A merchant's own app loads the built plugin instead:
// see README "Add it to your Medusa app".
const { loadEnv, defineConfig, Modules } = require("@medusajs/framework/utils")

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL

// Token and cookie secrets: development gets a fixed one so the demo runs
// without set-up; production refuses to start without real ones (a known
// secret would let anyone sign admin and staff tokens): unset, shorter than
// 32 characters, or published. Published: Medusa's default and this
// repository's development values (the same list as
// src/shared/production-secrets.ts; integration-tests/config holds them equal).
const MIN_SECRET_LENGTH = 32
const PUBLISHED_SECRETS = [
  "supersecret",
  "secret",
  "test",
  "omnichannel-development-pickup-code-secret",
  "omnichannel-demo-jwt-secret-development-only",
  "omnichannel-demo-cookie-secret-development-only",
]

function productionSecret(name) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} must be set when NODE_ENV=production (medusa-config.js)`)
  if (PUBLISHED_SECRETS.includes(value)) {
    throw new Error(`${name} is a published development value; set a random one when NODE_ENV=production (medusa-config.js)`)
  }
  if (value.length < MIN_SECRET_LENGTH) {
    throw new Error(`${name} must be at least ${MIN_SECRET_LENGTH} characters when NODE_ENV=production (medusa-config.js)`)
  }
  return value
}

function secret(name) {
  if (process.env.NODE_ENV === "production") return productionSecret(name)
  return process.env[name] || `omnichannel-demo-${name.toLowerCase().replace(/_/g, "-")}-development-only`
}

// Checked in this order, so the first missing one is named.
const jwtSecret = secret("JWT_SECRET")
const cookieSecret = secret("COOKIE_SECRET")
// Outside production the plugin uses its own development secret when unset.
const pickupCodeSecret = process.env.NODE_ENV === "production" ? productionSecret("PICKUP_CODE_SECRET") : process.env.PICKUP_CODE_SECRET || undefined

// Production scale-out (several servers + a worker) shares events, locks,
// workflow state and cache through Redis. Without REDIS_URL the demo runs as a
// single process with Medusa's in-process defaults.
const redisModules = redisUrl
  ? [
      { key: Modules.EVENT_BUS, resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { key: Modules.WORKFLOW_ENGINE, resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      { key: Modules.CACHE, resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      { key: Modules.LOCKING, resolve: "@medusajs/medusa/locking", options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }] } },
    ]
  : []

// The plugin's options (README "Options"). Medusa hands a plugin's options to
// each of its modules; the demo registers the modules from ./src, so it passes
// them to each. Outside production the pickup-code secret may be left unset.
// Links in emails point at the demo's storefront (scripts/demo.mjs sets SHOP_URL).
const shopUrl = process.env.SHOP_URL || "http://localhost:8000"
const omnichannelOptions = {
  pickupCodeSecret,
  inStoreSalesChannel: "In-store",
  defaultHoldDays: 5,
  notificationChannel: "email",
  // The demo's storefront (storefront/) opens these links.
  abandonedCarts: { recovery_url: `${shopUrl}/cart/recover/{token}` },
  orderTransfers: { notify: true, accept_url: `${shopUrl}/orders/{order_id}/transfer/{token}` },
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: process.env.MEDUSA_WORKER_MODE || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://localhost:9000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000",
      jwtSecret,
      cookieSecret,
    },
  },
  admin: {
    disable: process.env.DISABLE_ADMIN === "true",
  },
  modules: [
    { resolve: "./src/modules/pickup", options: omnichannelOptions },
    { resolve: "./src/modules/staff", options: omnichannelOptions },
    { resolve: "./src/modules/loyalty", options: omnichannelOptions },
    { resolve: "./src/modules/routing", options: omnichannelOptions },
    { resolve: "./src/modules/engagement", options: omnichannelOptions },
    // Development notifications: logged with codes redacted. A merchant's app
    // configures its own provider (SendGrid, Resend, …) for the "email" channel.
    {
      key: Modules.NOTIFICATION,
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "./src/providers/notification-log", id: "log", options: { channels: ["email"] } },
        ],
      },
    },
    // The till's payment provider (pp_till_till): cash and card-terminal payments at the desk keep their method.
    {
      key: Modules.PAYMENT,
      resolve: "@medusajs/medusa/payment",
      options: { providers: [{ resolve: "./src/providers/till-payment", id: "till" }] },
    },
    ...redisModules,
  ],
})
