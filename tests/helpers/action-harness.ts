import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/authz/policy";

// What the tests that call every server action directly share (tests/integration/action-fuzz.test.ts,
// tests/integration/access-matrix.test.ts): the actions found on disk, stand-ins for Next's request
// context, and a fingerprint of the database that any write changes.
//
// The stand-ins are plain objects, installed by each test file's own vi.mock calls through a
// dynamic import (vi.mock is hoisted above the file's imports):
//   vi.mock("@/lib/server/db", async () => (await import("@/tests/helpers/action-harness")).dbModule);
// This module imports nothing of the app, so those imports cannot loop back into a mocked module.

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** The database and the signed-in viewer the actions see. */
export const harness: { db: PrismaClient | null; viewer: Viewer | null } = { db: null, viewer: null };

// Next's navigation functions throw; these stand-ins throw errors the tests can tell apart.
export class Redirect extends Error {
  constructor(public readonly to: string) {
    super(`NEXT_REDIRECT ${to}`);
  }
}
export class NotFound extends Error {}
export class Forbidden extends Error {}
const isNavigation = (e: unknown) => e instanceof Redirect || e instanceof NotFound || e instanceof Forbidden;

export const dbModule = { getDb: async () => harness.db! };
export const viewerModule = (original: object) => ({ ...original, getViewer: async () => harness.viewer });
export const cacheModule = { revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} };
export const headersModule = { headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }) };
export const navigationModule = {
  redirect: (to: string) => {
    throw new Redirect(to);
  },
  permanentRedirect: (to: string) => {
    throw new Redirect(to);
  },
  notFound: () => {
    throw new NotFound("notFound");
  },
  forbidden: () => {
    throw new Forbidden("forbidden");
  },
  unauthorized: () => {
    throw new Forbidden("unauthorized");
  },
  unstable_rethrow: (e: unknown) => {
    if (isNavigation(e)) throw e;
  },
};
/** Sign-in itself is next-auth's; here every password is wrong, and signing out redirects home. */
export const authModule = async () => {
  const { CredentialsSignin } = await import("@auth/core/errors");
  return {
    auth: async () => null,
    signIn: async () => {
      throw new CredentialsSignin();
    },
    signOut: async () => {
      throw new Redirect("/");
    },
    externalProviderList: () => [],
    clientIp: async () => null,
    handlers: {},
  };
};
/** Delivery runs after the action returns; it would write between two fingerprints. */
export const mailModule = (original: object) => ({ ...original, processOutbox: async () => ({ sent: 0, failed: 0, retried: 0 }) });

// ───────────────────────────── The actions, found on disk ─────────────────────────────

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes(`${path.sep}generated${path.sep}`));
}

/** Every "use server" module under lib/ and app/. */
export const actionFiles = [...sourceFiles(path.join(ROOT, "lib")), ...sourceFiles(path.join(ROOT, "app"))].filter((f) => /^\s*["']use server["']/.test(readFileSync(f, "utf8")));

export type AnyAction = (...args: unknown[]) => Promise<unknown>;
/** Field name → the values its schema accepts, when it is a choice (enum, literal, checkbox). */
export type Fields = Map<string, string[]>;
export type ActionEntry = { name: string; file: string; fn: AnyAction; fields: Fields };

// Field names an action reads: its zod schemas' keys, formData.get("…") literals, also in the
// module's own helpers it calls (runItemCommand, loadScope, …).
type ZodLike = { shape?: Record<string, unknown>; def?: Record<string, unknown> & { type?: string } } | undefined;
const inner = (s: ZodLike) => ["in", "innerType", "schema", "out"].map((k) => s?.def?.[k] as ZodLike).filter(Boolean);

function choices(schema: ZodLike, depth = 0): string[] {
  const def = schema?.def;
  if (!def || depth > 8) return [];
  if (def.type === "enum") return Object.values(def.entries as Record<string, string>).map(String);
  if (def.type === "literal") return (def.values as unknown[]).map(String);
  if (def.type === "boolean") return ["on", "true", ""];
  if (def.type === "union") return (def.options as ZodLike[]).flatMap((o) => choices(o, depth + 1));
  return inner(schema).flatMap((s) => choices(s, depth + 1));
}

function schemaFields(schema: unknown): Fields {
  let s = schema as ZodLike;
  for (let i = 0; s && i < 10; i++) {
    if (s.shape && typeof s.shape === "object") return new Map(Object.entries(s.shape).map(([k, v]) => [k, choices(v as ZodLike)]));
    s = inner(s)[0];
  }
  return new Map();
}

function functionBodies(source: string): Map<string, string> {
  const starts = [...source.matchAll(/^(?:export\s+)?(?:async\s+)?function\s+(\w+)/gm)];
  const bodies = new Map<string, string>();
  starts.forEach((m, i) => bodies.set(m[1], source.slice(m.index, starts[i + 1]?.index ?? source.length)));
  return bodies;
}

/** Every exported zod object schema in lib/**\/schemas.ts, by export name. */
export async function loadSchemas(): Promise<Map<string, Fields>> {
  const schemas = new Map<string, Fields>();
  for (const file of sourceFiles(path.join(ROOT, "lib")).filter((f) => /schemas\.ts$/.test(f))) {
    for (const [name, value] of Object.entries((await import(file)) as Record<string, unknown>)) {
      const fields = schemaFields(value);
      if (fields.size) schemas.set(name, fields);
    }
  }
  return schemas;
}

/** Every exported function of every "use server" module, with the form fields it reads. Import after the mocks are in place. */
export async function loadActions(allSchemas: Map<string, Fields>): Promise<ActionEntry[]> {
  const entries: ActionEntry[] = [];
  for (const file of actionFiles) {
    const mod = (await import(file)) as Record<string, unknown>;
    const bodies = functionBodies(readFileSync(file, "utf8"));
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== "function") continue;
      const own = bodies.get(name) ?? "";
      const helpers = [...bodies.keys()].filter((h) => h !== name && new RegExp(`\\b${h}\\(`).test(own)).map((h) => bodies.get(h)!);
      const text = [own, ...helpers].join("\n");
      const fields: Fields = new Map();
      for (const m of text.matchAll(/\b(\w+Schema)\b/g)) for (const [k, c] of allSchemas.get(m[1]) ?? []) fields.set(k, [...(fields.get(k) ?? []), ...c]);
      for (const m of text.matchAll(/formData\.(?:get|getAll)\("([^"]+)"\)/g)) if (!fields.has(m[1])) fields.set(m[1], []);
      entries.push({ name, file: path.relative(ROOT, file), fn: fn as AnyAction, fields });
    }
  }
  return entries;
}

/** Which kind of row a form field names, by its name: the kinds are the keys of the tests' id maps. */
export const ID_KIND: [RegExp, string][] = [
  [/^(meetingId|fromMeetingId|targetMeetingId)$/, "meeting"],
  [/^actionItemId$/, "actionItem"],
  [/^(itemId|arrivedAtItemId|leftAfterItemId)$/, "agendaItem"],
  [/^caseId$/, "case"],
  [/^decisionId$/, "decision"],
  [/^minutesId$/, "minutes"],
  [/^(planId|strategyId)$/, "plan"],
  [/^focusAreaId$/, "focusArea"],
  [/^goalId$/, "goal"],
  [/^measureId$/, "measure"],
  [/^sectionId$/, "planSection"],
  [/^(personId|personIds|chairId|secretaryId|substituteForId|ownerPersonId)$/, "person"],
  [/^(bodyId|responsibleBodyId|ownerBodyId|parentBodyId)$/, "body"],
  [/^memberId$/, "councilMember"],
  [/^(organizationId|ownerOrganizationId|representsId)$/, "organization"],
  [/^membershipId$/, "membership"],
  [/^userId$/, "user"],
  [/^identityId$/, "identity"],
  [/^tagId$/, "tag"],
  [/^targetId$/, "caseOrDecision"],
  [/^id$/, "planPart"],
  [/^attendanceId$/, "attendance"],
  [/^attachmentId$/, "attachment"],
  [/^councilSlug$/, "councilSlug"],
  [/^token$/, "token"],
  [/^tag$/, "tagRef"],
  [/^owner$/, "ownerRef"],
];
export const idKind = (field: string) => ID_KIND.find(([re]) => re.test(field))?.[1] ?? null;

/** Actions that take an object (the editor's state), not a form. */
export const OBJECT_INPUT = new Set(["saveItemMinutesAction"]);

export type Outcome = "refused" | "accepted" | "redirect" | "notFound" | "forbidden" | "void";

export function toFormData(entries: [string, string | File][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

/**
 * Calls the action the way Next does (useActionState passes the previous state first); returns
 * what it returned, or the navigation it threw. Any other exception is rethrown with its cause.
 */
export async function callAction(a: ActionEntry, input: unknown): Promise<{ outcome: Outcome; state?: unknown }> {
  try {
    const state = OBJECT_INPUT.has(a.name) ? await a.fn(input) : a.fn.length >= 2 ? await a.fn({ ok: false }, toFormData(input as [string, string | File][])) : await a.fn(toFormData(input as [string, string | File][]));
    if (state === undefined) return { outcome: "void" };
    return { outcome: (state as { ok?: boolean }).ok ? "accepted" : "refused", state };
  } catch (e) {
    if (e instanceof Redirect) return { outcome: "redirect" };
    if (e instanceof NotFound) return { outcome: "notFound" };
    if (e instanceof Forbidden) return { outcome: "forbidden" };
    const where = e instanceof Error ? (e.stack ?? "").split("\n").find((l) => l.includes("/lib/")) ?? "" : "";
    // Prisma puts the invocation first and the cause last.
    const cause = e instanceof Error ? e.message.trim().split("\n").filter(Boolean).at(-1)!.slice(0, 300) : String(e);
    throw new Error(`threw (a 500 in production): ${e instanceof Error ? e.name : "throw"}: ${cause} ${where.trim()}`, { cause: e });
  }
}

// ───────────────────────────── Database fingerprint ─────────────────────────────

/**
 * Per table: the row count and the sum of the rows' xmin (the transaction that wrote each row
 * version). Any insert, update or delete changes one of them; reads and row locks do not.
 */
export async function fingerprinter(db: PrismaClient): Promise<() => Promise<Record<string, string>>> {
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1",
  );
  const sql = tables.map(({ table_name: n }) => `SELECT '${n}' AS t, count(*)::text AS n, coalesce(sum(xmin::text::bigint), 0)::text AS x FROM "${n}"`).join(" UNION ALL ");
  return async () => {
    const rows = await db.$queryRawUnsafe<{ t: string; n: string; x: string }[]>(sql);
    return Object.fromEntries(rows.map((r) => [r.t, `${r.n}/${r.x}`]));
  };
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((k) => before[k] !== after[k]);
}
