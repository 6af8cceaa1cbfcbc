import { describe, expect, it } from "vitest";
import { filterQuery, parseActionFilter, updateStatusSchema } from "@/lib/follow-up/schemas";

describe("follow-up filters in the query string", () => {
  it("falls back to the defaults on missing or malformed values instead of failing", () => {
    const f = parseActionFilter({ status: "tull", sort: "x", retning: "opp", visning: "tavle", q: "  lønn  " });
    expect(f).toMatchObject({ status: "aktive", sort: "frist", retning: "asc", visning: "tavle", q: "lønn", mine: "" });
  });

  it("writes back only what differs from the defaults, so links stay short and bookmarkable", () => {
    const f = parseActionFilter(new URLSearchParams("rad=ringeriksregionen&status=alle&sort=frist"));
    expect(filterQuery(f)).toBe("?rad=ringeriksregionen&status=alle");
    expect(filterQuery(f, { sort: "tittel", retning: "desc" })).toBe("?rad=ringeriksregionen&status=alle&sort=tittel&retning=desc");
    expect(filterQuery(parseActionFilter({}))).toBe("");
  });

  it("drops NUL bytes, which PostgreSQL refuses, and ids that cannot be ids", () => {
    const f = parseActionFilter(new URLSearchParams("q=l%C3%B8nn%00&rad=%00&ansvarlig=%00&organ=abc%00&kommune=a%20b&tiltak=%00&fokus=cm0fokus_1"));
    expect(f).toMatchObject({ q: "lønn", rad: undefined, ansvarlig: undefined, organ: undefined, kommune: undefined, tiltak: undefined, fokus: "cm0fokus_1" });
    expect(parseActionFilter({ q: "\u0000" }).q).toBeUndefined();
  });
});

describe("status updates", () => {
  const base = { actionItemId: "a", version: "3", currentStatus: "IN_PROGRESS" };
  it("asks for a note when the status stays the same", () => {
    const r = updateStatusSchema.safeParse({ ...base, status: "IN_PROGRESS", comment: "" });
    expect(r.error?.issues[0]).toMatchObject({ path: ["comment"] });
    expect(updateStatusSchema.safeParse({ ...base, status: "IN_PROGRESS", comment: "Møte holdt." }).success).toBe(true);
  });
  it("asks for an outcome when closing as done, not when cancelling", () => {
    expect(updateStatusSchema.safeParse({ ...base, status: "DONE" }).error?.issues[0]).toMatchObject({ path: ["outcomeNote"] });
    expect(updateStatusSchema.safeParse({ ...base, status: "CANCELLED" }).success).toBe(true);
  });

  it("refuses due dates that do not exist", async () => {
    const { editActionItemSchema } = await import("@/lib/follow-up/schemas");
    const r = editActionItemSchema.safeParse({ actionItemId: "a", version: "1", title: "Noe å gjøre", responsibleText: "Sekretariatet", dueDate: "2026-02-30" });
    expect(r.error?.issues[0]).toMatchObject({ path: ["dueDate"], message: "Datoen finnes ikke." });
    expect(editActionItemSchema.safeParse({ actionItemId: "a", version: "1", title: "Noe å gjøre", responsibleText: "Sekretariatet", dueDate: "2028-02-29" }).success).toBe(true);
  });
});
