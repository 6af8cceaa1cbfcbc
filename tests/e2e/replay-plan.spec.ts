import { extractText, getDocumentProxy } from "unpdf";
import type { Locator, Page } from "@playwright/test";
import { test, expect, expectNoA11yViolations, visit, INDRE } from "./fixtures";
import { plans } from "../../prisma/seed/demo-data";
import { MEASURE_STATUS_LABELS } from "../../lib/plans/schemas";

// Issue 6 acceptance: Indre Østfold's secretariat re-creates, through the UI, the "Strategi- og
// HANDLINGSPLAN 2025" (../shared/seeds/003_…), and the rendered plan and its PDF hold its content.
// Runs on the second e2e server, seeded without that plan (DEMO_OMIT_PLANS, playwright.config.ts).
// The expected content is the seed's transcription in prisma/seed/demo-data.ts, not this test.

test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}` });

const original = plans.find((p) => p.key === "indre-ostfold-2025")!;

const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const squash = (s: string) => s.replace(/[\s\u00a0]+/g, "");
/** Markdown source → the lines a reader sees (list markers and emphasis removed). */
const lines = (md: string | undefined) =>
  (md ?? "")
    .split("\n")
    .map((l) => l.replace(/^\s*[-*]\s+/, "").replace(/^\*(.+)\*$/, "$1").trim())
    .filter(Boolean);

function expectedContent(): string[] {
  const facts = [original.title, original.subtitle, ...lines(original.purpose)];
  for (const s of original.sections) facts.push(s.heading, ...lines(s.body));
  for (const a of original.focusAreas) {
    facts.push(a.title, ...lines(a.description), ...a.goals);
    for (const m of a.measures) {
      facts.push(m.title, ...lines(m.description));
      if (m.timeFrame) facts.push(m.timeFrame);
      if (m.ownerText) facts.push(m.ownerText);
    }
  }
  return facts;
}

async function openDetails(scope: Locator, summary: string | RegExp) {
  const details = scope.locator("details").filter({ has: scope.page().locator("summary").filter({ hasText: summary }) }).last();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").first().click();
  return details;
}

async function saved(scope: Locator, text: string | RegExp) {
  await expect(scope.getByRole("status").filter({ hasText: text }).first()).toBeVisible({ timeout: 15_000 });
}

function area(page: Page, title: string) {
  return page.getByRole("region", { name: `Satsingsområde: ${title}`, exact: true });
}

test("sekretariatet gjenskaper Strategi- og handlingsplan 2025 for Indre Østfold, og planen og PDF-en har innholdet", async ({ loginAs }) => {
  test.setTimeout(300_000);
  const page = await loginAs("otherCouncil");
  await visit(page, `/portal/${INDRE.slug}/planer`);
  await expect(page.getByText("Ingen handlingsplan er registrert ennå.")).toBeVisible();

  // ── The plan itself ──
  const create = page.locator("form").filter({ has: page.getByRole("heading", { name: "Ny plan" }) });
  await create.getByLabel("Type").selectOption({ label: "Handlingsplan" });
  await create.getByLabel("Tittel", { exact: true }).fill(original.title);
  await create.getByLabel("Undertittel (valgfri)").fill(original.subtitle);
  await create.getByLabel("Første år").fill("2025");
  await create.getByLabel("Siste år").fill("2025");
  await create.getByRole("button", { name: "Opprett plan" }).click();
  await expect(page).toHaveURL(/\/planer\/[^/]+\/rediger$/);
  const planUrl = page.url().replace(/\/rediger$/, "");
  await expectNoA11yViolations(page, "planredigering (tom)");

  const header = page.locator("form").filter({ has: page.getByRole("heading", { name: "Forside, formål og prinsipper" }) });
  await header.getByLabel("Formål og mandat").fill(original.purpose);
  await header.getByRole("button", { name: "Lagre forside og formål" }).click();
  await saved(header, "Planen er lagret.");

  // ── Free sections: the meeting plan before the focus areas, the rest after ──
  for (const s of original.sections) {
    const box = await openDetails(page.getByRole("region", { name: "Seksjoner" }), "Ny seksjon");
    await box.getByLabel("Overskrift").fill(s.heading);
    await box.getByLabel("Tekst").fill(s.body);
    if (s.afterFocusAreas) await box.getByLabel("Plasser etter satsingsområdene").check();
    await box.getByRole("button", { name: "Legg til seksjon" }).click();
    await saved(box, `Seksjonen «${s.heading}» er lagt til.`);
  }

  // ── Focus areas, goals and measures ──
  const areas = page.getByRole("region", { name: "Satsingsområder, mål og tiltak" });
  for (const a of original.focusAreas) {
    const box = await openDetails(areas, "Nytt satsingsområde");
    await box.getByLabel("Navn på satsingsområdet").fill(a.title);
    await box.getByLabel("Beskrivelse").fill(a.description);
    await box.getByRole("button", { name: "Legg til satsingsområde" }).click();
    await saved(box, `Satsingsområdet «${a.title}» er lagt til.`);
    const region = area(page, a.title);
    await expect(region).toBeVisible();

    for (const g of a.goals) {
      const gbox = await openDetails(region, `Nytt mål i ${a.title}`);
      await gbox.getByLabel("Nytt mål").fill(g);
      await gbox.getByRole("button", { name: "Legg til mål" }).click();
      await saved(gbox, "Målet er lagt til.");
    }

    // An area of plain bullets goes in as a pasted list; the others measure by measure.
    const plain = a.measures.every((m) => !m.description && !m.timeFrame && !m.ownerText && m.goal === undefined && m.status === "PLANNED" && !m.resourceAnchored);
    if (plain) {
      const bbox = await openDetails(region, `Flere tiltak i ${a.title}`);
      await bbox.getByLabel("Flere tiltak, ett per linje").fill(a.measures.map((m) => `- ${m.title}`).join("\n"));
      await bbox.getByRole("button", { name: "Legg til tiltakene" }).click();
      await saved(bbox, a.measures.length === 1 ? "1 tiltak er lagt til." : `${a.measures.length} tiltak er lagt til.`);
    } else {
      for (const m of a.measures) {
        const mbox = await openDetails(region, `Nytt tiltak i ${a.title}`);
        await mbox.getByLabel("Tiltak", { exact: true }).fill(m.title);
        if (m.description) await mbox.getByLabel("Beskrivelse").fill(m.description);
        if (m.goal !== undefined) await mbox.getByLabel("Mål", { exact: true }).selectOption({ label: a.goals[m.goal] });
        if (m.ownerText) await mbox.getByLabel("Eier (fritekst)").fill(m.ownerText);
        if (m.timeFrame) await mbox.getByLabel("Tidsramme").fill(m.timeFrame);
        await mbox.getByLabel("Status").selectOption({ label: MEASURE_STATUS_LABELS[m.status] });
        await mbox.getByRole("button", { name: "Legg til tiltak" }).click();
        await saved(mbox, `Tiltaket «${m.title}» er lagt til.`);
      }
    }
    await expect(region.getByRole("heading", { name: `Tiltak (${a.measures.length})` })).toBeVisible();
  }
  await expectNoA11yViolations(page, "planredigering (utfylt)");

  // A bad year is refused on the field, and what was typed stays.
  await header.getByLabel("Siste år").fill("2024");
  await header.getByRole("button", { name: "Lagre forside og formål" }).click();
  await expect(header.getByText("Siste år kan ikke være før første år.")).toBeVisible();
  await expect(header.getByLabel("Siste år")).toHaveValue("2024");
  await header.getByLabel("Siste år").fill("2025");
  await header.getByRole("button", { name: "Lagre forside og formål" }).click();
  await saved(header, "Planen er lagret.");

  // ── The rendered plan holds the content, in the seed's order ──
  await visit(page, planUrl);
  const doc = page.locator("article.plan-document");
  const text = norm(await doc.innerText());
  expect(expectedContent().filter((f) => !text.includes(norm(f))), "innhold som mangler i planen").toEqual([]);
  const order = [original.sections[0].heading, ...original.focusAreas.map((a) => a.title), ...original.sections.slice(1).map((s) => s.heading)].map((h) => text.indexOf(norm(h)));
  expect(order, "rekkefølgen i dokumentet").toEqual([...order].sort((x, y) => x - y));
  for (const a of original.focusAreas) {
    const titles = await doc.locator(`section[id^="omrade-"]`).filter({ has: page.getByRole("heading", { level: 3, name: a.title, exact: true }) }).locator("li > p.font-medium").allInnerTexts();
    expect(titles.map(norm), `tiltakene i ${a.title}, i rekkefølge`).toEqual(a.measures.map((m) => norm(m.title)));
  }
  await expect(doc.getByText("Utkast – ikke vedtatt")).toBeVisible();

  // ── And so does the PDF ──
  const id = planUrl.split("/").pop();
  const pdf = await page.request.get(`/dokumenter/${INDRE.slug}/planer/${id}/plan.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const { text: pdfText } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
  const hay = squash(pdfText);
  expect(expectedContent().filter((f) => !hay.includes(squash(f))), "innhold som mangler i PDF-en").toEqual([]);

  // Members of another council cannot see the draft.
  expect((await page.request.get(`/dokumenter/ringeriksregionen/planer/${id}/plan.pdf`)).status()).toBe(404);
});
