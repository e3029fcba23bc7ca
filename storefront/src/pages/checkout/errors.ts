/** Where each checkout error is shown: next to what caused it. */
export type ErrorKey = "contact" | "store" | "slot" | "proxy" | "delivery" | "points" | "place"
export type Errors = Partial<Record<ErrorKey, string>>
/** Shows an API error (in the shopper's words, ui.tsx errorText) at a place of the page. */
export type Fail = (key: ErrorKey, e: unknown) => void
