/**
 * Times on the store's clock, 24-hour, whatever the device's zone and locale:
 * pickups arrive with the store's offset, shipments in UTC, and both are
 * written in the store's time zone (from /staff/me).
 */
export type Clock = {
  /** "16:05" */
  hhmm(value: string | Date | null | undefined): string
  /** "24/11 16:05" */
  when(value: string | Date | null | undefined): string
  /** "24/11/2026 16:05": a receipt's date */
  full(value: string | Date | null | undefined): string
}

const formats = new Map<string, Intl.DateTimeFormat>()

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone)
  if (!f) {
    // "h23": 00–23, never "4:00 PM" nor "24:05".
    const options: Intl.DateTimeFormatOptions = { year: "numeric", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
    try {
      f = new Intl.DateTimeFormat("en-GB", zone ? { ...options, timeZone: zone } : options)
    } catch {
      f = new Intl.DateTimeFormat("en-GB", options) // an unknown zone: the device's
    }
    formats.set(zone, f)
  }
  return f
}

export function storeClock(zone: string | null | undefined): Clock {
  const parts = (value: string | Date) =>
    Object.fromEntries(format(zone ?? "").formatToParts(new Date(value)).map((p) => [p.type, p.value]))
  const hhmm = (value: string | Date | null | undefined) => {
    if (!value) return ""
    const p = parts(value)
    return `${p.hour}:${p.minute}`
  }
  return {
    hhmm,
    when: (value) => {
      if (!value) return ""
      const p = parts(value)
      return `${p.day}/${p.month} ${p.hour}:${p.minute}`
    },
    full: (value) => {
      if (!value) return ""
      const p = parts(value)
      return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`
    },
  }
}
