import { ArrowDownMini, ArrowUpMini } from "@medusajs/icons"
import { IconButton, Text } from "@medusajs/ui"
import { useState } from "react"

/** Moves the item at `from` to `to` in a copy of `list`. */
const moved = <T,>(list: T[], from: number, to: number) => {
  if (to < 0 || to >= list.length) return list
  const copy = [...list]
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item)
  return copy
}

/**
 * An ordered list: drag a row onto another, or use its arrows (keyboard).
 * Rows are ids; `label` names them.
 */
export const OrderedList = ({
  ids,
  label,
  onChange,
  testId,
  extra,
}: {
  ids: string[]
  label: (id: string) => React.ReactNode
  onChange: (ids: string[]) => void
  testId: string
  extra?: (id: string) => React.ReactNode
}) => {
  const [dragged, setDragged] = useState<number | null>(null)
  return (
    <ol className="flex flex-col gap-y-1" data-testid={testId}>
      {ids.map((id, i) => (
        <li
          key={id}
          draggable
          onDragStart={() => setDragged(i)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={() => {
            if (dragged !== null) onChange(moved(ids, dragged, i))
            setDragged(null)
          }}
          className="bg-ui-bg-component shadow-borders-base flex cursor-grab items-center gap-x-2 rounded-md px-2 py-1"
          data-testid={`${testId}-${i}`}
        >
          <Text size="small" className="text-ui-fg-muted w-5">{i + 1}.</Text>
          <div className="flex-1">{label(id)}</div>
          {extra?.(id)}
          <IconButton type="button" size="2xsmall" variant="transparent" aria-label="Move up" disabled={i === 0} onClick={() => onChange(moved(ids, i, i - 1))}>
            <ArrowUpMini />
          </IconButton>
          <IconButton type="button" size="2xsmall" variant="transparent" aria-label="Move down" disabled={i === ids.length - 1} onClick={() => onChange(moved(ids, i, i + 1))}>
            <ArrowDownMini />
          </IconButton>
        </li>
      ))}
    </ol>
  )
}
