import { distanceKm } from "../geo"
import { frPostalCodeGeocoder, geocoderNamed } from "../geocoders"
import { destinationOf } from "../routing-data"

describe("the offline French postal-code geocoder", () => {
  const at = (postal_code: string, country_code = "fr") => frPostalCodeGeocoder.geocode({ postal_code, country_code })

  it("places a postal code within a few km of where it is", () => {
    // Reference points: Lyon 2e (Bellecour), Villeurbanne, Saint-Priest, Paris 1er, Marseille 1er.
    const cases: [string, number, number][] = [
      ["69002", 45.7578, 4.832],
      ["69100", 45.7719, 4.8902],
      ["69800", 45.6967, 4.9447],
      ["75001", 48.8626, 2.3363],
      ["13001", 43.2999, 5.3841],
    ]
    for (const [code, lat, lng] of cases) {
      const d = at(code)!
      expect({ code, within5km: distanceKm(d.latitude, d.longitude, lat, lng) < 5 }).toEqual({ code, within5km: true })
    }
  })

  it("places nothing outside France, or what isn't a postal code it knows", () => {
    expect(at("69002", "be")).toBeNull()
    expect(at("6900")).toBeNull()
    expect(at("99999")).toBeNull()
    expect(at("69 002")).not.toBeNull()
    expect(frPostalCodeGeocoder.geocode({ postal_code: null, country_code: "fr" })).toBeNull()
  })

  it("is what the option names", () => {
    expect(geocoderNamed("fr-postal-codes")).toBe(frPostalCodeGeocoder)
    expect(geocoderNamed("none")).toBeNull()
  })
})

describe("destinationOf", () => {
  it("prefers the storefront's coordinates, then the geocoder", () => {
    const address = { postal_code: "75001", country_code: "fr", metadata: { latitude: 45.77, longitude: 4.89 } }
    expect(destinationOf(address, frPostalCodeGeocoder)).toEqual({ latitude: 45.77, longitude: 4.89 })
    const paris = destinationOf({ ...address, metadata: null }, frPostalCodeGeocoder)!
    expect(paris.latitude).toBeGreaterThan(48.8)
    expect(destinationOf({ ...address, metadata: null }, null)).toBeNull()
  })
})
