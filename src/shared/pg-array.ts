/**
 * Text values as one bound PostgreSQL array literal, for `= any(?::text[])`
 * or a `text[]` column: one parameter however many values, each quoted and
 * escaped. (The planner uses an index for `= any(array)`; it can't see how
 * many rows a jsonb subquery gives, and would scan the table for one id.)
 */
export const pgArray = (values: string[]) =>
  `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`
