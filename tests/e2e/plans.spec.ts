import { extractText, getDocumentProxy } from "unpdf";
import type { Page } from "@playwright/test";
import { test, expect, expectNoA11yViolations, visit, RINGERIKE } from "./fixtures";

// Issue 6: the council overview, the yearly report of the demo year 2022 with its linked
// decisions, tagging, measure status, adoption with versions, and the copy to next year.
// One serial flow: each step builds on the last, as the secretariat's year does.
test.describe.configure({ mode: "serial" });

const PLANS = `/portal/${RINGERIKE.slug}/planer`;
const squash = (s: string) => s.replace(/[\s\u00a0]+/g, "");

async function planUrl(page: Page, title: string) {
  await visit(page, PLANS);
  const href = await page.getByRole("region", { name: "Alle planer" }).getByRole("link", { name: title, exact: true }).getAttribute("href");
  return href!;
}

async function saved(page: Page, text: string | RegExp) {
  await expect(page.getByRole("status").filter({ hasText: text }).first()).toBeVisible({ timeout: 15_000 });
}

test("rådsoversikten viser fremdrift per satsingsområde med tabell, og flagger tiltak uten ressurser og uten aktivitet", async ({ loginAs }) => {
  const page = await loginAs("secretariat");
  await visit(page, PLANS);
  await expect(page.getByRole("heading", { name: /Fremdrift: Handlingsplan 2022 \(demo\)/ })).toBeVisible();
  const table = page.getByRole("table", { name: "Tiltak per status (tabell)" });
  const row = table.getByRole("row", { name: /Samhandling i regionen/ });
  // Samhandling: one done, one ongoing, of two.
  await expect(row.getByRole("cell")).toHaveText(["0", "1", "1", "0", "0", "2"]);
  const unanchored = page.getByRole("region", { name: /Tiltak uten ressursforankring/ });
  await expect(unanchored.getByRole("link", { name: "Veteranplan for Ringeriksregionen" })).toBeVisible();
  await expect(unanchored.getByRole("link", { name: "Kunst, kultur og opplevelser/turisme" })).toBeVisible();
  // Done and cancelled measures are not priorities to question.
  await expect(unanchored.getByRole("link", { name: "Regionalt klyngeprosjekt" })).toHaveCount(0);
  const inactive = page.getByRole("region", { name: /Ingen aktivitet siste 12 måneder/ });
  await expect(inactive.getByRole("link", { name: "Presentasjon av kommunene på møtene" })).toBeVisible();
  await expect(inactive.getByText(/sist 17\. januar 2022/).first()).toBeVisible();
});

test("årsrapporten for 2022 viser tiltakene etter status med vedtakene, og sekretariatet skriver vurderingen", async ({ loginAs }) => {
  const page = await loginAs("secretariat");
  const url = await planUrl(page, "Handlingsplan 2022 (demo)");
  await visit(page, `${url}/rapport/2022`);
  const area = page.getByRole("region", { name: "Samhandling i regionen", exact: true });
  await expect(area.getByRole("heading", { name: "Gjennomført (1)" })).toBeVisible();
  const done = area.getByRole("listitem").filter({ hasText: "Samling fra lunsj til lunsj for IPRet" }).first();
  await expect(done.getByRole("link", { name: /Sak 4\/22 Prinsipp saker\/samhandlingsinstruks/ })).toBeVisible();
  await expect(area.getByRole("heading", { name: "Pågår (1)" })).toBeVisible();
  const ongoing = area.getByRole("listitem").filter({ hasText: "Presentasjon av kommunene på møtene" }).first();
  await expect(ongoing.getByRole("link", { name: /Sak 3\/22 Orientering om aktuelle saker i Krødsherad kommune/ })).toBeVisible();
  // The year's follow-up of the area: the three tasks from sak 4/22.
  await expect(area.getByRole("link", { name: "Inger lager program i samarbeid med Knut Martin" })).toBeVisible();
  const naering = page.getByRole("region", { name: "Næring", exact: true });
  await expect(naering.getByRole("heading", { name: "Utgår (1)" })).toBeVisible();
  await expect(naering.getByText("Ingen plan for 2021 å sammenligne med.")).toBeVisible();

  await area.getByLabel("Utviklingstrekk og retning").fill("Demo: Ordførerne og kommunedirektørene møtes oftere fysisk.");
  await area.getByLabel("Videre prioriteringer").fill("Demo: Fortsette med kommunepresentasjoner.");
  await area.getByRole("button", { name: "Lagre vurderingen" }).click();
  await saved(page, "Vurderingen er lagret.");
  await expect(area.getByText("Demo: Ordførerne og kommunedirektørene møtes oftere fysisk.").first()).toBeVisible();
  await expectNoA11yViolations(page, "årsrapport 2022 etter lagring");

  const pdf = await page.request.get(`/dokumenter/${RINGERIKE.slug}/planer/${url.split("/").pop()}/rapport-2022.pdf`);
  expect(pdf.status()).toBe(200);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
  for (const fact of ["Samling fra lunsj til lunsj for IPRet", "Sak 4/22 Prinsipp saker/samhandlingsinstruks", "Demo: Ordførerne og kommunedirektørene møtes oftere fysisk.", "Utviklingstrekk og retning", "Videre prioriteringer"]) {
    expect(squash(text)).toContain(squash(fact));
  }
});

test("et vedtak kobles til et tiltak fra saken, og tiltakets side viser møter, vedtak og oppgaver", async ({ loginAs }) => {
  const page = await loginAs("secretariat");
  const url = await planUrl(page, "Handlingsplan 2022 (demo)");
  await visit(page, url);
  await page.getByRole("link", { name: "Næringspolitisk strategi (NPS) tas videre lokalt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Næringspolitisk strategi (NPS) tas videre lokalt" })).toBeVisible();
  const measureUrl = page.url();
  await expect(page.getByRole("heading", { name: "Vedtak (0)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Inger og Steinar Aasnæss tilbyr å orientere kommunestyrene om NPS" })).toBeVisible();
  await expectNoA11yViolations(page, "tiltak før kobling");

  // Sak 4/22's case page: tag its decision with the measure.
  await visit(page, `${url}/rapport/2022`);
  await page.getByRole("link", { name: /Sak 4\/22 Prinsipp saker\/samhandlingsinstruks/ }).first().click();
  await expect(page.getByRole("heading", { name: "Strategi og handlingsplan" })).toBeVisible();
  await expectNoA11yViolations(page, "saken med plankoblinger");
  const tagSelect = page.getByLabel(/Koble vedtaket .* til/);
  await tagSelect.selectOption({ label: "Tiltak: Næringspolitisk strategi (NPS) tas videre lokalt (Næring)" });
  await page.getByRole("button", { name: "Koble" }).last().click();
  await saved(page, "Koblingen er lagt til.");

  await visit(page, measureUrl);
  await expect(page.getByRole("heading", { name: "Vedtak (1)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sak 4/22 Prinsipp saker/samhandlingsinstruks" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Ordfører- og kommunedirektør\/rådmannsutvalget 17\. januar 2022|17\. januar 2022/ }).first()).toBeVisible();
});

test("planen vedtas med vedtaket i saken, blir synlig for medlemmene og publikum, og en revisjon blir en ny versjon", async ({ loginAs, newPage }) => {
  const member = await loginAs("member");
  await visit(member, PLANS);
  await expect(member.getByRole("link", { name: "Handlingsplan 2022 (demo)" })).toHaveCount(0);

  const page = await loginAs("secretariat");
  const url = await planUrl(page, "Handlingsplan 2022 (demo)");
  await visit(page, url);
  await member.goto(url);
  await expect(member.getByRole("heading", { level: 1, name: "Fant ikke planen" })).toBeVisible();

  const adopt = page.locator("form").filter({ has: page.getByRole("heading", { name: "Vedta planen" }) });
  await adopt.getByRole("button", { name: "Registrer vedtaket" }).click();
  await expect(adopt.getByText("Velg vedtaket som vedtok planen.")).toBeVisible();
  const decision = adopt.getByLabel("Vedtak");
  const value = await decision.locator("option").filter({ hasText: /Sak 4\/22/ }).getAttribute("value");
  await decision.selectOption(value!);
  await adopt.getByLabel("Vedtatt dato").fill("2022-01-17");
  await adopt.getByRole("button", { name: "Registrer vedtaket" }).click();
  await expect(page.getByRole("heading", { name: "Vedtatte versjoner" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("link", { name: "Versjon 1" })).toBeVisible();
  await expect(page.locator("article.plan-document").getByText(/Vedtatt 17\.01\.2022/)).toBeVisible();
  await expectNoA11yViolations(page, "vedtatt plan");

  // Members now read it, and its report, but cannot change anything.
  await visit(member, url);
  await expect(member.locator("article.plan-document").getByRole("heading", { level: 1, name: "Handlingsplan 2022 (demo)" })).toBeVisible();
  await expect(member.getByRole("button", { name: "Start revisjon" })).toHaveCount(0);
  await visit(member, `${url}/rapport/2022`);
  await expect(member.getByRole("button", { name: "Lagre vurderingen" })).toHaveCount(0);

  // A revision: the members keep version 1 until version 2 is adopted.
  await page.getByRole("button", { name: "Start revisjon" }).click();
  await expect(page).toHaveURL(/\/rediger$/);
  // A colleague has the editor open too, from before this save.
  const colleague = await page.context().newPage();
  await visit(colleague, page.url());
  const header = page.locator("form").filter({ has: page.getByRole("heading", { name: "Forside, formål og prinsipper" }) });
  await header.getByLabel("Undertittel").fill("IPR Ringeriksregionen – revidert");
  await header.getByRole("button", { name: "Lagre forside og formål" }).click();
  await saved(page, "Planen er lagret.");
  // The colleague's save is refused: their text stays in the field, and the stored one is shown beside it.
  const theirs = colleague.locator("form").filter({ has: colleague.getByRole("heading", { name: "Forside, formål og prinsipper" }) });
  await theirs.getByLabel("Undertittel").fill("Kollegaens undertittel");
  await theirs.getByRole("button", { name: "Lagre forside og formål" }).click();
  await expect(theirs.getByText(/Noen andre har lagret en endring her/)).toBeVisible({ timeout: 15_000 });
  await expect(theirs.getByLabel("Undertittel")).toHaveValue("Kollegaens undertittel");
  const stored = theirs.locator("details").filter({ hasText: "Den lagrede versjonen" });
  await expect(stored.getByRole("definition")).toHaveText("IPR Ringeriksregionen – revidert");
  await expect(stored.getByRole("term")).toHaveText("Undertittel");
  await expectNoA11yViolations(colleague, "plan med lagringskonflikt");

  // A section the secretariat deletes while the colleague rewrites it: the colleague's text stays,
  // and is saved again as a new section.
  const added = page.locator("details").filter({ hasText: "Ny seksjon" });
  await added.locator("summary").click();
  await added.getByLabel("Overskrift").fill("Midlertidig seksjon");
  await added.getByRole("button", { name: "Legg til seksjon" }).click();
  await saved(page, "Seksjonen «Midlertidig seksjon» er lagt til.");
  await visit(colleague, page.url());
  const deleted = page.locator("details").filter({ hasText: "Seksjon: Midlertidig seksjon" });
  await deleted.locator("summary").click();
  page.once("dialog", (d) => void d.accept());
  await deleted.getByRole("button", { name: "Slett: Midlertidig seksjon" }).click();
  await expect(page.locator("summary").filter({ hasText: "Seksjon: Midlertidig seksjon" })).toHaveCount(0, { timeout: 15_000 });
  const rewriting = colleague.locator("details").filter({ hasText: "Seksjon: Midlertidig seksjon" });
  await rewriting.locator("summary").click();
  await rewriting.getByLabel("Overskrift").fill("Kollegaens seksjon");
  await rewriting.getByRole("button", { name: "Lagre seksjonen" }).click();
  await expect(rewriting.getByText(/Noen andre har slettet dette fra planen/)).toBeVisible({ timeout: 15_000 });
  await expect(rewriting.getByLabel("Overskrift")).toHaveValue("Kollegaens seksjon");
  await expectNoA11yViolations(colleague, "plan med slettet seksjon");
  await rewriting.getByRole("button", { name: "Legg til på nytt" }).click();
  await expect(colleague.locator("summary").filter({ hasText: "Seksjon: Kollegaens seksjon" })).toBeVisible({ timeout: 15_000 });
  await expect(colleague.locator("summary").filter({ hasText: "Seksjon: Midlertidig seksjon" })).toHaveCount(0);
  // Not part of the revision to adopt.
  const readded = colleague.locator("details").filter({ hasText: "Seksjon: Kollegaens seksjon" });
  await readded.locator("summary").click();
  colleague.once("dialog", (d) => void d.accept());
  await readded.getByRole("button", { name: "Slett: Kollegaens seksjon" }).click();
  await expect(colleague.locator("summary").filter({ hasText: "Seksjon: Kollegaens seksjon" })).toHaveCount(0, { timeout: 15_000 });
  await colleague.close();
  await visit(member, url);
  await expect(member.locator("article.plan-document").getByText("IPR Ringeriksregionen – revidert")).toHaveCount(0);

  await visit(page, url);
  const adopt2 = page.locator("form").filter({ has: page.getByRole("heading", { name: "Vedta planen" }) });
  await adopt2.getByLabel("Vedtak").selectOption(value!);
  await adopt2.getByLabel("Endringer i denne versjonen (valgfritt)").fill("Ny undertittel.");
  await adopt2.getByRole("button", { name: "Registrer vedtaket" }).click();
  await expect(page.getByRole("link", { name: "Versjon 2" })).toBeVisible({ timeout: 15_000 });
  await visit(member, url);
  await expect(member.locator("article.plan-document").getByText("IPR Ringeriksregionen – revidert")).toBeVisible();
  // Version 1 is kept as adopted.
  await visit(member, `${url}/versjoner/1`);
  await expect(member.locator("article.plan-document").getByText("IPR Ringeriksregionen", { exact: true })).toBeVisible();

  // Adopted plans are public: the latest version, as page and PDF, without login.
  const anon = await newPage();
  const id = url.split("/").pop();
  await visit(anon, `/r/${RINGERIKE.slug}/planer`);
  await anon.getByRole("link", { name: "Handlingsplan 2022 (demo)" }).click();
  await expect(anon).toHaveURL(new RegExp(`/r/${RINGERIKE.slug}/planer/${id}$`));
  await expectNoA11yViolations(anon, "offentlig plan");
  await expect(anon.locator("article.plan-document").getByText("IPR Ringeriksregionen – revidert")).toBeVisible();
  const pdf = await anon.request.get(`/dokumenter/${RINGERIKE.slug}/planer/${id}/plan.pdf`);
  expect(pdf.status()).toBe(200);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
  expect(squash(text)).toContain(squash("IPR Ringeriksregionen – revidert"));
  // Draft plans and the internal report are not public.
  expect((await anon.request.get(`/dokumenter/${RINGERIKE.slug}/planer/${id}/rapport-2022.pdf`)).status()).toBe(404);
});

test("koordinatoren oppdaterer status på et tiltak i den vedtatte planen, og endringen står i historikken", async ({ loginAs }) => {
  const page = await loginAs("coordinator");
  const url = await planUrl(page, "Handlingsplan 2022 (demo)");
  await visit(page, url);
  await page.getByRole("link", { name: "Kunst, kultur og opplevelser/turisme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kunst, kultur og opplevelser/turisme" })).toBeVisible();
  // Nothing changed and nothing written: refused on the field.
  await page.getByRole("button", { name: "Lagre status" }).click();
  await expect(page.getByText("Velg en ny status eller skriv et notat.")).toBeVisible();
  await page.getByLabel("Status").selectOption({ label: "Pågår" });
  await page.getByLabel("Notat").fill("Demo: prosjektet er i gang.");
  await page.getByRole("button", { name: "Lagre status" }).click();
  await saved(page, "Status er endret til «Pågår».");
  const history = page.getByRole("region", { name: "Historikk" });
  await expect(history.getByText("Planlagt → Pågår")).toBeVisible();
  await expect(history.getByText("Demo: prosjektet er i gang.")).toBeVisible();
  await expectNoA11yViolations(page, "tiltak etter statusendring");
});

test("handlingsplanen kopieres til 2023: uferdige tiltak videreføres med opphav, og årsrapporten sammenligner med 2022", async ({ loginAs }) => {
  const page = await loginAs("secretariat");
  const url = await planUrl(page, "Handlingsplan 2022 (demo)");
  await visit(page, url);
  const copy = page.locator("form").filter({ has: page.getByRole("heading", { name: "Kopier til neste år" }) });
  await expect(copy.getByLabel("Tittel på ny plan")).toHaveValue("Handlingsplan 2023 (demo)");
  await copy.getByLabel("År").fill("2022");
  await copy.getByRole("button", { name: "Lag neste års plan" }).click();
  await expect(copy.getByText("Den nye planen må gjelde et år etter 2022.")).toBeVisible();
  await copy.getByLabel("År").fill("2023");
  await copy.getByRole("button", { name: "Lag neste års plan" }).click();
  await saved(page, "Planen er kopiert.");
  await expectNoA11yViolations(page, "kopiert plan");
  const doc = page.locator("article.plan-document");
  await expect(doc.getByRole("heading", { level: 1, name: "Handlingsplan 2023 (demo)" })).toBeVisible();
  // Unfinished ones carried, each saying where from; done and cancelled ones left behind.
  for (const title of ["Presentasjon av kommunene på møtene", "Næringspolitisk strategi (NPS) tas videre lokalt", "Kunst, kultur og opplevelser/turisme", "Veteranplan for Ringeriksregionen"]) {
    const item = doc.getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) });
    await expect(item.getByText(/Videreført fra Handlingsplan 2022 \(demo\)/)).toBeVisible();
  }
  await expect(doc.getByRole("link", { name: "Samling fra lunsj til lunsj for IPRet" })).toHaveCount(0);
  await expect(doc.getByRole("link", { name: "Regionalt klyngeprosjekt" })).toHaveCount(0);
  // A postponed measure is planned again.
  await expect(doc.getByRole("listitem").filter({ hasText: "Veteranplan for Ringeriksregionen" }).getByText(/Status: Planlagt/)).toBeVisible();

  await page.getByRole("link", { name: "Årsrapport 2023" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Årlig evaluering 2023" })).toBeVisible();
  const area = page.getByRole("region", { name: "Samhandling i regionen", exact: true });
  const cmp = area.getByRole("table", { name: /2023 mot 2022/ });
  await expect(cmp.getByRole("row", { name: /Tiltak gjennomført/ }).getByRole("cell")).toHaveText(["1", "0"]);
  await expect(cmp.getByRole("row", { name: /^Vedtak/ }).getByRole("cell")).toHaveText(["2", "0"]);
  await expectNoA11yViolations(page, "årsrapport 2023");

  // The carried measure links back to its origin.
  await page.getByRole("link", { name: "Veteranplan for Ringeriksregionen" }).click();
  await expect(page.getByText("Videreført fra", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Veteranplan for Ringeriksregionen" })).toBeVisible();
});
