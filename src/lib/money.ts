/** Decimal places of a currency's minor unit (2 for EUR, 0 for JPY), as payment providers charge. */
export function fractionDigits(currency?: string | null) {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency: currency || "EUR" }).resolvedOptions().maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}
