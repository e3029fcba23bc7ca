import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import validateOmnichannelOptions from "../validate-options"
import { PUBLISHED_SECRETS } from "../../../../lib/production-secrets"

const good = "k".repeat(32)

/** The loader as Medusa runs it: the plugin's options and a container with the app's config. */
function load(options: Record<string, unknown>, http: Record<string, unknown>) {
  const config = { projectConfig: { http } }
  const container = {
    resolve: (key: string) => (key === ContainerRegistrationKeys.CONFIG_MODULE ? config : undefined),
  }
  return validateOmnichannelOptions({ options, container, logger: { warn: () => {} } } as any)
}

describe("the plugin's loader under NODE_ENV=production", () => {
  const env = process.env.NODE_ENV
  beforeEach(() => {
    process.env.NODE_ENV = "production"
  })
  afterAll(() => {
    process.env.NODE_ENV = env
  })

  it("starts with long, unpublished secrets", async () => {
    await expect(load({ pickupCodeSecret: good }, { jwtSecret: good, cookieSecret: `${good}c` })).resolves.toBeUndefined()
  })

  it("refuses a short or published pickupCodeSecret, naming the option in one line", async () => {
    await expect(load({ pickupCodeSecret: "short" }, { jwtSecret: good, cookieSecret: good })).rejects.toThrow(
      /^medusa-plugin-omnichannel: option "pickupCodeSecret": at least 32 characters$/
    )
    await expect(load({ pickupCodeSecret: "omnichannel-development-pickup-code-secret" }, { jwtSecret: good, cookieSecret: good })).rejects.toThrow(
      /^medusa-plugin-omnichannel: option "pickupCodeSecret" is a published development value[^\n]*$/
    )
    await expect(
      load({ pickupCodeSecret: good, previousPickupCodeSecrets: ["omnichannel-development-pickup-code-secret"] }, { jwtSecret: good, cookieSecret: good })
    ).rejects.toThrow(/option "previousPickupCodeSecrets.0" is a published development value/)
  })

  it("refuses the app's short or published JWT and cookie secrets (Medusa's default \"supersecret\" included), naming each", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ jwtSecret: "supersecret", cookieSecret: good }, /projectConfig\.http\.jwtSecret \(usually JWT_SECRET\) is a published development value/],
      [{ jwtSecret: "j".repeat(31), cookieSecret: good }, /projectConfig\.http\.jwtSecret \(usually JWT_SECRET\) is shorter than 32 characters/],
      [{ jwtSecret: good, cookieSecret: "supersecret" }, /projectConfig\.http\.cookieSecret \(usually COOKIE_SECRET\) is a published development value/],
      [{ jwtSecret: good, cookieSecret: "c".repeat(8) }, /projectConfig\.http\.cookieSecret \(usually COOKIE_SECRET\) is shorter than 32 characters/],
      [{ jwtSecret: good }, /projectConfig\.http\.cookieSecret \(usually COOKIE_SECRET\) is not set/],
      [{ jwtSecret: "omnichannel-demo-jwt-secret-development-only", cookieSecret: good }, /jwtSecret \(usually JWT_SECRET\) is a published/],
    ]
    for (const [http, message] of cases) {
      const run = load({ pickupCodeSecret: good }, http)
      await expect(run).rejects.toThrow(message)
      await expect(run).rejects.toThrow(/^medusa-plugin-omnichannel: [^\n]+ when NODE_ENV=production$/)
    }
    for (const published of PUBLISHED_SECRETS) {
      await expect(load({ pickupCodeSecret: good }, { jwtSecret: published, cookieSecret: good })).rejects.toThrow(/jwtSecret/)
    }
  })

  it("leaves development alone (the demo's fixed secrets, Medusa's default)", async () => {
    process.env.NODE_ENV = "development"
    await expect(load({}, { jwtSecret: "supersecret", cookieSecret: "supersecret" })).resolves.toBeUndefined()
  })
})
