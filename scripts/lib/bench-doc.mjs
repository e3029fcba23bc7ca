// The generated part of docs/PERFORMANCE.md: the machine, how each figure
// was measured, the table and the verdicts of one `npm run bench` run.
import os from "node:os"

export function performanceDoc({ runs, counts, farStore, routing, history, balance, segments, counter, table, verdicts }) {
  const { LOCATOR_RUNS, CHECKOUT_RUNS, HISTORY_RUNS, METRICS_RUNS } = runs
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.env.DB_HOST ? "PostgreSQL at DB_HOST" : "embedded PostgreSQL"}`
  const topology = process.env.REDIS_URL
    ? "A Medusa server and a worker (\`medusa start\` with MEDUSA_WORKER_MODE=server / worker) sharing Redis for events, locking, workflow state and cache"
    : "One Medusa process (\`medusa start\`, in-process event bus and locking)"
  return `# Performance

Measured by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine}. ${topology}, requests sent one at a time from the same
machine.

Data set: ${counts.stores} pickup-enabled stores, ${counts.variants} variants,
${counts.levels} inventory levels (bench/seed-bench.ts on top of the demo seed).

- Locator: the same 10-item cart; the plugin's store locator sorted by distance
  with per-store availability, against Medusa's own shipping options for that
  cart. ${LOCATOR_RUNS} interleaved requests each after 20 warm-up pairs.
- Checkout: one-item carts prepared the same way (payment session with the
  system provider) and completed one at a time in a seeded shuffled order per
  round, ${CHECKOUT_RUNS} of each kind after 5
  warm-up rounds: standard delivery (Medusa's completion alone); pickup at Lyon
  Bellecour chosen with the plugin's route and with Medusa's shipping-methods
  route; pickup of an item stocked at five stores (and nowhere else) at the
  one Medusa would not reserve at (${farStore.name}), chosen with Medusa's route.
  Pickups run completeOmnichannelCartWorkflow (locks, stock check at the
  store, Medusa's completion, reservation replaced at the store, pickup
  record). A fifth kind: standard delivery in the Mobile app channel, whose
  routing rules (fewest locations, nearest, ranking; every location of the
  data set shipping) choose the location (bench/routing.ts). After the runs
  the bench checks every pickup reservation sits at its store, every routed
  one at its allocated location, and no inventory level drifted.
- Floor: Medusa's \`GET /store/regions\`, interleaved with the locator, as the
  cost of any store route on this machine.
- Routing decision: \`allocate\` for a ${routing.items}-item cart over the ${routing.locations}
  shipping locations of the Mobile app channel, in-process, alone and with the
  read of their stock (${routing.runs} runs each, bench/routing.ts).
- History: one customer with ${history.orders ?? "5,000"} orders over the web store, the app
  and the shops (bench/seed-history.ts); the plugin's unified history against
  Medusa's own \`GET /store/orders\` for the same customer, 20 per page, page 1
  and page 50, ${HISTORY_RUNS} interleaved requests each after 10 warm-up rounds.
- Balance: \`LoyaltyModuleService.balance()\` (available and pending summed from
  the ledger) for that customer's account with ${balance.entries} entries, ${balance.runs} reads in-process
  (bench/balance-reads.ts).
- Segments: ${segments.customers} customers and ${segments.purchases} purchases over the three channels and two
  years written straight into the customer table and the engagement read model
  (bench/segments.ts), twenty segments (every rule and the eleven RFM groups),
  \`refreshSegmentsWorkflow\` timed into empty customer groups and again; then
  for ${segments.incremental.runs} real orders \`recordOrderEngagementWorkflow\` (the order read
  from the Order Module with its summary total, the purchase written, the
  customer's segments an order can change (all but subscribers and account
  holders) updated under their lock, recovery attribution beside them) and, apart,
  \`syncCustomerSegmentsWorkflow\` for the same customer, in-process, one at a time.
- Counter (bench/counter.ts, in-process, ${counter.runs} interleaved runs after 5 warm-up):
  a till sale of 3 lines to a member at Lyon Bellecour (\`createInStoreSaleWorkflow\`)
  against Medusa's \`completeCartWorkflow\` for a delivery cart of the same 3
  lines prepared beforehand; a one-line return at the shop with its refund
  (\`returnAtStoreWorkflow\`) against Medusa's \`createAndCompleteReturnOrderWorkflow\`
  for one line of the same kind of order, as its store route runs it (a return
  requested, not received, nothing refunded: with \`receive_now\` Medusa 2.21
  receives every line in full and fails on a partial return).
- Metrics: \`GET /admin/omnichannel-metrics\` over those purchases (the default
  12 months, all channels; and the Web store alone) through HTTP as the admin
  page asks for it, ${METRICS_RUNS} interleaved requests each after 3 warm-up rounds, beside
  Medusa's \`GET /admin/orders?limit=20\`.

${table}

${verdicts.map((v) => `- ${v}`).join("\n")}
`
}
