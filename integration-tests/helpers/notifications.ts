import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The development notification provider's log lines (it logs through the
 * app's logger at info; the tests run at LOG_LEVEL=error, so the spy reads
 * what would have been written).
 */
export function notificationLog(container: any) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const spy = jest.spyOn(logger, "info")
  return {
    lines: () => spy.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith("Notification to ")),
    restore: () => spy.mockRestore(),
  }
}
