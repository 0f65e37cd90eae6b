import { sqlMigration } from '@opsgraph/persistence';

/** The ticket cells' and the asset and incident cells' sketches (sketch/ddsketch.ts `SketchData`). */
const SKETCHES = [
  { table: 'kpi_day_cells', fields: ['responseSketch', 'resolutionSketch'] },
  { table: 'kpi_ops_day_cells', fields: ['repairSketch', 'incidentResolveSketch'] },
];

/** `[[key, count], …]` → `{offset: the lowest key, counts: 'count,…,−empty bins skipped,count,…'}`. */
const runs = (sketch: string) => `(
  select jsonb_build_object('alpha', ${sketch}->'alpha', 'zeroCount', ${sketch}->'zeroCount',
    'offset', coalesce(min(p.k), 0),
    'counts', coalesce(string_agg(v.x::text, ',' order by p.k, v.step) filter (where v.x is not null), ''))
  from (select (e->>0)::int as k, (e->>1)::bigint as n,
               (e->>0)::int - lag((e->>0)::int) over (order by (e->>0)::int) - 1 as gap
          from jsonb_array_elements(${sketch}->'bins') e) p
  cross join lateral (values (0, case when p.gap > 0 then -p.gap end), (1, p.n)) v(step, x))`;

/** Back: each count ≥ 1 as `[key, count]`, its key the offset plus the bins (and skips) before it. */
const pairs = (sketch: string) => `jsonb_build_object('alpha', ${sketch}->'alpha',
  'zeroCount', ${sketch}->'zeroCount',
  'bins', coalesce((
    select jsonb_agg(jsonb_build_array(t.k, t.x) order by t.i)
      from (select a.i, a.x::bigint as x,
                   ((${sketch}->>'offset')::int + coalesce(sum(case when a.x::bigint < 0 then -a.x::bigint else 1 end)
                     over (order by a.i rows between unbounded preceding and 1 preceding), 0))::int as k
              from unnest(string_to_array(${sketch}->>'counts', ',')) with ordinality a(x, i)) t
     where t.x > 0), '[]'::jsonb))`;

const rewrite = (convert: (sketch: string) => string, stored: 'bins' | 'counts') =>
  SKETCHES.map(
    ({ table, fields }) =>
      `update ${table} set counters = counters || jsonb_build_object(${fields
        .map((field) => `'${field}', ${convert(`counters->'${field}'`)}`)
        .join(', ')})
       where counters->'${fields[0]}' ? '${stored}'`,
  );

/**
 * Sketches stored as runs of counts (docs/product.md §KPI "Percentiles"): a cell's `[key, count]` pairs become one
 * text of counts from its lowest key (a run of empty bins as one negative number), so a month's read gets one string
 * per sketch instead of hundreds of jsonb numbers to format and parse.
 */
export const SketchBinRuns1796300000022 = sqlMigration({
  name: 'SketchBinRuns1796300000022',
  up: rewrite(runs, 'bins'),
  down: rewrite(pairs, 'counts'),
});
