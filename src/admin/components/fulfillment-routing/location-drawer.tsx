import { Drawer, Input, Label, Select, toast } from "@medusajs/ui"
import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect } from "react"
import { Controller, useForm } from "react-hook-form"
import { z } from "zod"
import { type LocationRouting, useUpdateRouting } from "../../hooks/routing"
import { applyApiError } from "../../lib/api"
import { FieldMessage, RootMessage, DrawerFormFooter } from "../../lib/form"

const Coord = (min: number, max: number) =>
  z.string().trim().refine((v) => v === "" || (Number.isFinite(Number(v)) && +v >= min && +v <= max), `Empty, or ${min} to ${max}`)
const LocationSchema = z
  .object({
    ships: z.enum(["default", "yes", "no"]),
    safety_stock: z.string().trim().refine((v) => /^\d+$/.test(v) && +v <= 1_000_000, "A whole number from 0"),
    latitude: Coord(-90, 90),
    longitude: Coord(-180, 180),
  })
  .refine((v) => (v.latitude === "") === (v.longitude === ""), { message: "Give both, or neither", path: ["longitude"] })
type LocationValues = z.infer<typeof LocationSchema>

const toLocationValues = (l: LocationRouting): LocationValues => ({
  ships: l.ships_setting === null ? "default" : l.ships_setting ? "yes" : "no",
  safety_stock: String(l.safety_stock),
  latitude: l.latitude == null ? "" : String(l.latitude),
  longitude: l.longitude == null ? "" : String(l.longitude),
})

/** One location's part in shipping: whether it ships, what it keeps back, where it is. */
export const LocationDrawer = ({ location, onClose }: { location: LocationRouting | null; onClose: () => void }) => {
  const save = useUpdateRouting()
  const form = useForm<LocationValues>({ resolver: zodResolver(LocationSchema), defaultValues: location ? toLocationValues(location) : undefined })
  const { control, register, formState: { errors } } = form
  useEffect(() => {
    if (location) form.reset(toLocationValues(location))
  }, [location])
  const onSubmit = form.handleSubmit((v) =>
    save
      .mutateAsync({
        locations: [
          {
            location_id: location!.location_id,
            ships: v.ships === "default" ? null : v.ships === "yes",
            safety_stock: Number(v.safety_stock),
            latitude: v.latitude === "" ? null : Number(v.latitude),
            longitude: v.longitude === "" ? null : Number(v.longitude),
          },
        ],
      })
      .then(
        () => {
          toast.success(`${location!.name} saved`)
          onClose()
        },
        (e) => applyApiError(form, e, ["ships", "safety_stock", "latitude", "longitude"], (p) => p.replace(/^locations\.\d+\./, ""))
      )
  )
  return (
    <Drawer open={!!location} onOpenChange={(v) => !v && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{location?.name}: shipping</Drawer.Title>
          <Drawer.Description className="sr-only">Whether this location ships delivery orders, and the stock it keeps back.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body>
          <form id="location-form" className="flex flex-col gap-y-4" onSubmit={onSubmit}>
            <div>
              <Label size="small">Ships delivery orders</Label>
              <Controller control={control} name="ships" render={({ field }) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <Select.Trigger data-testid="location-ships"><Select.Value /></Select.Trigger>
                  <Select.Content>
                    <Select.Item value="default">Default ({location?.kind === "store" ? "stores don't ship" : "warehouses ship"})</Select.Item>
                    <Select.Item value="yes">Yes</Select.Item>
                    <Select.Item value="no">No</Select.Item>
                  </Select.Content>
                </Select>
              )} />
            </div>
            <div>
              <Label htmlFor="location-safety" size="small">Units kept back from shipping (safety stock)</Label>
              <Input id="location-safety" type="number" {...register("safety_stock")} />
              <FieldMessage testId="error-safety_stock" error={errors.safety_stock} />
            </div>
            <div className="grid grid-cols-2 gap-4">
              <div>
                <Label htmlFor="location-lat" size="small">Latitude (for "nearest")</Label>
                <Input id="location-lat" {...register("latitude")} />
                <FieldMessage testId="error-latitude" error={errors.latitude} />
              </div>
              <div>
                <Label htmlFor="location-lng" size="small">Longitude</Label>
                <Input id="location-lng" {...register("longitude")} />
                <FieldMessage testId="error-longitude" error={errors.longitude} />
              </div>
            </div>
            <RootMessage errors={errors} testId="location-error" />
          </form>
        </Drawer.Body>
        <DrawerFormFooter form="location-form" isLoading={save.isPending} testId="save-location" />
      </Drawer.Content>
    </Drawer>
  )
}
