import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ENGAGEMENT_MODULE } from "../src/modules/engagement"
import { acquireLockStep } from "@medusajs/medusa/core-flows"

export default async function ({ container }: ExecArgs) {
  const engagement: any = container.resolve(ENGAGEMENT_MODULE)
  const segs = await engagement.listSegments({}, { take: null })
  const cid = "cus_bench00000100"
  let a = performance.now()
  for (let k = 0; k < 5; k++) for (const s of segs) await engagement.claimMembership(s.id, [], [cid])
  const claim = (performance.now() - a) / 5
  a = performance.now()
  const locking = container.resolve(Modules.LOCKING)
  for (let k = 0; k < 20; k++) { await locking.acquire(["x" + k], { expire: 60 }); await locking.release(["x" + k]) }
  const lock = (performance.now() - a) / 20
  console.log("PROF", JSON.stringify({ claim20: claim, lockPair: lock }))
}
