/**
 * Times the loyalty balance read (available + pending, summed from the ledger
 * under the account's index) for the bench account, in-process: the figure
 * the issue asks for, without HTTP around it. Prints one BENCH_BALANCE line.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { LOYALTY_MODULE } from "../src/modules/loyalty"

export default async function balanceReads({ container }: ExecArgs) {
  const loyalty: any = container.resolve(LOYALTY_MODULE)
  const [account] = await loyalty.listLoyaltyAccounts({ id: process.env.BENCH_ACCOUNT_ID })
  const entries = await loyalty.listAndCountLoyaltyEntries({ account_id: account.id }, { take: 1 })
  const runs = Number(process.env.BENCH_BALANCE_RUNS ?? 300)
  for (let i = 0; i < 30; i++) await loyalty.balance(account.id)
  const times: number[] = []
  let balance
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    balance = await loyalty.balance(account.id)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]
  console.log(`BENCH_BALANCE ${JSON.stringify({ entries: entries[1], runs, p50: p(0.5), p95: p(0.95), balance })}`)
}
