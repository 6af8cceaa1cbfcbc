import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseType } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { checkMinutes, type MinutesChecks } from "@/lib/minutes/legal-check";
import { seedDemoData } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";

// The § 11-4 check on the seeded Ringeriksregionen AU meeting of 17 January 2022 (full attendance,
// place and time, seven items). Every case runs in a transaction that is rolled back, so each starts
// from the seed and a fault in one cannot leak into the next.

const TX = { maxWait: 60_000, timeout: 60_000 };
const AU_17_JAN = new Date("2022-01-17T13:00:00Z");
const AU_2027 = new Date("2027-01-18T13:00:00Z");

class Rollback extends Error {}

const codes = (c: MinutesChecks) => c.warnings.map((w) => w.code);
const messages = (c: MinutesChecks, code: string) => c.warnings.filter((w) => w.code === code).map((w) => w.message);

describe("checkMinutes (kommuneloven § 11-4)", () => {
  let t: TestDb;
  let meetingId: string;
  let bodyId: string;

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    const m = await t.db.meeting.findFirstOrThrow({
      where: { startsAt: AU_17_JAN, body: { council: { slug: "ringeriksregionen" }, abbreviation: "AU" } },
      select: { id: true, bodyId: true },
    });
    meetingId = m.id;
    bodyId = m.bodyId;
  }, 120_000);
  afterAll(async () => t?.close());

  /** Runs `mutate`, then the check, inside a transaction that is always rolled back. */
  async function checkAfter(mutate: (tx: Tx) => Promise<unknown>, id?: string): Promise<MinutesChecks> {
    let out: MinutesChecks | undefined;
    try {
      await t.db.$transaction(async (tx) => {
        // The seeded 17 January minutes are approved and locked by the database; these cases vary
        // them inside a transaction that is always rolled back (and the trigger change with it).
        for (const table of ["Minutes", "Meeting", "AgendaItem", "Decision", "Proposal", "Disqualification", "RoundTableContribution", "Attendance"]) {
          await tx.$executeRawUnsafe(`ALTER TABLE "${table}" DISABLE TRIGGER minutes_lock`);
        }
        await mutate(tx);
        out = await checkMinutes(tx, id ?? meetingId);
        throw new Rollback();
      }, TX);
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
    if (!out) throw new Error("check did not run");
    return out;
  }

  const item = (tx: Tx, number: number) =>
    tx.agendaItem.findFirstOrThrow({ where: { meetingId, number }, select: { id: true, decision: { select: { id: true } } } });
  const person = (tx: Tx, name: string) => tx.person.findFirstOrThrow({ where: { name }, select: { id: true } });
  const setPolitical = (tx: Tx, isPolitical: boolean) => tx.body.update({ where: { id: bodyId }, data: { isPolitical } });

  /**
   * The seeded referat as printed lacks voting results, and sak 5/22 and 6/22 have no decision.
   * This completes it: the baseline every other case breaks in one place.
   */
  async function complete(tx: Tx, isPolitical = true) {
    await setPolitical(tx, isPolitical);
    await tx.decision.updateMany({ where: { agendaItem: { meetingId } }, data: { voting: "ENSTEMMIG" } });
    const sak5 = await item(tx, 5);
    await tx.decision.create({ data: { agendaItemId: sak5.id, kind: "VEDTAK", text: "Informasjonen tas til orientering", voting: "ENSTEMMIG" } });
    const sak6 = await item(tx, 6);
    await tx.decision.create({ data: { agendaItemId: sak6.id, kind: "KONKLUSJON", text: "Sakene settes opp på IPR-møtet 7. februar" } });
  }

  it("the AU is political in the seed", async () => {
    const body = await t.db.body.findUniqueOrThrow({ where: { id: bodyId }, select: { isPolitical: true } });
    expect(body.isPolitical).toBe(true);
  });

  it("the completed referat of 17 January 2022 has no warnings and no info", async () => {
    const c = await checkAfter((tx) => complete(tx));
    expect(c).toEqual({ warnings: [], info: [] });
  });

  it("the referat as seeded: sak 5/22 and 6/22 lack a decision, and no decision records its voting", async () => {
    const c = await checkAfter((tx) => setPolitical(tx, true));
    expect(messages(c, "decision-missing")).toEqual([
      expect.stringMatching(/^Vedtak mangler i Sak 5\/22 «Orienteringer om saker i IPRet»\./),
      expect.stringMatching(/^Konklusjon mangler i Sak 6\/22 «Forslag til saker til IPR-møtet 7\. februar»\./),
    ]);
    // Sak 1–4/22 have decisions; Eventuelt (7/22) needs none.
    expect(messages(c, "voting-missing")).toHaveLength(4);
    expect(messages(c, "voting-missing")[3]).toMatch(/^Voteringsresultat mangler i Sak 4\/22 «Prinsipp saker\/samhandlingsinstruks»\./);
    expect(c.warnings.every((w) => !/7\/22/.test(w.message))).toBe(true);
    for (const code of ["place", "end-time", "end-time-invalid", "attendance-none", "attendance-missing", "closed-basis", "votes-missing", "no-adopted"]) {
      expect(codes(c)).not.toContain(code);
    }
    // Sak 2/22 is linked to the minutes of 1 November 2021.
    expect(c.info).toEqual([]);
  });

  describe("time and place", () => {
    it("warns when the end time is missing, or not after the start", async () => {
      const missing = await checkAfter(async (tx) => {
        await complete(tx);
        await tx.meeting.update({ where: { id: meetingId }, data: { endsAt: null } });
      });
      expect(missing.warnings).toEqual([{ code: "end-time", message: expect.stringContaining("Sluttidspunkt mangler") }]);

      const before = await checkAfter(async (tx) => {
        await complete(tx);
        await tx.meeting.update({ where: { id: meetingId }, data: { endsAt: new Date("2022-01-17T12:00:00Z") } });
      });
      expect(codes(before)).toEqual(["end-time-invalid"]);
    });

    it("warns when there is neither a place nor a link, blank counting as missing", async () => {
      for (const location of [null, "   "]) {
        const c = await checkAfter(async (tx) => {
          await complete(tx);
          await tx.meeting.update({ where: { id: meetingId }, data: { location, remoteUrl: null } });
        });
        expect(c.warnings).toEqual([{ code: "place", message: expect.stringContaining("Møtested mangler") }]);
      }
    });

    it("accepts a digital meeting with only a link", async () => {
      const c = await checkAfter(async (tx) => {
        await complete(tx);
        await tx.meeting.update({ where: { id: meetingId }, data: { location: null, remoteUrl: "https://teams.example.no/m/1" } });
      });
      expect(codes(c)).not.toContain("place");
    });
  });

  describe("attendance", () => {
    it("warns once when nobody is registered, without listing every member", async () => {
      const c = await checkAfter(async (tx) => {
        await complete(tx);
        await tx.attendance.deleteMany({ where: { meetingId } });
      });
      expect(codes(c)).toEqual(["attendance-none"]);
    });

    it("names each voting member with neither an attendance row nor a substitute", async () => {
      const c = await checkAfter(async (tx) => {
        await complete(tx);
        const gone = await tx.person.findMany({ where: { name: { in: ["Sunni Grøndahl Aamodt", "Kirsten Orebråten"] } }, select: { id: true } });
        expect(gone).toHaveLength(2);
        await tx.attendance.deleteMany({ where: { meetingId, personId: { in: gone.map((p) => p.id) } } });
      });
      expect(c.warnings).toEqual([
        {
          code: "attendance-missing",
          message: expect.stringMatching(/^Ikke registrert som møtt eller forfall: Sunni Grøndahl Aamodt og Kirsten Orebråten\./),
        },
      ]);
    });

    it("counts a registered forfall and a substitute who met for the member", async () => {
      const c = await checkAfter(async (tx) => {
        await complete(tx);
        const sunni = await person(tx, "Sunni Grøndahl Aamodt");
        const kirsten = await person(tx, "Kirsten Orebråten");
        await tx.attendance.updateMany({ where: { meetingId, personId: sunni.id }, data: { status: "ABSENT" } });
        await tx.attendance.deleteMany({ where: { meetingId, personId: kirsten.id } });
        const vara = await tx.person.create({ data: { name: "Vara for Ringerike" }, select: { id: true } });
        await tx.attendance.create({ data: { meetingId, personId: vara.id, status: "SUBSTITUTE", substituteForId: kirsten.id } });
      });
      expect(codes(c)).not.toContain("attendance-missing");
    });

    it("warns when the chair who signs had forfall or is not in the register of the meeting", async () => {
      const signBy = (tx: Tx, id: string) => tx.minutes.update({ where: { meetingId }, data: { signedByChairId: id } });
      const absent = await checkAfter(async (tx) => {
        await complete(tx);
        const sunni = await person(tx, "Sunni Grøndahl Aamodt");
        await tx.attendance.updateMany({ where: { meetingId, personId: sunni.id }, data: { status: "ABSENT" } });
        await signBy(tx, sunni.id);
      });
      expect(messages(absent, "chair-not-present")).toEqual([expect.stringMatching(/^Sunni Grøndahl Aamodt skal underskrive som møteleder, men står med forfall i deltakerlisten\./)]);
      const outsider = await checkAfter(async (tx) => {
        await complete(tx);
        const p = await tx.person.create({ data: { name: "Utenfor Møtet" }, select: { id: true } });
        await signBy(tx, p.id);
      });
      expect(messages(outsider, "chair-not-present")).toEqual([expect.stringMatching(/^Utenfor Møtet skal underskrive som møteleder, men står ikke i deltakerlisten\./)]);
      const present = await checkAfter(async (tx) => {
        await complete(tx);
        await signBy(tx, (await person(tx, "Sunni Grøndahl Aamodt")).id);
      });
      expect(codes(present)).not.toContain("chair-not-present");
    });

    it("asks only for the voting members on the meeting day: not the secretary, an observer or a later member", async () => {
      const c = await checkAfter(async (tx) => {
        await complete(tx);
        const inger = await person(tx, "Inger Kammerud");
        await tx.attendance.deleteMany({ where: { meetingId, personId: inger.id } });
        const observer = await tx.person.create({ data: { name: "Observatør Olsen" }, select: { id: true } });
        const later = await tx.person.create({ data: { name: "Senere Medlem" }, select: { id: true } });
        await tx.bodyMembership.createMany({
          data: [
            { bodyId, personId: observer.id, role: "OBSERVATOR", validFrom: new Date("2022-01-01T00:00:00Z") },
            { bodyId, personId: later.id, role: "MEDLEM", validFrom: new Date("2022-01-18T00:00:00Z") },
          ],
        });
      });
      expect(codes(c)).not.toContain("attendance-missing");
    });
  });

  describe("decisions", () => {
    it("warns for a missing or blank decision in an item that needs one", async () => {
      const c = await checkAfter(async (tx) => {
        await complete(tx);
        await tx.decision.delete({ where: { agendaItemId: (await item(tx, 4)).id } });
        await tx.decision.update({ where: { agendaItemId: (await item(tx, 3)).id }, data: { text: "  \n" } });
      });
      expect(c.warnings).toEqual([
        { code: "decision-missing", message: expect.stringMatching(/^Vedtak mangler i Sak 3\/22 «Orientering om aktuelle saker i Krødsherad kommune»\./) },
        { code: "decision-missing", message: expect.stringMatching(/^Vedtak mangler i Sak 4\/22 «Prinsipp saker\/samhandlingsinstruks»\./) },
      ]);
    });

    it.each<[CaseType, boolean]>([
      ["VEDTAKSSAK", true],
      ["GODKJENNING", true],
      ["VALG", true],
      ["ORIENTERINGSSAK", true],
      ["DROFTINGSSAK", true],
      ["EVENTUELT", false],
      ["RUNDE_RUNDT_BORDET", false],
    ])("an item of type %s without a decision warns: %s", async (type, warns) => {
      const c = await checkAfter(async (tx) => {
        await complete(tx);
        const sak4 = await item(tx, 4);
        await tx.decision.delete({ where: { agendaItemId: sak4.id } });
        await tx.agendaItem.update({ where: { id: sak4.id }, data: { type } });
      });
      expect(codes(c)).toEqual(warns ? ["decision-missing"] : []);
    });

    it("a drøftingssak needs a conclusion or a vedtak, not an innstilling", async () => {
      const withKind = (kind: "VEDTAK" | "INNSTILLING") =>
        checkAfter(async (tx) => {
          await complete(tx);
          await tx.decision.update({ where: { agendaItemId: (await item(tx, 6)).id }, data: { kind, voting: "ENSTEMMIG" } });
        });
      expect(codes(await withKind("VEDTAK"))).toEqual([]);
      expect(messages(await withKind("INNSTILLING"), "decision-missing")).toEqual([expect.stringMatching(/^Konklusjon mangler i Sak 6\/22/)]);
    });

    it.each(["WITHDRAWN", "PROPOSED"] as const)("ignores an item that is %s", async (status) => {
      const c = await checkAfter(async (tx) => {
        await complete(tx);
        const sak4 = await item(tx, 4);
        await tx.decision.delete({ where: { agendaItemId: sak4.id } });
        await tx.agendaItem.update({ where: { id: sak4.id }, data: { status } });
      });
      expect(codes(c)).toEqual([]);
    });
  });

  describe("voting result (political bodies only)", () => {
    const withVoting = (
      proposals: { votesFor: number | null; adopted: boolean }[],
      opts: { political?: boolean; kind?: "VEDTAK" | "INNSTILLING" } = {},
    ) =>
      checkAfter(async (tx) => {
        await complete(tx, opts.political ?? true);
        const sak4 = await item(tx, 4);
        await tx.decision.update({
          where: { agendaItemId: sak4.id },
          data: {
            kind: opts.kind ?? "VEDTAK",
            voting: "VOTERING",
            proposals: { create: proposals.map((p, i) => ({ position: i, text: `Forslag ${i + 1}`, votesFor: p.votesFor, votesAgainst: 0, adopted: p.adopted })) },
          },
        });
      });

    it("warns when a vedtak or innstilling does not say how it was decided", async () => {
      for (const kind of ["VEDTAK", "INNSTILLING"] as const) {
        const c = await checkAfter(async (tx) => {
          await complete(tx);
          await tx.decision.update({ where: { agendaItemId: (await item(tx, 4)).id }, data: { kind, voting: "NONE" } });
        });
        expect(c.warnings).toEqual([
          { code: "voting-missing", message: expect.stringMatching(/^Voteringsresultat mangler i Sak 4\/22 «Prinsipp saker\/samhandlingsinstruks»\..*§ 11-4/) },
        ]);
      }
    });

    it("does not ask for voting on a drøfting's conclusion", async () => {
      // complete() leaves the KONKLUSJON of sak 6/22 with voting NONE.
      const c = await checkAfter((tx) => complete(tx));
      expect(codes(c)).not.toContain("voting-missing");
    });

    it("a vote with counts and an adopted proposal is complete", async () => {
      const c = await withVoting([
        { votesFor: 7, adopted: true },
        { votesFor: 3, adopted: false },
      ]);
      expect(codes(c)).toEqual([]);
    });

    it("a vote without proposals asks for them once, not also for an adopted one", async () => {
      const c = await withVoting([]);
      expect(c.warnings).toEqual([{ code: "votes-missing", message: expect.stringMatching(/^Stemmetall mangler i Sak 4\/22/) }]);
    });

    it("a proposal without votes for, and none adopted", async () => {
      const c = await withVoting(
        [
          { votesFor: 6, adopted: false },
          { votesFor: null, adopted: false },
        ],
        { kind: "INNSTILLING" },
      );
      expect(codes(c)).toEqual(["votes-missing", "no-adopted"]);
      expect(messages(c, "no-adopted")).toEqual([expect.stringMatching(/^Ingen forslag er markert som vedtatt i Sak 4\/22/)]);
    });

    it("an administrative body gets nothing about voting, but still the other warnings", async () => {
      const c = await checkAfter(async (tx) => {
        await setPolitical(tx, false);
        await tx.meeting.update({ where: { id: meetingId }, data: { location: null } });
        await tx.decision.update({ where: { agendaItemId: (await item(tx, 3)).id }, data: { voting: "VOTERING" } });
      });
      expect(codes(c)).toEqual(["place", "decision-missing", "decision-missing"]);
      // Chapter 11 does not bind it, so the messages do not cite it.
      expect(c.warnings.some((w) => w.message.includes("kommuneloven"))).toBe(false);

      const counts = await withVoting([{ votesFor: null, adopted: false }], { political: false });
      expect(codes(counts)).toEqual([]);
    });
  });

  describe("closed items", () => {
    it("warns when a closed item has no legal basis, and not when it has one", async () => {
      const closed = (closedBasis: string | null) =>
        checkAfter(async (tx) => {
          await complete(tx);
          await tx.agendaItem.update({ where: { id: (await item(tx, 4)).id }, data: { isClosed: true, closedBasis } });
        });
      for (const basis of [null, " "]) {
        expect((await closed(basis)).warnings).toEqual([
          { code: "closed-basis", message: expect.stringMatching(/^Hjemmel for lukket behandling mangler i Sak 4\/22 «Prinsipp saker\/samhandlingsinstruks»\./) },
        ]);
      }
      expect(codes(await closed("kommuneloven § 11-5 andre ledd"))).toEqual([]);
    });
  });

  describe("approval item link", () => {
    it("tells when a «Godkjenning av referat» item is not linked to the minutes it approves", async () => {
      const c = await checkAfter(async (tx) => {
        await complete(tx);
        await tx.agendaItem.update({ where: { id: (await item(tx, 2)).id }, data: { approvesMinutesOfId: null } });
      });
      expect(c.warnings).toEqual([]);
      expect(c.info).toEqual([
        { code: "approves-link", message: expect.stringMatching(/^Sak 2\/22 «Godkjenning av referat fra ordførermøte .*» er ikke knyttet til et referat\./) },
      ]);
    });

    it("names an unnumbered item by title, and leaves «Godkjenning av innkalling» alone", async () => {
      const m = await t.db.meeting.findFirstOrThrow({ where: { startsAt: AU_2027, bodyId }, select: { id: true } });
      const c = await checkAfter(async () => undefined, m.id);
      expect(c.info).toEqual([
        { code: "approves-link", message: expect.stringMatching(/^Saken «Godkjenning av referat fra forrige møte» er ikke knyttet til et referat\./) },
      ]);
      // The planned meeting has no attendance yet, and neither approval item has a decision.
      expect(codes(c)).toEqual(["attendance-none", "decision-missing", "decision-missing"]);
    });
  });

  it("reports a meeting that does not exist", async () => {
    const c = await checkMinutes(t.db, "finnes-ikke");
    expect(c).toEqual({ warnings: [{ code: "not-found", message: "Møtet finnes ikke." }], info: [] });
  });
});
