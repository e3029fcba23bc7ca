import { Trash } from "@medusajs/icons"
import { Button, Drawer, IconButton, Input, Label, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect } from "react"
import { Controller, useFieldArray, useForm } from "react-hook-form"
import { type AdminPickupStore, useUpdatePickupStore } from "../../hooks/pickup-stores"
import { applyApiError } from "../../lib/api"
import { FieldMessage, RootMessage, DrawerFormFooter } from "../../lib/form"
import { DayRanges } from "./day-ranges"
import { DAYS, FIELDS, formPath, NUMBERS, Schema, toBody, toValues, type Values } from "./form-values"

/** The settings form, in a drawer: react-hook-form with the schema of form-values.ts, the API's field errors under their fields. */
export const PickupSettingsDrawer = ({ store, open, onOpenChange }: { store: AdminPickupStore; open: boolean; onOpenChange: (v: boolean) => void }) => {
  const save = useUpdatePickupStore(store.location_id)
  const form = useForm<Values>({ resolver: zodResolver(Schema), defaultValues: toValues(store) })
  const { control, register, handleSubmit, formState: { errors } } = form
  const closures = useFieldArray({ control, name: "closures" })
  useEffect(() => {
    if (open) form.reset(toValues(store))
  }, [open, store])

  const onSubmit = handleSubmit((values) =>
    save.mutateAsync(toBody(values)).then(
      () => {
        toast.success("Pickup settings saved")
        onOpenChange(false)
      },
      (e) => {
        applyApiError(form, e, FIELDS, formPath)
        toast.error("Pickup settings not saved", { description: e?.message })
      }
    )
  )
  const copyMonday = () => {
    const monday = form.getValues("hours.mon")
    for (const d of ["tue", "wed", "thu", "fri"] as const) form.setValue(`hours.${d}`, monday.map((r) => ({ ...r })), { shouldDirty: true })
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="pickup-settings-drawer">
        <Drawer.Header>
          <Drawer.Title>Pickup at {store.name}</Drawer.Title>
          <Drawer.Description className="sr-only">Opening hours, closures, slots and contact for pickup at this store.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="overflow-y-auto">
          <form id="pickup-settings-form" className="flex flex-col gap-y-6" onSubmit={onSubmit}>
            <div className="flex items-center gap-x-3">
              <Controller control={control} name="enabled" render={({ field }) => (
                <Switch id="pickup-enabled" checked={field.value} onCheckedChange={field.onChange} />
              )} />
              <Label htmlFor="pickup-enabled">Offer pickup at this store</Label>
            </div>

            <div className="grid grid-cols-3 gap-3">
              {([["latitude", "Latitude"], ["longitude", "Longitude"], ["timezone", "Time zone"]] as const).map(([key, label]) => (
                <div key={key}>
                  <Label htmlFor={`pickup-${key}`} size="small">{label}</Label>
                  <Input id={`pickup-${key}`} size="small" {...register(key)} />
                  <FieldMessage testId={`error-${key}`} error={errors[key]} />
                </div>
              ))}
            </div>

            <div>
              <div className="flex items-center justify-between">
                <Text weight="plus" size="small">Opening hours</Text>
                <Button type="button" size="small" variant="transparent" onClick={copyMonday} data-testid="copy-monday">
                  Copy Monday to weekdays
                </Button>
              </div>
              <div className="mt-2 flex flex-col gap-y-2">
                {DAYS.map(([day, name]) => (
                  <DayRanges key={day} control={control} day={day} name={name} errors={errors} />
                ))}
              </div>
              <FieldMessage testId="error-hours" error={errors.hours as any} />
            </div>

            <div>
              <div className="flex items-center justify-between">
                <Text weight="plus" size="small">Closures</Text>
                <Button type="button" size="small" variant="transparent" onClick={() => closures.append({ from: "", to: "", label: "" })}>
                  Add closure
                </Button>
              </div>
              {closures.fields.map((c, i) => (
                <div key={c.id} className="mt-2">
                  <div className="grid grid-cols-[1fr_1fr_2fr_auto] items-center gap-2">
                    <Input size="small" type="date" aria-label="Closed from" {...register(`closures.${i}.from`)} />
                    <Input size="small" type="date" aria-label="Closed until" {...register(`closures.${i}.to`)} />
                    <Input size="small" placeholder="Label (e.g. Christmas)" aria-label="Closure label" {...register(`closures.${i}.label`)} />
                    <IconButton type="button" size="small" variant="transparent" aria-label="Remove closure" onClick={() => closures.remove(i)}>
                      <Trash />
                    </IconButton>
                  </div>
                  <FieldMessage
                    testId={`error-closures-${i}`}
                    error={errors.closures?.[i]?.from ?? errors.closures?.[i]?.to ?? errors.closures?.[i]?.label ?? errors.closures?.[i]}
                  />
                </div>
              ))}
              <FieldMessage testId="error-closures" error={errors.closures as any} />
            </div>

            <div className="grid grid-cols-2 gap-3">
              {NUMBERS.map(([key, label, hint]) => (
                <div key={key}>
                  <Label htmlFor={`pickup-${key}`} size="small">{label}</Label>
                  <Input id={`pickup-${key}`} size="small" type="number" min={0} {...register(key)} />
                  <Text size="xsmall" className="text-ui-fg-muted">{hint}</Text>
                  <FieldMessage testId={`error-${key}`} error={errors[key] as any} />
                </div>
              ))}
            </div>

            <div>
              <Label htmlFor="pickup-instructions" size="small">Instructions for shoppers</Label>
              <Textarea id="pickup-instructions" {...register("instructions")} />
              <FieldMessage testId="error-instructions" error={errors.instructions} />
            </div>

            <div className="grid grid-cols-3 items-end gap-3">
              <div className="flex items-center gap-x-3 pb-2">
                <Controller control={control} name="curbside" render={({ field }) => (
                  <Switch id="pickup-curbside" checked={field.value} onCheckedChange={field.onChange} />
                )} />
                <Label htmlFor="pickup-curbside" size="small">Curbside pickup</Label>
              </div>
              <div>
                <Label htmlFor="pickup-phone" size="small">Phone</Label>
                <Input id="pickup-phone" size="small" {...register("phone")} />
                <FieldMessage testId="error-phone" error={errors.phone} />
              </div>
              <div>
                <Label htmlFor="pickup-email" size="small">Email</Label>
                <Input id="pickup-email" size="small" {...register("email")} />
                <FieldMessage testId="error-email" error={errors.email} />
              </div>
            </div>
            <RootMessage errors={errors} />
          </form>
        </Drawer.Body>
        <DrawerFormFooter form="pickup-settings-form" isLoading={save.isPending} testId="save-pickup-settings" />
      </Drawer.Content>
    </Drawer>
  )
}
