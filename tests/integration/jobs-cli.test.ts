import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runTsScript, withPrisma } from "@/tests/helpers/cli";

// `npm run jobs -- --once` as a deployment runs it: a separate process on the configured database
// (an embedded PGlite folder here). Two rounds queue each follow-up reminder once.
describe("jobs CLI", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "ipr-jobs-cli-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function run(script: string, args: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, NODE_ENV: "development", PUBLIC_URL: "https://ipr.example" };
    delete env.DATABASE_URL;
    delete env.SMTP_URL;
    return runTsScript(script, args, env);
  }

  const withDb = <T>(fn: (db: PrismaClient) => Promise<T>) => withPrisma({ kind: "pglite", dataDir }, fn);

  it("queues due reminders once, also when run again", async () => {
    expect((await run("scripts/db.ts", ["migrate"])).code).toBe(0);
    const seeded = await run("prisma/seed/run.ts", ["--if-empty"]);
    expect(seeded.code, seeded.out).toBe(0);
    // One open demo item, due tomorrow, with the secretariat's Inger Kammerud responsible.
    const expected = await withDb(async (db) => {
      await db.actionItem.updateMany({ data: { dueDate: null } });
      const inger = await db.person.findFirstOrThrow({ where: { name: "Inger Kammerud" }, select: { id: true } });
      const item = await db.actionItem.findFirstOrThrow({ where: { assignees: { some: { personId: inger.id } } }, select: { id: true, assignees: { select: { personId: true } } } });
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await db.actionItem.update({ where: { id: item.id }, data: { status: "OPEN", dueDate: new Date(`${tomorrow}T00:00:00Z`) } });
      return item.assignees.filter((a) => a.personId).length;
    });

    const first = await run("scripts/jobs.ts", ["--once"]);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain(`Påminnelser om oppfølging lagt i utboksen: ${expected}`);
    const second = await run("scripts/jobs.ts", ["--once"]);
    expect(second.code, second.out).toBe(0);
    expect(second.out).not.toContain("Påminnelser om oppfølging lagt i utboksen");

    const rows = await withDb((db) => db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "reminder:due-soon:" } }, select: { toAddress: true, text: true } }));
    expect(rows).toHaveLength(expected);
    expect(rows.map((r) => r.toAddress)).toContain("sekretariat@ipr.example");
    expect(rows[0].text).toContain("https://ipr.example/portal/oppfolging/");
  }, 240_000);
});
