import { z } from "@medusajs/framework/zod"
import { PickupStatus } from "../../modules/pickup/types"
import { DateOrDateTime } from "../utils/dates"

const STATUSES = Object.values(PickupStatus) as [string, ...string[]]

/** `status=ready,placed` or `status[]=ready&status[]=placed` */
const StatusList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
  .refine((list) => list.every((s) => STATUSES.includes(s)), {
    message: `status: must be one or more of ${STATUSES.join(", ")}`,
  })

/** A real date or date-time (UTC without a zone) a shop can mean: years 2000 to 9999. */
const ShopDate = (field: string) =>
  DateOrDateTime(field)
    .transform((d) => d.at)
    .refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 9999, {
      message: `${field}: must be between the years 2000 and 9999`,
    })

export const DeskListPickups = z
  .object({
    location_id: z.string().min(1).optional(),
    status: StatusList.optional(),
    q: z.string().max(100).optional(),
    // ready-by window, e.g. one day in the merchant's own time zone
    ready_from: ShopDate("ready_from").optional(),
    ready_to: ShopDate("ready_to").optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type DeskListPickupsType = z.infer<typeof DeskListPickups>

export const DeskMarkReady = z
  .object({
    items: z
      .array(
        z
          .object({
            line_item_id: z.string().min(1),
            quantity: z.number().int().min(0),
            rejected_quantity: z.number().int().min(0).optional(),
            reason: z.string().max(500).optional(),
          })
          .strict()
      )
      .min(1)
      .optional(),
  })
  .strict()
export type DeskMarkReadyType = z.infer<typeof DeskMarkReady>

const Code = z.string().trim().min(4).max(40)

export const DeskVerify = z.object({ location_id: z.string().min(1), code: Code }).strict()
export type DeskVerifyType = z.infer<typeof DeskVerify>

export const DeskCollect = z
  .object({
    code: Code,
    collected_by: z
      .object({ name: z.string().trim().min(1).max(200), relation: z.string().trim().max(100).nullable().optional() })
      .strict()
      .optional(),
  })
  .strict()
export type DeskCollectType = z.infer<typeof DeskCollect>

export const DeskCancel = z.object({ reason: z.string().trim().min(1).max(500) }).strict()
export type DeskCancelType = z.infer<typeof DeskCancel>

export const EmptyBody = z.object({}).strict()

const Email = z.string().trim().toLowerCase().email()
/**
 * Who buys at the till: a member by their card's code or their account's
 * email, or a walk-in with no account (an email for the receipt, or, where the
 * shopper must be told about the order, required). One object so each
 * problem names its field.
 */
const tillCustomer = (walkInEmail: "optional" | "required") =>
  z
    .object({
      member_code: z.string().trim().min(4).max(20).optional(),
      email: Email.optional(),
      walk_in: z.literal(true).optional(),
    })
    .strict()
    .superRefine((c, ctx) => {
      const ways = [c.member_code !== undefined, c.walk_in === true, c.email !== undefined && !c.walk_in].filter(Boolean).length
      if (ways !== 1) ctx.addIssue({ code: "custom", message: "one of member_code, email (a member's account) or walk_in" })
      if (c.walk_in && walkInEmail === "required" && !c.email) {
        ctx.addIssue({ code: "custom", path: ["email"], message: "a walk-in gives an email: the order's messages go there" })
      }
    })
const TillCustomer = tillCustomer("optional")
export type TillCustomerType = z.infer<typeof TillCustomer>
const TillItems = z
  .array(z.object({ variant_id: z.string().min(1), quantity: z.number().int().min(1).max(999) }).strict())
  .min(1)
  .max(100)
/** How the shopper paid at the counter (cash when not said: the till's first API had no method). */
const TillPayment = z
  .object({ method: z.enum(["cash", "card"]), reference: z.string().trim().min(1).max(100).optional() })
  .strict()
  .default({ method: "cash" })

export const StaffCreateSale = z
  .object({
    location_id: z.string().min(1),
    customer: TillCustomer,
    items: TillItems,
    payment: TillPayment,
    /** Points paying part of a member's sale, by the program's limits as online. */
    points: z.number().int().min(1).max(10_000_000).optional(),
    /** An exchange: the return (at this desk) this sale replaces. */
    exchange_of: z.object({ order_id: z.string().min(1), return_id: z.string().min(1) }).strict().optional(),
  })
  .strict()
export type StaffCreateSaleType = z.infer<typeof StaffCreateSale>

const SHIPMENT_STATUSES = ["to_ship", "picking", "packed", "shipped", "canceled"]

/** The "to ship" queue: open shipments unless `status` says otherwise. */
export const DeskListShipments = z
  .object({
    location_id: z.string().min(1).optional(),
    status: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
      .refine((list) => list.every((s) => SHIPMENT_STATUSES.includes(s)), {
        message: `status: must be one or more of ${SHIPMENT_STATUSES.join(", ")}`,
      })
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type DeskListShipmentsType = z.infer<typeof DeskListShipments>

/** The URL, or null when it doesn't parse. */
function safeUrl(s: string): URL | null {
  try {
    return new URL(s)
  } catch {
    return null
  }
}

export const DeskShip = z
  .object({
    carrier: z.string().trim().min(1, "Enter the carrier").max(100),
    tracking_number: z.string().trim().min(1, "Enter the tracking number").max(100),
    // http(s) only: the shopper's page links it (a javascript: link would run there).
    tracking_url: z
      .string()
      .trim()
      .max(500)
      .refine((s) => /^https?:$/.test(safeUrl(s)?.protocol ?? ""), "A web address (https://…)")
      .optional(),
  })
  .strict()
export type DeskShipType = z.infer<typeof DeskShip>

export const DeskRejectLine = z.object({ reason: z.string().trim().min(1, "Say what happened").max(500) }).strict()
export type DeskRejectLineType = z.infer<typeof DeskRejectLine>

/** A return at the desk: the order's lines taken back at the staff member's store. */
export const StaffCreateReturn = z
  .object({
    order_id: z.string().trim().min(1),
    location_id: z.string().trim().min(1),
    items: z
      .array(
        z
          .object({
            id: z.string().trim().min(1),
            quantity: z.number().int().min(1).max(999),
            reason: z.string().trim().min(1).max(200).optional(),
            /** false: damaged or not resellable, not put back on the shelf */
            restock: z.boolean().default(true),
          })
          .strict()
      )
      .min(1)
      .max(100),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
export type StaffCreateReturnType = z.infer<typeof StaffCreateReturn>

/** Finding an order to take back: its number, its id (receipt QR), a member code or an email. */
export const StaffFindOrders = z
  .object({ q: z.string().trim().min(1).max(200) })
  .strict()
export type StaffFindOrdersType = z.infer<typeof StaffFindOrders>

/** The till's item search: `scan=true` for a scanned code (exact), else words of the name. */
export const StaffFindItems = z
  .object({
    location_id: z.string().trim().min(1),
    q: z.string().trim().min(1).max(100),
    scan: z.preprocess((v) => v === true || v === "true" || v === "1", z.boolean()).default(false),
  })
  .strict()
export type StaffFindItemsType = z.infer<typeof StaffFindItems>

const AisleAddress = z
  .object({
    first_name: z.string().trim().min(1).max(100),
    last_name: z.string().trim().min(1).max(100),
    address_1: z.string().trim().min(1).max(200),
    address_2: z.string().trim().max(200).optional(),
    city: z.string().trim().min(1).max(100),
    postal_code: z.string().trim().min(1).max(20),
    country_code: z.string().trim().toLowerCase().length(2),
    phone: z.string().trim().max(40).optional(),
  })
  .strict()

/** The endless aisle: an order taken at the till for what the shelf lacks, delivered or picked up at a store. */
export const StaffCreateAisleOrder = z
  .object({
    location_id: z.string().min(1),
    // The shopper is told where their order is: a walk-in gives an email.
    customer: tillCustomer("required"),
    items: TillItems,
    fulfillment: z.discriminatedUnion("type", [
      z.object({ type: z.literal("delivery"), address: AisleAddress, option_id: z.string().min(1).optional() }).strict(),
      z.object({ type: z.literal("pickup"), location_id: z.string().min(1) }).strict(),
    ]),
    payment: TillPayment,
  })
  .strict()
export type StaffCreateAisleOrderType = z.infer<typeof StaffCreateAisleOrder>
