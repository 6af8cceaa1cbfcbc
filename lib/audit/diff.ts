// The readable part of an audit event: which fields changed between `before` and `after`, as
// text. Nested objects become dotted field names ("case.background"); arrays stay whole.

export type DiffRow = { field: string; before: string | null; after: string | null };

const MISSING = Symbol("missing");

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) out.set(prefix, value);
    for (const k of keys) flatten(value[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined && (value !== null || prefix)) {
    out.set(prefix || "verdi", value);
  }
  return out;
}

/** A stored JSON value as text for the page: strings as they are, everything else as JSON. */
export function auditValueText(v: unknown): string {
  if (typeof v === "string") return v;
  return JSON.stringify(v) ?? "";
}

/** Only the fields that differ; a field only before was removed, a field only after was added. */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const b = flatten(before, "", new Map());
  const a = flatten(after, "", new Map());
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  const rows: DiffRow[] = [];
  for (const field of fields) {
    const bv = b.has(field) ? b.get(field) : MISSING;
    const av = a.has(field) ? a.get(field) : MISSING;
    if (bv !== MISSING && av !== MISSING && JSON.stringify(bv) === JSON.stringify(av)) continue;
    rows.push({ field, before: bv === MISSING ? null : auditValueText(bv), after: av === MISSING ? null : auditValueText(av) });
  }
  return rows;
}
