import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PICKUP_MODULE } from ".."
import { derivePickupCode, hashPickupCode } from "../../../lib/pickup-code"
import { PickupActivity } from "../models/pickup-activity"
import { PickupCodeAttempt } from "../models/pickup-code-attempt"
import { PickupOrder } from "../models/pickup-order"
import { PickupSelection } from "../models/pickup-selection"
import { PickupStore } from "../models/pickup-store"
import PickupModuleService from "../service"

jest.setTimeout(60000)

const OLD = "the-secret-used-until-last-week-32chars"
const NEW = "the-secret-in-use-from-today-on-32chars"

// The module as an app runs it after a rotation: the new secret, the old one kept.
moduleIntegrationTestRunner<PickupModuleService>({
  moduleName: PICKUP_MODULE,
  moduleModels: [PickupStore, PickupSelection, PickupOrder, PickupActivity, PickupCodeAttempt],
  moduleOptions: { pickupCodeSecret: NEW, previousPickupCodeSecrets: [OLD] },
  resolve: "./src/modules/pickup",
  testSuite: ({ service }) => {
    it("finds a pickup placed before the rotation by its old code, and shows the shopper that same code", async () => {
      const nonce = "nonce-before-rotation"
      const placed = await service.createPickupOrders({ order_id: "order_old", location_id: "sloc_1", code_nonce: nonce, code_hash: "x" } as any)
      const oldCode = derivePickupCode(OLD, placed.id, nonce)
      await service.updatePickupOrders({ id: placed.id, code_hash: hashPickupCode(OLD, oldCode) })
      const row = await service.retrievePickupOrder(placed.id)

      expect(service.pickupCode(row)).toBe(oldCode)
      const [found] = await service.listPickupOrders({ location_id: "sloc_1", code_hash: service.codeHashCandidates(oldCode) })
      expect(found?.id).toBe(placed.id)
      // A code made with the new secret for that pickup is not its code.
      const [none] = await service.listPickupOrders({
        location_id: "sloc_1",
        code_hash: service.codeHashCandidates(derivePickupCode(NEW, placed.id, nonce)),
      })
      expect(none).toBeUndefined()
    })

    it("gives a pickup placed after the rotation a code from the new secret", async () => {
      const nonce = "nonce-after-rotation"
      const placed = await service.createPickupOrders({ order_id: "order_new", location_id: "sloc_1", code_nonce: nonce, code_hash: "x" } as any)
      const code = service.pickupCode({ id: placed.id, code_nonce: nonce })
      await service.updatePickupOrders({ id: placed.id, code_hash: service.hashCode(code) })
      expect(code).toBe(derivePickupCode(NEW, placed.id, nonce))
      expect(service.pickupCode(await service.retrievePickupOrder(placed.id))).toBe(code)
      const [found] = await service.listPickupOrders({ location_id: "sloc_1", code_hash: service.codeHashCandidates(code) })
      expect(found?.id).toBe(placed.id)
    })
  },
})
