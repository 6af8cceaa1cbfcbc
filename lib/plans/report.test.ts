import { describe, expect, it } from "vitest";
import {
  buildYearReport,
  emptyCounts,
  progressShare,
  statusAt,
  type ReportActionInput,
  type ReportAreaInput,
  type ReportDecisionInput,
  type ReportMeasureInput,
} from "@/lib/plans/report";

function measure(id: string, status: ReportMeasureInput["status"], extra: Partial<ReportMeasureInput> = {}): ReportMeasureInput {
  return { id, title: `Tiltak ${id}`, status, owner: null, resourceAnchored: true, ...extra };
}

function decision(id: string, at: string, tags: { areas?: string[]; measures?: string[] } = {}): ReportDecisionInput {
  return {
    id,
    label: `AU 17. januar 2022, Sak ${id} Vedtak ${id}`,
    text: `Vedtakstekst ${id}`,
    meetingId: `m-${id}`,
    caseId: `c-${id}`,
    at: new Date(at),
    focusAreaIds: tags.areas ?? [],
    measureIds: tags.measures ?? [],
  };
}

function action(id: string, createdAt: string, closedAt: string | null, tags: { areas?: string[]; measures?: string[] } = {}): ReportActionInput {
  return {
    id,
    title: `Oppgave ${id}`,
    statusLabel: "Pågår",
    createdAt: new Date(createdAt),
    closedAt: closedAt ? new Date(closedAt) : null,
    focusAreaIds: tags.areas ?? [],
    measureIds: tags.measures ?? [],
  };
}

const næring: ReportAreaInput = {
  id: "a1",
  title: "Næringsutvikling",
  measures: [measure("m1", "DONE"), measure("m2", "PLANNED"), measure("m3", "DONE"), measure("m4", "CANCELLED")],
};
const samferdsel: ReportAreaInput = { id: "a2", title: "Samferdsel", measures: [measure("m5", "ONGOING")] };

const build = (over: Partial<Parameters<typeof buildYearReport>[0]> = {}) =>
  buildYearReport({ year: 2023, areas: [næring, samferdsel], decisions: [], actions: [], evaluations: [], ...over });

describe("emptyCounts", () => {
  it("has every measure status at zero", () => {
    expect(emptyCounts()).toEqual({ PLANNED: 0, ONGOING: 0, DONE: 0, POSTPONED: 0, CANCELLED: 0 });
  });

  it("returns a fresh object each time", () => {
    const a = emptyCounts();
    a.DONE = 5;
    expect(emptyCounts().DONE).toBe(0);
  });
});

describe("progressShare", () => {
  it("is the share of done measures, leaving cancelled ones out", () => {
    expect(progressShare({ PLANNED: 1, ONGOING: 1, DONE: 2, POSTPONED: 0, CANCELLED: 6 })).toBe(0.5);
    expect(progressShare({ PLANNED: 0, ONGOING: 0, DONE: 1, POSTPONED: 3, CANCELLED: 0 })).toBe(0.25);
  });

  it("is 0 rather than NaN when nothing counts", () => {
    expect(progressShare(emptyCounts())).toBe(0);
    expect(progressShare({ ...emptyCounts(), CANCELLED: 4 })).toBe(0);
  });
});

describe("buildYearReport", () => {
  it("groups measures by status in status order, leaving out empty groups", () => {
    const [area] = build().areas;
    expect(area.byStatus.map((g) => g.status)).toEqual(["PLANNED", "DONE", "CANCELLED"]);
    expect(area.byStatus.map((g) => g.label)).toEqual(["Planlagt", "Gjennomført", "Utgår"]);
    expect(area.byStatus[1].measures.map((m) => m.id)).toEqual(["m1", "m3"]);
  });

  it("counts measures per area and in total", () => {
    const report = build();
    expect(report.year).toBe(2023);
    expect(report.areas[0].counts).toEqual({ PLANNED: 1, ONGOING: 0, DONE: 2, POSTPONED: 0, CANCELLED: 1 });
    expect(report.areas[1].counts).toEqual({ PLANNED: 0, ONGOING: 1, DONE: 0, POSTPONED: 0, CANCELLED: 0 });
    expect(report.totals).toEqual({ PLANNED: 1, ONGOING: 1, DONE: 2, POSTPONED: 0, CANCELLED: 1 });
  });

  it("counts a year in Oslo time, so a late-evening decision on 31 December UTC belongs to the new year", () => {
    const report = build({
      decisions: [
        decision("new-year-oslo", "2022-12-31T23:30:00Z", { areas: ["a1"] }), // 00.30 on 1 January in Oslo
        decision("last-of-year", "2023-12-31T22:30:00Z", { areas: ["a1"] }), // 23.30 on 31 December in Oslo
        decision("next-year-oslo", "2023-12-31T23:30:00Z", { areas: ["a1"] }),
        decision("previous-year", "2022-12-31T22:30:00Z", { areas: ["a1"] }),
      ],
    });
    expect(report.areas[0].decisions.map((d) => d.id)).toEqual(["new-year-oslo", "last-of-year"]);
  });

  it("includes decisions tagged to the area or to one of its measures, oldest first, and no others", () => {
    const report = build({
      decisions: [
        decision("via-measure", "2023-06-01T10:00:00Z", { measures: ["m2"] }),
        decision("direct", "2023-03-01T10:00:00Z", { areas: ["a1"] }),
        decision("other-area", "2023-04-01T10:00:00Z", { areas: ["a2"] }),
        decision("other-measure", "2023-05-01T10:00:00Z", { measures: ["m5"] }),
        decision("untagged", "2023-05-01T10:00:00Z"),
      ],
    });
    expect(report.areas[0].decisions.map((d) => d.id)).toEqual(["direct", "via-measure"]);
    expect(report.areas[1].decisions.map((d) => d.id)).toEqual(["other-area", "other-measure"]);
  });

  it("gives decisions as plain data with an ISO date and without the tags", () => {
    const report = build({ decisions: [decision("d1", "2023-03-01T10:00:00Z", { areas: ["a1"] })] });
    expect(report.areas[0].decisions[0]).toEqual({
      id: "d1",
      label: "AU 17. januar 2022, Sak d1 Vedtak d1",
      text: "Vedtakstekst d1",
      meetingId: "m-d1",
      caseId: "c-d1",
      at: "2023-03-01T10:00:00.000Z",
    });
  });

  it("lists under each measure the decisions tagged to that measure", () => {
    const report = build({
      decisions: [
        decision("d-m1", "2023-02-01T10:00:00Z", { measures: ["m1"] }),
        decision("d-both", "2023-03-01T10:00:00Z", { measures: ["m1", "m3"] }),
        decision("d-area", "2023-04-01T10:00:00Z", { areas: ["a1"] }),
        decision("d-old", "2022-04-01T10:00:00Z", { measures: ["m1"] }),
      ],
    });
    const done = report.areas[0].byStatus.find((g) => g.status === "DONE")!;
    expect(done.measures.find((m) => m.id === "m1")!.decisions.map((d) => d.id)).toEqual(["d-m1", "d-both"]);
    expect(done.measures.find((m) => m.id === "m3")!.decisions.map((d) => d.id)).toEqual(["d-both"]);
    const planned = report.areas[0].byStatus.find((g) => g.status === "PLANNED")!;
    expect(planned.measures[0].decisions).toEqual([]);
  });

  it("includes the actions active in the year: created by then and not closed before it", () => {
    const report = build({
      actions: [
        action("open-old", "2021-05-01T10:00:00Z", null, { areas: ["a1"] }),
        action("closed-in-year", "2022-05-01T10:00:00Z", "2023-02-01T10:00:00Z", { measures: ["m1"] }),
        action("closed-new-year-oslo", "2022-05-01T10:00:00Z", "2022-12-31T23:30:00Z", { areas: ["a1"] }),
        action("closed-before", "2022-05-01T10:00:00Z", "2022-12-31T22:30:00Z", { areas: ["a1"] }),
        action("created-after", "2023-12-31T23:30:00Z", null, { areas: ["a1"] }),
        action("other-area", "2023-01-10T10:00:00Z", null, { areas: ["a2"] }),
      ],
    });
    expect(report.areas[0].actions.map((a) => a.id)).toEqual(["open-old", "closed-in-year", "closed-new-year-oslo"]);
    expect(report.areas[0].actions[0]).toEqual({ id: "open-old", title: "Oppgave open-old", statusLabel: "Pågår" });
    expect(report.areas[1].actions.map((a) => a.id)).toEqual(["other-area"]);
  });

  it("attaches each area's evaluation, and an empty one with version 0 where none is written", () => {
    const report = build({ evaluations: [{ focusAreaId: "a2", statusText: "Godt i gang.", trends: "Mer kollektiv.", priorities: "Buss.", version: 3 }] });
    expect(report.areas[1].evaluation).toEqual({ statusText: "Godt i gang.", trends: "Mer kollektiv.", priorities: "Buss.", version: 3 });
    expect(report.areas[0].evaluation).toEqual({ statusText: "", trends: "", priorities: "", version: 0 });
  });

  it("compares with the previous year by area title, ignoring case and spaces, and gives null for new areas", () => {
    const lastYear: ReportAreaInput[] = [
      { id: "p1", title: "  NÆRINGSUTVIKLING ", measures: [measure("pm1", "ONGOING"), measure("pm2", "PLANNED"), measure("pm3", "PLANNED")] },
      { id: "p2", title: "Kultur", measures: [measure("pm4", "DONE")] },
    ];
    const report = build({
      previous: {
        year: 2022,
        areas: lastYear,
        decisions: [
          decision("pd1", "2022-03-01T10:00:00Z", { areas: ["p1"] }),
          decision("pd2", "2022-05-01T10:00:00Z", { measures: ["pm2"] }),
          decision("pd-too-old", "2021-05-01T10:00:00Z", { areas: ["p1"] }),
          decision("pd-other", "2022-05-01T10:00:00Z", { areas: ["p2"] }),
        ],
        actions: [
          action("pa1", "2022-01-10T10:00:00Z", null, { measures: ["pm1"] }),
          action("pa-closed-before", "2020-01-10T10:00:00Z", "2021-06-01T10:00:00Z", { areas: ["p1"] }),
        ],
      },
    });
    expect(report.areas[0].previous).toEqual({ counts: { PLANNED: 2, ONGOING: 1, DONE: 0, POSTPONED: 0, CANCELLED: 0 }, decisions: 2, actions: 1 });
    expect(report.areas[1].previous).toBeNull();
  });

  it("gives null comparisons when there is no previous year", () => {
    expect(build({ previous: null }).areas.every((a) => a.previous === null)).toBe(true);
    expect(build().areas.every((a) => a.previous === null)).toBe(true);
  });
});

describe("statusAt", () => {
  const changed = { ...measure("m9", "DONE"), history: [
    { at: new Date("2025-03-01T10:00:00Z"), fromStatus: "PLANNED", toStatus: "ONGOING" },
    { at: new Date("2026-02-01T10:00:00Z"), fromStatus: "ONGOING", toStatus: "DONE" },
    { at: new Date("2026-03-01T10:00:00Z"), fromStatus: null, toStatus: null },
  ] };

  it("counts back from now: a past year's status is what the first later change changed from", () => {
    expect(statusAt(changed, 2024)).toBe("PLANNED");
    expect(statusAt(changed, 2025)).toBe("ONGOING");
    expect(statusAt(changed, 2026)).toBe("DONE");
    expect(statusAt(measure("m0", "POSTPONED"), 2020)).toBe("POSTPONED");
  });

  it("ends the year at midnight in Oslo, not in UTC", () => {
    // 23.30 UTC on 31 December is 00.30 on 1 January in Oslo: a change of the new year.
    const m = { ...measure("m8", "DONE"), history: [{ at: new Date("2025-12-31T23:30:00Z"), fromStatus: "ONGOING", toStatus: "DONE" }] };
    expect(statusAt(m, 2025)).toBe("ONGOING");
  });

  it("gives last year's column of a multi-year plan last year's statuses", () => {
    const area: ReportAreaInput = { id: "a9", title: "Område", measures: [changed] };
    const report = buildYearReport({ year: 2026, areas: [area], decisions: [], actions: [], evaluations: [], previous: { year: 2025, areas: [area], decisions: [], actions: [] } });
    expect(report.areas[0].counts).toMatchObject({ DONE: 1, ONGOING: 0 });
    expect(report.areas[0].previous?.counts).toMatchObject({ DONE: 0, ONGOING: 1 });
    expect(report.areas[0].byStatus[0].measures[0]).not.toHaveProperty("history");
  });
});
