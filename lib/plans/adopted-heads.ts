import "server-only";
import type { Db, Tx } from "@/lib/server/db";
import type { PlanDocument } from "@/lib/plans/document";
import type { PlanKind } from "@/lib/plans/schemas";

/** A plan as its latest adopted version names it, and the parts that version has. */
export type AdoptedHead = {
  title: string;
  kind: PlanKind;
  periodFrom: number;
  periodTo: number;
  areas: Map<string, string>;
  measures: Map<string, string>;
};

/**
 * For plans under revision: what a reader without draft rights sees of them, the latest adopted
 * version's title, period and parts, not the text in progress. Plans not under revision are not in
 * the map; their live heading is the adopted one. One query, usually of no rows.
 */
export async function adoptedHeads(db: Db | Tx, planIds: string[]): Promise<Map<string, AdoptedHead>> {
  const heads = new Map<string, AdoptedHead>();
  if (planIds.length === 0) return heads;
  const versions = await db.planVersion.findMany({
    where: { planId: { in: [...new Set(planIds)] }, plan: { revisionOpen: true } },
    orderBy: [{ planId: "asc" }, { number: "desc" }],
    select: { planId: true, snapshot: true },
  });
  for (const v of versions) {
    if (heads.has(v.planId)) continue;
    const doc = v.snapshot as unknown as PlanDocument;
    heads.set(v.planId, {
      title: doc.title,
      kind: doc.kind,
      periodFrom: doc.periodFrom,
      periodTo: doc.periodTo,
      areas: new Map(doc.focusAreas.map((a) => [a.id, a.title])),
      measures: new Map(doc.focusAreas.flatMap((a) => a.measures.map((m) => [m.id, m.title] as const))),
    });
  }
  return heads;
}

/** The row with its heading as adopted, when the plan is under revision. */
export function asAdopted<T extends { id: string; title: string }>(row: T, heads: Map<string, AdoptedHead>): T {
  const h = heads.get(row.id);
  if (!h) return row;
  return {
    ...row,
    title: h.title,
    ...("kind" in row ? { kind: h.kind } : {}),
    ...("periodFrom" in row ? { periodFrom: h.periodFrom } : {}),
    ...("periodTo" in row ? { periodTo: h.periodTo } : {}),
  };
}
