import { createHash } from "node:crypto";
import type { MinutesDocument } from "@/lib/minutes/minutes-model";

// The hash recorded at approval: SHA-256 over the internal version's content in a canonical JSON
// form (sorted keys). Approval facts, errata and publication are left out: they are added after
// approval without changing what was approved.
export function minutesContentHash(doc: MinutesDocument): string {
  const { approval: _a, errata: _e, publishedAt: _p, status: _s, version: _v, audience: _au, items, ...rest } = doc;
  // Follow-up (also the "Oppfølging av vedtak" list) and proposals to later meetings live on after
  // approval (due dates move); they are shown on the minutes but are not part of what was approved.
  const content = { ...rest, items: items.map(({ actionItems: _ai, proposedItems: _pi, followUpList: _fl, ...item }) => item) };
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
