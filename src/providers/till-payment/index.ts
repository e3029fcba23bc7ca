import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import TillPaymentProvider from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [TillPaymentProvider],
})
