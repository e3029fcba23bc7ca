#!/usr/bin/env node
// The layer check: dependency-cruiser over src and the desk app with .dependency-cruiser.cjs.
// Prints one line per violation (rule: from → to, or the cycle) and exits 1
// when there is any. A script rather than an in-test import: dependency-cruiser
// is ESM only, and jest runs the tests as CommonJS.
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { cruise } from "dependency-cruiser"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
process.chdir(root)
const config = createRequire(import.meta.url)(path.join(root, ".dependency-cruiser.cjs"))

const result = await cruise(["src", "desk/src"], { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } })
const { summary } = result.output
const lines = summary.violations.map((v) =>
  v.cycle?.length
    ? `${v.rule.name}: ${[v.from, ...v.cycle.map((c) => c.name ?? c)].join(" → ")}`
    : `${v.rule.name}: ${v.from} → ${v.to}`
)
if (lines.length) {
  console.error(`${lines.length} layer violation(s):\n  ${lines.join("\n  ")}`)
  process.exit(1)
}
console.log(`layers: no violations (${summary.totalCruised} files, ${summary.totalDependenciesCruised} imports)`)
