import type { HttpTypes } from "@medusajs/types"
import { useRef, useState, type MutableRefObject } from "react"
import { useShop } from "../../shop"
import { FieldError, money } from "../../ui"
import type { Errors, Fail } from "./errors"
import { CHECKOUT_FIELDS } from "./Totals"

type Address = { address_1: string; postal_code: string; city: string }
export type Contact = { email: string; first_name: string; last_name: string; phone: string }
/**
 * A shipping option as GET /store/shipping-options?cart_id answers it: Medusa's price for this cart
 * (listShippingOptionsForCartWorkflow also sets `is_tax_inclusive` from it, not in the type).
 */
type Option = HttpTypes.StoreCartShippingOptionWithServiceZone & { is_tax_inclusive?: boolean }

const addressKey = (a: Address) => [a.address_1, a.postal_code, a.city].map((s) => s.trim().toLowerCase()).join("|")
export const validEmail = (email: string) => /^\S+@\S+\.\S+$/.test(email)
/** Medusa's price of an option for this cart, and whether it includes VAT. */
const priceOf = (o: Option) => ({
  amount: o.calculated_price?.calculated_amount ?? o.amount,
  inclusive: !!(o.calculated_price?.is_calculated_price_tax_inclusive ?? o.is_tax_inclusive),
})

/**
 * The delivery half of the checkout. The address goes on the cart first, then
 * Medusa lists the options for it; choosing one puts it on the cart at once,
 * so the summary shows Medusa's total with shipping before anything is placed.
 * An address changed after that makes the options stale: they are read again
 * for the new address and the chosen one is put back (priced again) or let go.
 */
export function useDelivery(contact: Contact, fail: Fail, clearError: () => void, pickupChosen: MutableRefObject<boolean>) {
  const { sdk, omni, cart, setCart } = useShop()
  const [address, setAddress] = useState<Address>({ address_1: "", postal_code: "", city: "" })
  const [savedKey, setSavedKey] = useState<string | null>(null)
  const [options, setOptions] = useState<Option[] | null>(null)
  const [optionId, setOptionId] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  // Pickup options Medusa listed for this cart: a cart whose method is one of them has a pickup choice to let go.
  const pickupOptionIds = useRef(new Set<string>())
  const filled = !!(address.address_1.trim() && address.postal_code.trim() && address.city.trim())
  const stale = savedKey !== null && addressKey(address) !== savedKey

  const shippingAddress = () => ({
    address_1: address.address_1.trim(),
    postal_code: address.postal_code.trim(),
    city: address.city.trim(),
    country_code: "fr",
    first_name: contact.first_name,
    last_name: contact.last_name,
    phone: contact.phone || undefined,
  })

  /** The address on the cart, then Medusa's options for it; false (with the reason shown) when that failed. */
  const showOptions = async () => {
    clearError()
    setNote(null)
    if (!filled) {
      fail("delivery", new Error("Enter the delivery address."))
      return false
    }
    setPending(true)
    try {
      const { cart: updated } = await sdk.store.cart.update(
        cart.id,
        { ...(validEmail(contact.email) ? { email: contact.email } : {}), shipping_address: shippingAddress() },
        { fields: CHECKOUT_FIELDS }
      )
      setCart(updated)
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
      // Each option comes with its service zone and fulfillment set (the response type lists the plain option).
      const all = shipping_options as Option[]
      for (const o of all) if (o.service_zone?.fulfillment_set?.type === "pickup") pickupOptionIds.current.add(o.id)
      const list = all.filter((o) => o.service_zone?.fulfillment_set?.type !== "pickup")
      const chosen = options?.find((o) => o.id === optionId) ?? null
      setOptions(list)
      setSavedKey(addressKey(address))
      if (chosen) {
        // Chosen for the address before: put on the cart again for this one (Medusa prices it again), or let go.
        if (list.some((o) => o.id === chosen.id)) {
          const { cart: repriced } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: chosen.id }, { fields: CHECKOUT_FIELDS })
          setCart(repriced)
          setNote(`${chosen.name} still delivers to this address: the summary shows its price for it.`)
        } else {
          setOptionId(null)
          setNote(`${chosen.name} doesn't deliver to this address: choose another option.`)
        }
      }
      return true
    } catch (e) {
      fail("delivery", e)
      return false
    } finally {
      setPending(false)
    }
  }

  /** An option chosen: on the cart now, and the summary is the cart Medusa answers with. */
  const choose = async (id: string) => {
    if (stale) return setNote("The address changed: show the delivery options for it first.")
    const previous = optionId
    clearError()
    setNote(null)
    setOptionId(id)
    setPending(true)
    try {
      // A store chosen before (this session, or the cart's method is a store's pickup) is let go; otherwise there is nothing to remove.
      const hasPickup = (cart.shipping_methods ?? []).some((m: { shipping_option_id?: string }) => pickupOptionIds.current.has(m.shipping_option_id ?? ""))
      if (pickupChosen.current || hasPickup) {
        await omni.cart.removePickup(cart.id).catch((e) => {
          // 404: no pickup choice left (the cart was changed elsewhere): nothing to let go.
          if ((e as { status?: number }).status !== 404) throw e
        })
        pickupChosen.current = false
      }
      const { cart: updated } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: id }, { fields: CHECKOUT_FIELDS })
      setCart(updated)
    } catch (e) {
      setOptionId(previous)
      fail("delivery", e)
    } finally {
      setPending(false)
    }
  }

  const edit = (patch: Partial<Address>) => setAddress((a) => ({ ...a, ...patch }))
  return { address, edit, filled, stale, options, optionId, setOptionId, note, setNote, pending, showOptions, choose, shippingAddress }
}
export type DeliveryState = ReturnType<typeof useDelivery>

export function DeliveryChoice({ delivery, errors, currency }: { delivery: DeliveryState; errors: Errors; currency: string }) {
  const { address, edit, stale, options, optionId, note, pending, showOptions, choose } = delivery
  return (
    <div className="delivery">
      <label className="field">
        Address
        <input autoComplete="address-line1" value={address.address_1} onChange={(e) => edit({ address_1: e.target.value })} />
      </label>
      <div className="row">
        <label className="field">
          Postcode
          <input autoComplete="postal-code" value={address.postal_code} onChange={(e) => edit({ postal_code: e.target.value })} />
        </label>
        <label className="field">
          City
          <input autoComplete="address-level2" value={address.city} onChange={(e) => edit({ city: e.target.value })} />
        </label>
      </div>
      <button type="button" onClick={() => void showOptions()} disabled={pending}>
        Show delivery options
      </button>
      {stale && (
        <p className="hint" role="status">
          The address changed: show the delivery options again to see what delivers there.
        </p>
      )}
      {options && !options.length && <p className="muted">No delivery to this address: pick up in store instead.</p>}
      <div role="radiogroup" aria-label="Delivery option" aria-busy={pending} className={stale ? "stale" : undefined}>
        {(options ?? []).map((o) => {
          const { amount, inclusive } = priceOf(o)
          return (
            <label key={o.id} className={`store-choice${o.id === optionId ? " on" : ""}`} data-option={o.name}>
              <input type="radio" name="option" checked={o.id === optionId} disabled={pending || stale} onChange={() => void choose(o.id)} />
              <span>
                <strong>{o.name}</strong> · {money(amount, currency)}
                {!inclusive && <span className="muted"> excl. VAT</span>}
              </span>
            </label>
          )
        })}
      </div>
      {note && (
        <p className="notice" role="status" data-testid="delivery-note">
          {note}
        </p>
      )}
      <FieldError>{errors.delivery}</FieldError>
    </div>
  )
}
