import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE } from "../../../modules/routing"
import type { IRoutingModuleService } from "../../../types/modules"

export type LocationRoutingChange = {
  location_id: string
  ships?: boolean | null
  safety_stock?: number
  latitude?: number | null
  longitude?: number | null
}

type Row = { id: string; location_id: string; ships: boolean | null; safety_stock: number; latitude: number | null; longitude: number | null }

export const upsertRoutingLocationsStepId = "upsert-routing-locations"

/** Sets each location's shipping settings (fields left out stay); the compensation restores or removes the rows. */
export const upsertRoutingLocationsStep = createStep(
  upsertRoutingLocationsStepId,
  async (changes: LocationRoutingChange[], { container }) => {
    const routing = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    if (!changes.length) return new StepResponse(undefined, { previous: [] as Row[], created: [] as string[] })
    const existing = (await routing.listRoutingLocations({ location_id: changes.map((c) => c.location_id) })) as Row[]
    const byLocation = new Map(existing.map((r) => [r.location_id, r]))
    const created: string[] = []
    for (const c of changes) {
      const { location_id, ...fields } = c
      const row = byLocation.get(location_id)
      if (row) await routing.updateRoutingLocations({ id: row.id, ...fields })
      else created.push((await routing.createRoutingLocations({ location_id, ...fields })).id)
    }
    return new StepResponse(undefined, { previous: existing, created })
  },
  async (undo, { container }) => {
    if (!undo) return
    const routing = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    if (undo.created.length) await routing.deleteRoutingLocations(undo.created)
    for (const r of undo.previous) await routing.updateRoutingLocations(r)
  }
)
