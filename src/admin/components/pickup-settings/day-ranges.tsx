import { Trash, Plus } from "@medusajs/icons"
import { IconButton, Input, Text } from "@medusajs/ui"
import { Controller, useFieldArray, type Control, type FieldErrors } from "react-hook-form"
import { FieldMessage } from "../../lib/form"
import type { Day, Values } from "./form-values"

/** One day's opening ranges (none: closed that day). */
export const DayRanges = ({ control, day, name, errors }: { control: Control<Values>; day: Day; name: string; errors: FieldErrors<Values> }) => {
  const { fields, append, remove } = useFieldArray({ control, name: `hours.${day}` })
  return (
    <div className="grid grid-cols-[7rem_1fr_auto] items-start gap-2" data-testid={`hours-${day}`}>
      <Text size="small" className="pt-1.5">{name}</Text>
      <div className="flex flex-col gap-1">
        {fields.length === 0 && <Text size="small" className="text-ui-fg-muted">Closed</Text>}
        {fields.map((f, i) => (
          <div key={f.id}>
            <span className="flex items-center gap-1">
              <Controller control={control} name={`hours.${day}.${i}.open`} render={({ field }) => (
                <Input size="small" type="time" className="w-28" aria-label={`${name} opens`} {...field} />
              )} />
              –
              <Controller control={control} name={`hours.${day}.${i}.close`} render={({ field }) => (
                <Input size="small" type="time" className="w-28" aria-label={`${name} closes`} {...field} />
              )} />
              <IconButton type="button" size="small" variant="transparent" aria-label={`Remove ${name} range`} onClick={() => remove(i)}>
                <Trash />
              </IconButton>
            </span>
            <FieldMessage
              testId={`error-hours-${day}-${i}`}
              error={errors.hours?.[day]?.[i]?.close ?? errors.hours?.[day]?.[i]?.open ?? errors.hours?.[day]?.[i]}
            />
          </div>
        ))}
        <FieldMessage testId={`error-hours-${day}`} error={errors.hours?.[day]} />
      </div>
      <IconButton type="button" size="small" variant="transparent" aria-label={`Add ${name} range`}
        onClick={() => append({ open: "09:00", close: "18:00" })}>
        <Plus />
      </IconButton>
    </div>
  )
}
