import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { randomUUID } from "crypto"

export const TILL_METHODS = ["cash", "card"] as const
export type TillMethod = (typeof TILL_METHODS)[number]
/** What the till's payment keeps: how the shopper paid, and the card terminal's reference. */
export type TillPaymentData = { method: TillMethod; reference: string | null }

/** The session's data as the till sends it; anything else is refused (a payment without its method is no record). */
function tillData(data: Record<string, unknown> | undefined): TillPaymentData {
  const method = data?.method
  if (!TILL_METHODS.includes(method as TillMethod)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `payment.method: one of ${TILL_METHODS.join(", ")}`)
  }
  const reference = typeof data?.reference === "string" && data.reference.trim() ? data.reference.trim().slice(0, 100) : null
  return { method: method as TillMethod, reference }
}

/**
 * The shop's till as a Medusa payment provider (provider id `pp_till_till`
 * when registered with id "till"): money taken at the counter, in cash or on
 * the shop's own card terminal, is authorized and captured as it is handed
 * over, and a refund is money given back at the counter. It keeps the method
 * and the terminal's reference on the payment, for the receipt and the books.
 */
export default class TillPaymentProvider extends AbstractPaymentProvider {
  static identifier = "till"

  // AbstractPaymentProvider's constructor is protected; Medusa's provider loader constructs it.
  constructor(cradle: Record<string, unknown>, config?: Record<string, unknown>) {
    super(cradle, config)
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    return { id: randomUUID(), data: tillData(input.data) }
  }
  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return { data: tillData(input.data), status: PaymentSessionStatus.AUTHORIZED }
  }
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: input.data }
  }
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: input.data }
  }
  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: input.data }
  }
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data }
  }
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data: tillData(input.data) }
  }
  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data }
  }
  async getPaymentStatus(_input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return { status: PaymentSessionStatus.AUTHORIZED }
  }
  async getWebhookActionAndData(_payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
