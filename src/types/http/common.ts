/** What every part of the HTTP contract shares: status, date-times, and a 400's field errors. */
import type { PickupStatus as PickupStatusEnum } from "../../modules/pickup/types"

/** placed, preparing, ready, partially_ready, collected, canceled, expired */
export type PickupStatus = `${PickupStatusEnum}`

/** ISO 8601 date-time with the store's UTC offset (e.g. 2026-11-24T16:00:00+01:00). */
export type StoreDateTime = string

/**
 * One problem of a rejected body: its field as a form names it
 * ("hours.mon.0", "closures.1.to"; "" for the body as a whole).
 */
export type FieldError = { path: string; message: string }

/** A 400 from a plugin route with a body: Medusa's `type` and `message`, and each field's error. */
export type InvalidDataResponse = { type: "invalid_data"; message: string; errors: FieldError[] }
