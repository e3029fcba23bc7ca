import { Button, Drawer, Text } from "@medusajs/ui"
import type { FieldErrors } from "react-hook-form"

type ErrorLike = { message?: unknown; root?: { message?: unknown } } | null | undefined

/**
 * A field's error under it: the form's own check, or the API's 400 for that
 * path. A list's own error (not one of its rows') may sit on its `root`.
 */
export const FieldMessage = ({ error, testId }: { error?: ErrorLike; testId?: string }) => {
  const message = typeof error?.message === "string" ? error.message : error?.root?.message
  return typeof message === "string" && message ? (
    <Text size="small" className="text-ui-fg-error mt-1" data-testid={testId}>
      {message}
    </Text>
  ) : null
}

/** What the API refused without naming one of the form's fields (a 409, a 404, …). */
export const RootMessage = ({ errors, testId = "form-error" }: { errors: FieldErrors; testId?: string }) => (
  <FieldMessage error={(errors.root as { server?: ErrorLike } | undefined)?.server} testId={testId} />
)

/** A drawer form's footer: Cancel closes the drawer, the submit button sends the form (by its id). */
export const DrawerFormFooter = ({
  form,
  isLoading,
  testId,
  children = "Save",
}: {
  form: string
  isLoading: boolean
  testId: string
  children?: React.ReactNode
}) => (
  <Drawer.Footer>
    <Drawer.Close asChild>
      <Button variant="secondary" size="small">Cancel</Button>
    </Drawer.Close>
    <Button type="submit" form={form} size="small" isLoading={isLoading} data-testid={testId}>
      {children}
    </Button>
  </Drawer.Footer>
)
