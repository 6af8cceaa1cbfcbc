import { extractText, getMeta } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderPlanPdf, renderYearReportPdf } from "@/lib/documents/plan-pdf";
import { toPlanDocument, type PlanDocument } from "@/lib/plans/document";
import { buildYearReport } from "@/lib/plans/report";

async function textOf(buf: Buffer): Promise<string> {
  const { text } = await extractText(new Uint8Array(buf), { mergePages: true });
  return text;
}

// pdfkit wraps lines and puts table cells in separate text runs, so comparisons ignore whitespace.
const squash = (s: string) => s.replace(/[\s\u00a0]+/g, "");

function expectText(text: string, ...expected: string[]): void {
  const haystack = squash(text);
  for (const s of expected) {
    if (!haystack.includes(squash(s))) {
      throw new Error(`Expected the PDF text to contain ${JSON.stringify(s)}.\n\nExtracted text:\n${text}`);
    }
  }
}

function expectNoText(text: string, ...unexpected: string[]): void {
  const haystack = squash(text);
  for (const s of unexpected) expect(haystack.includes(squash(s)), `must not contain ${JSON.stringify(s)}`).toBe(false);
}

// Built through toPlanDocument so the PDF is tested on the same shape the pages and snapshots use.
function plan(adoption: PlanDocument["adoption"] = null): PlanDocument {
  return toPlanDocument(
    {
      id: "p1",
      kind: "ACTION_PLAN",
      title: "Handlingsplan 2026",
      subtitle: "Ringeriksregionen i samarbeid",
      periodFrom: 2026,
      periodTo: 2026,
      purpose: "Rådet skal styrke samarbeidet mellom kommunene.",
      principlesInclude: "",
      principlesExclude: "",
      council: { name: "Interkommunalt politisk råd for Ringeriksregionen" },
      strategy: { title: "Regional strategi 2024–2027" },
      sections: [
        { heading: "Bakgrunn for planen", body: "Planen bygger på strategien.", afterFocusAreas: false },
        { heading: "Økonomi og rapportering", body: "Rapporteres årlig.", afterFocusAreas: true },
      ],
      focusAreas: [
        {
          id: "a1",
          title: "Næringsutvikling",
          description: "Flere arbeidsplasser i regionen.",
          goals: [{ id: "g1", text: "Økt verdiskaping" }],
          measures: [
            {
              id: "m1",
              title: "Næringspolitisk strategi",
              description: "",
              goalId: "g1",
              ownerText: null,
              ownerPerson: { name: "Inger Kammerud" },
              ownerBody: null,
              ownerOrganization: null,
              timeFrame: "Vår 2026",
              deadline: new Date("2026-06-30T00:00:00Z"),
              status: "ONGOING",
              resourceAnchored: false,
              indicators: null,
              carriedFrom: null,
            },
          ],
        },
      ],
    },
    adoption,
  );
}

describe("renderPlanPdf", () => {
  it("prints a draft with its sections, focus areas and measures, marked as a draft", async () => {
    const buf = await renderPlanPdf(plan());
    expect(buf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await textOf(buf);
    expectText(
      text,
      "HANDLINGSPLAN 2026",
      "Handlingsplan 2026",
      "Interkommunalt politisk råd for Ringeriksregionen",
      "Bygger på strategien «Regional strategi 2024–2027».",
      "Utkast – ikke vedtatt",
      "Formål og mandat",
      "Bakgrunn for planen",
      "Satsingsområder og tiltak",
      "Næringsutvikling",
      "Næringspolitisk strategi",
      "Mål: Økt verdiskaping",
      "Inger Kammerud",
      "Vår 2026, frist 30.06.2026",
      "Pågår",
      "Ikke forankret",
      "Økonomi og rapportering",
      "UTKAST – Handlingsplan 2026",
    );
    expectNoText(text, "Vedtatt", "Prinsipper for samarbeidet");
    const { info } = await getMeta(new Uint8Array(buf));
    expect(info.Title).toBe("Handlingsplan 2026 (utkast)");
  });

  it("prints the adoption instead of the draft marking once adopted", async () => {
    const buf = await renderPlanPdf(plan({ versionNumber: 2, adoptedAt: "2026-02-07", decision: "IPR 7. februar 2026, Sak 3/26" }));
    const text = await textOf(buf);
    expectText(text, "Vedtatt 07.02.2026 (IPR 7. februar 2026, Sak 3/26) · versjon 2", "Næringspolitisk strategi");
    expectNoText(text, "Utkast", "UTKAST");
    const { info } = await getMeta(new Uint8Array(buf));
    expect(info.Title).toBe("Handlingsplan 2026");
  });
});

describe("renderYearReportPdf", () => {
  it("prints the decisions of the year under the area and its measure, and the evaluation headings", async () => {
    const label = "AU 17. januar 2026, Sak 4/26 Prinsipp saker/samhandlingsinstruks";
    const report = buildYearReport({
      year: 2026,
      areas: [{ id: "a1", title: "Næringsutvikling", measures: [{ id: "m1", title: "Næringspolitisk strategi", status: "DONE", owner: "Inger Kammerud", resourceAnchored: true }] }],
      decisions: [
        { id: "d1", label, text: "Strategien vedtas.", meetingId: "mt1", caseId: "c1", at: new Date("2026-01-17T13:00:00Z"), focusAreaIds: [], measureIds: ["m1"] },
      ],
      actions: [],
      evaluations: [{ focusAreaId: "a1", statusText: "", trends: "Mer samarbeid om næring.", priorities: "", version: 1 }],
      previous: null,
    });
    const text = await textOf(
      await renderYearReportPdf({ planTitle: "Handlingsplan 2026", councilName: "Interkommunalt politisk råd for Ringeriksregionen", summary: "", report, previousLabel: null }),
    );
    expectText(
      text,
      "Årlig evaluering 2026",
      "Næringsutvikling",
      "Gjennomført (1)",
      `Næringspolitisk strategi – Inger Kammerud – Vedtak: ${label}`,
      "Vedtak i 2026",
      `${label} (17. januar 2026) Strategien vedtas.`,
      "Ingen oppgaver knyttet til området i 2026.",
      "Utviklingstrekk og retning Mer samarbeid om næring.",
      "Videre prioriteringer Ikke skrevet ennå.",
      "Ingen plan for 2025 å sammenligne med.",
    );
  });
});
