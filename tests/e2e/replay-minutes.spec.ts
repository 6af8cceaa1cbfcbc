import { extractText, getDocumentProxy } from "unpdf";
import type { Locator, Page } from "@playwright/test";
import { test, expect, expectNoA11yViolations, EXEMPT_MARKER, RINGERIKE } from "./fixtures";
import { actionItems, meetings, organizations, people } from "../../prisma/seed/demo-data";

// Issue 4 acceptance: the secretariat re-creates, through the UI, the referat of the meeting on
// 17 January 2022 (../shared/seeds/001_…), and the rendered referat and its PDF hold every fact of
// the original. Runs against the second e2e server, whose database has the demo data without that
// meeting (DEMO_OMIT_MEETINGS, see playwright.config.ts), so the numbers Sak 1/22–7/22 are free.
// The expected facts come from the seed's transcription of the document, not from this test.

test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}` });

const original = meetings.find((m) => m.key === "au-2022-01-17")!;
const followUps = actionItems.filter((a) => a.origin?.meeting === "au-2022-01-17");
const proposals = meetings.find((m) => m.key === "ipr-2022-02-07")!.items.filter((i) => i.proposedFrom === "au-2022-01-17");
const person = (key: string) => people[key as keyof typeof people].name;

const norm = (s: string) => s.replace(/\s+/g, " ").trim();
/** Markdown source → the lines a reader sees (list markers and emphasis removed). */
const lines = (md: string | undefined) =>
  (md ?? "")
    .split("\n")
    .map((l) => l.replace(/^\s*[-*]\s+/, "").replace(/\*\*/g, "").trim())
    .filter(Boolean);

function expectedFacts(): string[] {
  const facts = ["Kommunehuset i Krødsherad", "mandag 17. januar 2022 kl. 14.00–15.30", original.minutes!.introduction];
  for (const a of original.attendances!) {
    facts.push(person(a.person));
    if (a.roleLabel) facts.push(a.roleLabel);
    if (a.organization) facts.push(organizations[a.organization as keyof typeof organizations].name);
  }
  for (const item of original.items) {
    facts.push(`Sak ${item.number}/22`, item.title);
    if (item.presenter) facts.push(item.presenter);
    if (item.noticeText) facts.push(item.noticeText);
    facts.push(...lines(item.minutesNotes), ...lines(item.decision?.text));
  }
  facts.push(person(original.minutes!.chair!.person), original.minutes!.chair!.label, person(original.minutes!.secretary!.person), original.minutes!.secretary!.label);
  facts.push(...followUps.map((f) => f.title));
  return facts;
}

// A PDF's extracted text has a space wherever a line was broken, also after a "/" inside a word
// ("rådmann/ kommunedirektørmøte"), so PDF text is compared with all white space removed.
const squash = (s: string) => s.replace(/[\s\u00a0]+/g, "");
function missingFacts(text: string, normalize: (s: string) => string = norm): string[] {
  const haystack = normalize(text);
  return expectedFacts().filter((f) => !haystack.includes(normalize(f)));
}

async function selectByText(select: Locator, text: string | RegExp) {
  const values = await select.locator("option").evaluateAll((opts, t) => {
    const re = typeof t === "string" ? null : new RegExp(t.source, t.flags);
    return opts.filter((o) => (re ? re.test(o.textContent ?? "") : (o.textContent ?? "").trim() === t)).map((o) => (o as HTMLOptionElement).value);
  }, typeof text === "string" ? text : { source: text.source, flags: text.flags });
  if (!values.length) throw new Error(`Fant ikke valget ${text}`);
  await select.selectOption(values[0]);
}

/** Opens a <details> by its summary; a second click would close it again (it stays open after a save). */
async function openDetails(scope: Locator, summary: string | RegExp) {
  const details = scope.locator("details").filter({ has: scope.page().locator("summary").filter({ hasText: summary }) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
}

function itemCard(page: Page, number: number): Locator {
  return page.locator("#saker + ol > li").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^Sak ${number}/22\\b`) }) });
}

async function writeItem(page: Page, number: number, notes: string | undefined, decision: string | null) {
  if (notes === undefined && decision === null) return;
  const card = itemCard(page, number);
  if (notes !== undefined) await card.getByLabel("Notater fra behandlingen (Markdown)").fill(notes);
  if (decision !== null) await card.getByLabel("Vedtak", { exact: true }).fill(decision);
  // Autosave: no button pressed; the status says when it is stored.
  await expect(card.getByRole("status").filter({ hasText: /Lagret kl\./ })).toBeVisible({ timeout: 15_000 });
}

test("sekretariatet gjenskaper referatet fra 17. januar 2022 i nettleseren, og møteleder godkjenner det", async ({ loginAs, newPage }) => {
  test.setTimeout(420_000);
  const page = await loginAs("secretariat");

  // ── The meeting and its sakskart ──
  await page.goto(`/portal/${RINGERIKE.slug}/moter/ny`);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Opprett møte", exact: true }) });
  await form.getByLabel("Organ").selectOption({ label: "Ordfører- og kommunedirektør/rådmannsutvalget" });
  await form.getByLabel("Dato", { exact: true }).fill("2022-01-17");
  await form.getByLabel("Starttid").fill("14:00");
  await form.getByLabel("Sluttid").fill("15:30");
  await form.getByLabel("Sted").fill("Kommunehuset i Krødsherad");
  await form.getByRole("button", { name: "Opprett møte", exact: true }).click();
  await expect(page).toHaveURL(/\/rediger$/);
  const meetingUrl = page.url().replace(/\/rediger$/, "");
  const meetingId = meetingUrl.split("/").at(-1)!;

  const addForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Legg til sak" }) });
  const TYPE_LABEL: Record<string, string> = { ORIENTERINGSSAK: "Orienteringssak", VEDTAKSSAK: "Vedtakssak", DROFTINGSSAK: "Drøftingssak" };
  for (const item of original.items.filter((i) => i.number! >= 3 && i.type !== "EVENTUELT")) {
    await addForm.getByLabel("Tittel").fill(item.title);
    await addForm.getByLabel("Sakstype").selectOption({ label: TYPE_LABEL[item.type] });
    await addForm.getByLabel("Presenteres av (v/)").fill(item.presenter ?? "");
    await addForm.getByRole("button", { name: "Legg til sak" }).click();
    await expect(page.getByText(`«${item.title}» er lagt til`)).toBeVisible();
  }
  // The standard items get the wording of the original.
  const [sak1, sak2] = original.items;
  await page.getByRole("link", { name: "Godkjenning av innkalling" }).click();
  await expect(page).toHaveURL(/\/saker\/[^/]+$/);
  await page.getByLabel("Tekst i innkallingen").fill(sak1.noticeText!);
  await page.getByRole("button", { name: "Lagre saken" }).click();
  await expect(page.getByText("Saken er lagret.")).toBeVisible();
  await page.goto(`${meetingUrl}/rediger`);
  await page.getByRole("link", { name: /^Godkjenning av referat/ }).click();
  // The sakskart has a "Tittel" field too (adding a case): wait for the item page before typing.
  await expect(page).toHaveURL(/\/saker\/[^/]+$/);
  await page.getByLabel("Tittel", { exact: true }).fill(sak2.title);
  await page.getByRole("button", { name: "Lagre saken" }).click();
  await expect(page.getByText("Saken er lagret.")).toBeVisible();
  await page.goto(`${meetingUrl}/rediger`);
  await page.getByRole("button", { name: "Send innkalling" }).click();
  await page.getByRole("button", { name: "Ja, send innkallingen" }).click();
  await expect(page.getByText(/Innkallingen er sendt til \d+ mottakere/)).toBeVisible();

  // ── A member sees the meeting, but no minutes before they are sent for comment ──
  const member = await loginAs("member");
  await member.goto(meetingUrl);
  await expect(member.getByRole("heading", { level: 1, name: /^Møte i/ })).toBeVisible();

  // ── Minutes ──
  await page.goto(meetingUrl);
  await page.getByRole("link", { name: "Skriv referat" }).click();
  await expectNoA11yViolations(page, "referat før start");
  await page.getByRole("button", { name: "Start referatet" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Status: Utkast/ })).toBeVisible();

  // The member still cannot read the draft: not on the page, not as PDF.
  await member.reload();
  await expect(member.getByText("Referat fra møte i")).toHaveCount(0);
  expect((await member.request.get(`/dokumenter/${RINGERIKE.slug}/moter/${meetingId}/referat.pdf`)).status()).toBe(404);

  // Attendance is filled from the membership, with the roles as printed.
  const register = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Deltakere" }) });
  for (const a of original.attendances!) await expect(register.locator("li > p", { hasText: person(a.person) })).toBeVisible();
  await expect(register.getByLabel("Rolle").nth(8)).toHaveValue("Konst. rådmann");
  await register.getByRole("button", { name: "Lagre deltakerlisten" }).click();
  await expect(register.getByText("Deltakerlisten er lagret.")).toBeVisible();

  const header = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Innledning og underskrifter" }) });
  await header.getByLabel("Innledning").fill(original.minutes!.introduction);
  await selectByText(header.getByLabel("Underskrift: møteleder"), /^Knut Martin Glesne/);
  await header.getByLabel("Tittel under møteleders navn").fill(original.minutes!.chair!.label);
  await selectByText(header.getByLabel("Underskrift: sekretariat"), /^Inger Kammerud/);
  await header.getByLabel("Tittel under sekretærens navn").fill(original.minutes!.secretary!.label);
  await header.getByRole("button", { name: "Lagre innledning og underskrifter" }).click();
  await expect(header.getByText("Lagret.")).toBeVisible();
  await expectNoA11yViolations(page, "referatredigering");

  // Prefilled standard decisions.
  await expect(itemCard(page, 1).getByLabel("Vedtak", { exact: true })).toHaveValue("Innkallingen godkjennes");
  await expect(itemCard(page, 3).getByLabel("Vedtak", { exact: true })).toHaveValue("Informasjonen tas til orientering");

  for (const item of original.items) {
    const prefilled = await itemCard(page, item.number!).getByLabel("Vedtak", { exact: true }).inputValue();
    const decision = item.decision?.text ?? "";
    await writeItem(page, item.number!, item.minutesNotes, decision === prefilled ? null : decision);
  }

  // Sak 2/22 approves the minutes of 1 November 2021 at this meeting (the next meeting), in the version read.
  await itemCard(page, 2).getByRole("button", { name: /^Registrer vedtaket: referatet fra 1\. november 2021 godkjennes/ }).click();
  // The button gives way to the lasting record of the approval, with the version approved.
  await expect(itemCard(page, 2).getByText(/Godkjenner referatet fra .* 1\. november 2021: godkjent i versjon \d+ og låst\./)).toBeVisible();

  // Follow-up, created inline from the decisions (and from Eventuelt).
  for (const f of followUps) {
    const card = itemCard(page, f.origin!.sak!);
    await openDetails(card, new RegExp(`^Nytt oppfølgingspunkt fra Sak ${f.origin!.sak}/22`));
    const actionForm = card.locator("form").filter({ has: page.getByRole("button", { name: "Opprett oppfølgingspunkt" }) });
    await actionForm.getByLabel("Oppfølgingspunkt").fill(f.title);
    const optionTexts = await actionForm.getByLabel("Ansvarlige personer").locator("option").allTextContents();
    const names = f.assignees.map((a) => person(a.person));
    const known = names.map((n) => optionTexts.find((o) => o === n || o.startsWith(`${n} (`))).filter((x): x is string => !!x);
    await actionForm.getByLabel("Ansvarlige personer").selectOption(known.map((label) => ({ label })));
    const unknown = names.filter((n) => !optionTexts.some((o) => o === n || o.startsWith(`${n} (`)));
    if (unknown.length) await actionForm.getByLabel("Eller ansvarlig med egne ord").fill(unknown.join(", "));
    if (f.dueDate) await actionForm.getByLabel("Frist").fill(f.dueDate);
    await actionForm.getByRole("button", { name: "Opprett oppfølgingspunkt" }).click();
    await expect(card.getByText(`Oppfølgingspunktet «${f.title}» er opprettet.`)).toBeVisible();
  }

  // Sak 6/22 "Forslag til saker til IPR-møtet 7. februar" puts draft items on that meeting.
  for (const p of proposals) {
    const card = itemCard(page, 6);
    await openDetails(card, "Foreslå sak til et senere møte fra Sak 6/22");
    const proposeForm = card.locator("form").filter({ has: page.getByRole("button", { name: "Foreslå sak" }) });
    await selectByText(proposeForm.getByLabel("Til møtet"), /7\. februar 2022/);
    await proposeForm.getByLabel("Tittel på foreslått sak").fill(p.title);
    await proposeForm.getByLabel("Sakstype").selectOption({ label: TYPE_LABEL[p.type] });
    await proposeForm.getByLabel("Beskrivelse (valgfritt)").fill(p.noticeText ?? "");
    await proposeForm.getByRole("button", { name: "Foreslå sak" }).click();
    await expect(card.getByText(`«${p.title}» er foreslått som sak til møtet.`)).toBeVisible();
  }
  await page.reload();
  for (const p of proposals) await expect(itemCard(page, 6).getByRole("listitem").filter({ hasText: p.title }).first()).toBeVisible();
  await expectNoA11yViolations(page, "referatredigering med oppfølging");

  // ── Comment round: the member reads the draft and comments ──
  await page.getByRole("button", { name: "Send utkastet til medlemmene for kommentar" }).click();
  await expect(page.getByText(/Utkastet er sendt til kommentar/)).toBeVisible();
  await member.reload();
  await expect(member.getByText(/Utkast sendt til kommentar – ikke godkjent/)).toBeVisible();
  await expectNoA11yViolations(member, "utkast til kommentar (medlem)");
  await member.getByLabel("Din kommentar til utkastet").fill("Ser bra ut. Husk at samlingen ble flyttet til mars.");
  await member.getByRole("button", { name: "Send kommentar" }).click();
  await expect(member.getByText("Kommentaren er sendt til sekretariatet.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Husk at samlingen ble flyttet til mars.")).toBeVisible();

  // ── The chair (Knut Martin Glesne, the demo member) approves electronically ──
  await member.reload();
  await member.getByRole("button", { name: /^Godkjenn referatet \(versjon \d+\)$/ }).click();
  // It asks first, since approval locks the referat; "Avbryt" leaves it as it was.
  await expect(member.getByText(/blir godkjent og låst, .*Det kan ikke angres\./)).toBeVisible();
  await expect(member.getByRole("button", { name: /^Ja, godkjenn versjon \d+$/ })).toBeFocused();
  await expectNoA11yViolations(member, "spørsmål før godkjenning");
  await member.getByRole("button", { name: "Avbryt" }).click();
  await expect(member.getByRole("button", { name: /^Godkjenn referatet \(versjon \d+\)$/ })).toBeFocused();
  await member.getByRole("button", { name: /^Godkjenn referatet \(versjon \d+\)$/ }).click();
  await member.getByRole("button", { name: /^Ja, godkjenn versjon \d+$/ }).click();
  await expect(member.getByText("Referatet er godkjent, låst og publisert.")).toBeVisible();
  await member.reload();
  const doc = member.getByTestId("minutes-document");
  await expect(doc.getByText(/Godkjent elektronisk av Knut Martin Glesne/)).toBeVisible();
  expect(missingFacts(await doc.innerText()), "fakta som mangler i referatet (HTML)").toEqual([]);
  await expectNoA11yViolations(member, "godkjent referat (medlem)");

  // Readable on a phone: no sideways scrolling, decisions stand out.
  const phone = await loginAs("member", { viewport: { width: 360, height: 740 } });
  await phone.goto(meetingUrl);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expect(phone.getByTestId("decision").first()).toBeVisible();
  await expectNoA11yViolations(phone, "referat på mobil");

  // ── Public: published automatically (political body), as HTML and PDF, with every fact ──
  const anon = await newPage();
  const first = (await anon.goto(`/r/${RINGERIKE.slug}/moter/${meetingId}`))!;
  expect(first.status()).toBe(200);
  // The public version comes from the page cache (decision 012), each response with its own nonce.
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const cached = (await anon.reload())!;
  expect(cached.headers()["x-page-cache"]).toBe("hit");
  expect(nonceOf(cached.headers()["content-security-policy"])).toBeTruthy();
  expect(nonceOf(cached.headers()["content-security-policy"])).not.toBe(nonceOf(first.headers()["content-security-policy"]));
  expect(await cached.text()).toContain(`nonce="${nonceOf(cached.headers()["content-security-policy"])}"`);
  const publicText = await anon.getByTestId("minutes-document").innerText();
  expect(missingFacts(publicText), "fakta som mangler i det offentlige referatet").toEqual([]);
  expect(publicText).not.toContain(EXEMPT_MARKER);
  await expectNoA11yViolations(anon, "offentlig referat");
  const pdf = await anon.request.get(`/dokumenter/${RINGERIKE.slug}/moter/${meetingId}/referat.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
  expect(missingFacts(text, squash), "fakta som mangler i PDF-en").toEqual([]);

  // ── Locked: the editor is read-only, and a correction is an erratum shown on the minutes ──
  await page.reload();
  await expect(page.getByText("Innholdet er uendret siden godkjenning.")).toBeVisible();
  await expect(itemCard(page, 4).getByLabel("Notater fra behandlingen (Markdown)")).toBeDisabled();
  await page.getByLabel("Rettelse").fill("Sak 5/21 i originalen skal være sak 5/22.");
  await page.getByRole("button", { name: "Registrer rettelse" }).click();
  await expect(page.getByText("Rettelsen er ført på referatet.")).toBeVisible();
  await expectNoA11yViolations(page, "låst referat med rettelse");
  // The erratum moves the referat's stamp: the cached page is rendered again at once.
  expect((await anon.reload())!.headers()["x-page-cache"]).toBe("miss");
  await expect(anon.getByRole("heading", { name: "Rettelser etter godkjenning" })).toBeVisible();
  await expect(anon.getByText("Sak 5/21 i originalen skal være sak 5/22.")).toBeVisible();

  // The 1 November 2021 minutes are approved by sak 2/22 and public too.
  await member.goto(`/portal/${RINGERIKE.slug}/referater`);
  await expect(member.getByRole("link", { name: /Referat – Ordfører- og kommunedirektør\/rådmannsutvalget 17\. januar 2022/ })).toBeVisible();
  await expect(member.getByRole("link", { name: /1\. november 2021/ })).toBeVisible();
  await expectNoA11yViolations(member, "referatliste");
});
