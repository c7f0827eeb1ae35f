// Reading PostgreSQL's EXPLAIN (FORMAT JSON) trees: which big tables a plan touches and how.
// Used by the benchmark (scripts/bench/run.ts) and lib/dal/metrics-explain.db.test.ts.

/** The tables that grow with every session and request: a plan must never read one of them whole. */
export const BIG_TABLES: ReadonlySet<string> = new Set(['session_logs', 'pain_check_ins', 'patient_days', 'audit_events']);

export type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
};

/** Every node of the tree, depth first. */
export function planNodes(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(node);
  for (const child of node.Plans ?? []) planNodes(child, out);
  return out;
}

/** The big tables the plan reads with a Seq Scan (a whole-table read), one entry per such node. */
export function seqScansOnBigTables(node: PlanNode, tables: ReadonlySet<string> = BIG_TABLES): string[] {
  return planNodes(node)
    .filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] !== undefined && tables.has(n['Relation Name']))
    .map((n) => n['Relation Name'] ?? '');
}

/** "Index Only Scan on session_logs (session_logs_…_idx)"-style names of the nodes that touch a big table. */
export function bigTableAccess(node: PlanNode, tables: ReadonlySet<string> = BIG_TABLES): string[] {
  const found = new Set<string>();
  for (const n of planNodes(node)) {
    const relation = n['Relation Name'];
    if (relation && tables.has(relation)) found.add(`${n['Node Type']} on ${relation}${n['Index Name'] ? ` (${n['Index Name']})` : ''}`);
  }
  return [...found];
}

/** Node types with their relation, for an assertion message. */
export function nodeTypes(node: PlanNode): Set<string> {
  return new Set(planNodes(node).map((n) => `${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}`));
}
