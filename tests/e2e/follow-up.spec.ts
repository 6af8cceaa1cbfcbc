import type { Page } from "@playwright/test";
import { test, expect, expectNoA11yViolations, visit, RINGERIKE } from "./fixtures";

// Issue 5 acceptance: a decision in the minutes creates an action item; the coordinator finds it
// in "Mine oppgaver", updates and closes it; it then appears, with its status, in the next
// meeting's "Oppfølging av vedtak". Two AU meetings of their own (February and March 2026, held
// already, since only a held meeting's minutes go out for comment), so the other specs' meetings
// are untouched.

const TITLE = "Kartlegge behov for felles løsning for økonomi- og lønnssystem i Ringeriksregionen";

async function createAuMeeting(page: Page, date: string) {
  await page.goto(`/portal/${RINGERIKE.slug}/moter/ny`);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Opprett møte", exact: true }) });
  await form.getByLabel("Organ").selectOption({ label: "Ordfører- og kommunedirektør/rådmannsutvalget" });
  await form.getByLabel("Dato", { exact: true }).fill(date);
  await form.getByLabel("Starttid").fill("14:00");
  await form.getByLabel("Sluttid").fill("15:30");
  await form.getByLabel("Sted").fill("Hole rådhus");
  await form.getByRole("button", { name: "Opprett møte", exact: true }).click();
  await expect(page).toHaveURL(/\/rediger$/);
  return page.url().replace(/\/rediger$/, "");
}

test("et vedtak i referatet blir en oppgave som koordinatoren lukker, og som står i neste møtes «Oppfølging av vedtak»", async ({ loginAs }) => {
  test.setTimeout(240_000);
  const secretariat = await loginAs("secretariat");

  // ── The decision in the minutes creates the item ──
  const firstUrl = await createAuMeeting(secretariat, "2026-02-02");
  const addForm = secretariat.locator("form").filter({ has: secretariat.getByRole("button", { name: "Legg til sak" }) });
  await addForm.getByLabel("Tittel").fill("Felles økonomi- og lønnssystem");
  await addForm.getByLabel("Sakstype").selectOption({ label: "Vedtakssak" });
  await addForm.getByRole("button", { name: "Legg til sak" }).click();
  await expect(secretariat.getByText("«Felles økonomi- og lønnssystem» er lagt til")).toBeVisible();
  await secretariat.goto(`${firstUrl}/referat`);
  await secretariat.getByRole("button", { name: "Start referatet" }).click();
  const card = secretariat.locator("#saker + ol > li").filter({ has: secretariat.getByRole("heading", { level: 3, name: /Felles økonomi- og lønnssystem/ }) });
  await card.getByLabel("Vedtak", { exact: true }).fill("Kommunedirektørene kartlegger behovet og legger fram en anbefaling.");
  await expect(card.getByRole("status").filter({ hasText: /Lagret kl\./ })).toBeVisible({ timeout: 15_000 });
  const caseNumber = (await card.getByRole("heading", { level: 3 }).innerText()).match(/Sak \d+\/26/)![0];
  await card.locator("summary").filter({ hasText: /^Nytt oppfølgingspunkt/ }).click();
  const actionForm = card.locator("form").filter({ has: secretariat.getByRole("button", { name: "Opprett oppfølgingspunkt" }) });
  const kari = (await actionForm.getByLabel("Ansvarlige personer").locator("option").allTextContents()).find((o) => o.startsWith("Kari Nordmann"));
  expect(kari, "koordinatoren kan gjøres ansvarlig").toBeDefined();
  await actionForm.getByLabel("Ansvarlige personer").selectOption({ label: kari });
  await actionForm.getByLabel("Frist").fill("2027-02-15");
  // Without a title first: the message is on the field, and the person and the date chosen are kept.
  await actionForm.getByRole("button", { name: "Opprett oppfølgingspunkt" }).click();
  await expect(actionForm.getByLabel("Oppfølgingspunkt")).toHaveAttribute("aria-invalid", "true");
  await expect(actionForm.getByLabel("Ansvarlige personer").locator("option:checked")).toHaveText([kari!]);
  await expect(actionForm.getByLabel("Frist")).toHaveValue("2027-02-15");
  await actionForm.getByLabel("Oppfølgingspunkt").fill(TITLE);
  await actionForm.getByRole("button", { name: "Opprett oppfølgingspunkt" }).click();
  await expect(card.getByText(`Oppfølgingspunktet «${TITLE}» er opprettet.`)).toBeVisible();
  // Members read the decision once the draft is sent to them (not before).
  await secretariat.getByRole("button", { name: "Send utkastet til medlemmene for kommentar" }).click();
  await expect(secretariat.getByText(/Utkastet er sendt til kommentar/)).toBeVisible();

  // ── The coordinator finds it in "Mine oppgaver" ──
  const coordinator = await loginAs("coordinator");
  await coordinator.getByRole("link", { name: "Alle mine oppgaver" }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: "Mine oppgaver" })).toBeVisible();
  const row = coordinator.getByRole("row").filter({ hasText: TITLE });
  await expect(row).toContainText("Åpen");
  await expect(row).toContainText("15. februar 2027");
  await expect(row).toContainText(caseNumber);
  await expectNoA11yViolations(coordinator, "Mine oppgaver (liste)");
  // Search and the board view find it too.
  await coordinator.getByLabel("Søk i titler").fill("lønnssystem");
  await coordinator.getByRole("button", { name: "Filtrer" }).click();
  await expect(coordinator.getByRole("row")).toHaveCount(2);
  await coordinator.getByRole("link", { name: "Tavle" }).click();
  await expect(coordinator.getByRole("region", { name: /^Åpen \(1\)$/ }).getByRole("link", { name: TITLE })).toBeVisible();
  await expectNoA11yViolations(coordinator, "Mine oppgaver (tavle)");
  await coordinator.getByRole("link", { name: TITLE }).click();

  // ── The item page: origin as links, then status and progress ──
  await expect(coordinator.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(coordinator.getByRole("link", { name: caseNumber })).toBeVisible();
  await expect(coordinator.getByRole("link", { name: /møtet i Ordfører- og kommunedirektør\/rådmannsutvalget 2\. februar 2026/ })).toBeVisible();
  await expect(coordinator.getByText("Kommunedirektørene kartlegger behovet og legger fram en anbefaling.")).toBeVisible();
  await expectNoA11yViolations(coordinator, "oppfølgingspunkt");
  await coordinator.getByLabel("Status", { exact: true }).selectOption({ label: "Under arbeid" });
  await coordinator.getByLabel("Fremdriftsnotat").fill("Hole og Modum har sendt oversikt over dagens systemer.");
  await coordinator.getByRole("button", { name: "Lagre status og notat" }).click();
  await expect(coordinator.getByText("Status er endret til «Under arbeid».")).toBeVisible();
  // The form re-mounts to clear the note: the keyboard goes to the message, not to the top of the page.
  await expect(coordinator.getByRole("status").filter({ hasText: "Status er endret til «Under arbeid»." })).toBeFocused();
  const history = coordinator.getByRole("region", { name: "Historikk" });
  await expect(history.getByText("Åpen → Under arbeid")).toBeVisible();
  await expect(history.getByText("Hole og Modum har sendt oversikt over dagens systemer.")).toBeVisible();
  await expect(history.getByText(/Kari Nordmann/).first()).toBeVisible();

  // The secretariat has the item open while the coordinator closes it (below).
  await secretariat.goto(coordinator.url());

  // Closing without an outcome is refused on the field, and what was typed stays.
  await coordinator.getByLabel("Status", { exact: true }).selectOption({ label: "Fullført" });
  await coordinator.getByLabel("Fremdriftsnotat").fill("Anbefalingen er klar.");
  await coordinator.getByRole("button", { name: "Lagre status og notat" }).click();
  await expect(coordinator.getByText("Skriv kort hva som ble resultatet før du lukker oppgaven.")).toBeVisible();
  await expect(coordinator.getByLabel("Resultat (påkrevd for å lukke)"), "fokus på feltet som må rettes").toBeFocused();
  await expect(coordinator.getByLabel("Fremdriftsnotat")).toHaveValue("Anbefalingen er klar.");
  await coordinator.getByLabel("Resultat (påkrevd for å lukke)").fill("Felles anskaffelse anbefales; sak til IPR i mars.");
  await coordinator.getByRole("button", { name: "Lagre status og notat" }).click();
  await expect(coordinator.getByText("Oppgaven er lukket som fullført.")).toBeVisible();
  await expect(history.getByText("Under arbeid → Fullført")).toBeVisible();
  await expect(coordinator.getByText("Resultat: Felles anskaffelse anbefales; sak til IPR i mars.")).toBeVisible();
  await expectNoA11yViolations(coordinator, "lukket oppfølgingspunkt");

  // The secretariat, on its stale page, closes it too: refused as a conflict, with its result kept in the field.
  await secretariat.getByLabel("Status", { exact: true }).selectOption({ label: "Fullført" });
  await secretariat.getByLabel("Resultat (påkrevd for å lukke)").fill("Sekretariatets eget resultat.");
  await secretariat.getByRole("button", { name: "Lagre status og notat" }).click();
  await expect(secretariat.getByText("Lagret versjon (lagret etter at du åpnet siden)")).toBeVisible();
  await expect(secretariat.getByLabel("Resultat", { exact: true })).toHaveValue("Sekretariatets eget resultat.");
  await expectNoA11yViolations(secretariat, "oppfølgingspunkt etter konflikt");

  // The closed item leaves the default list, and shows under "Fullført".
  await coordinator.goto("/portal/oppfolging?mine=1");
  await expect(coordinator.getByRole("row").filter({ hasText: TITLE })).toHaveCount(0);
  await coordinator.getByLabel("Status", { exact: true }).selectOption({ label: "Fullført" });
  await coordinator.getByRole("button", { name: "Filtrer" }).click();
  await expect(coordinator.getByRole("row").filter({ hasText: TITLE })).toContainText("Fullført");

  // ── The next meeting's "Oppfølging av vedtak", frozen with the notice ──
  const nextUrl = await createAuMeeting(secretariat, "2026-03-02");
  await secretariat.getByRole("button", { name: "Legg til «Oppfølging av vedtak»" }).click();
  await expect(secretariat.getByText(/«Oppfølging av vedtak» er lagt til/)).toBeVisible();
  await secretariat.getByRole("button", { name: "Send innkalling" }).click();
  await secretariat.getByRole("button", { name: "Ja, send innkallingen" }).click();
  await expect(secretariat.getByText(/Innkallingen er sendt til \d+ mottakere/)).toBeVisible();
  await secretariat.goto(`${nextUrl}/innkalling`);
  const list = secretariat.getByTestId("follow-up-list");
  await expect(list.getByText(/^Status per \d+\. \w+ \d{4}, da innkallingen ble sendt\.$/)).toBeVisible();
  const listed = list.getByRole("row").filter({ hasText: TITLE });
  await expect(listed).toContainText("Fullført");
  await expect(listed).toContainText(`${caseNumber}, Ordfører- og kommunedirektør/rådmannsutvalget 2. februar 2026`);
  await expect(listed).toContainText("Resultat: Felles anskaffelse anbefales; sak til IPR i mars.");
  await expectNoA11yViolations(secretariat, "innkalling med oppfølging av vedtak");
});

test("CSV-eksporten av den filtrerte listen åpnes riktig i norsk Excel", async ({ loginAs, newPage }) => {
  const secretariat = await loginAs("secretariat");
  await secretariat.goto(`/portal/oppfolging?rad=${RINGERIKE.slug}&status=alle`);
  await expectNoA11yViolations(secretariat, "oppfølging, alle");

  // Sorting by a column: the header says which column sorts the list and which way, for screen
  // readers as well, and a second click turns the order.
  const column = (name: string) => secretariat.getByRole("columnheader", { name: new RegExp(`^${name}`) });
  const titles = () => secretariat.getByRole("table").locator("tbody tr td:first-child a").allTextContents();
  await expect(column("Frist")).toHaveAttribute("aria-sort", "ascending");
  await column("Oppfølgingspunkt").getByRole("link").click();
  await expect(column("Oppfølgingspunkt")).toHaveAttribute("aria-sort", "ascending");
  await expect(column("Frist")).not.toHaveAttribute("aria-sort", /./);
  const ascending = await titles();
  expect(ascending.length).toBeGreaterThan(2);
  await column("Oppfølgingspunkt").getByRole("link").click();
  await expect(column("Oppfølgingspunkt")).toHaveAttribute("aria-sort", "descending");
  await expect(column("Oppfølgingspunkt")).toContainText("sortert synkende");
  const descending = await titles();
  expect(descending[0]).toBe(ascending.at(-1));
  expect(descending.at(-1)).toBe(ascending[0]);
  await expectNoA11yViolations(secretariat, "oppfølging sortert på oppfølgingspunkt, synkende");
  await secretariat.goto(`/portal/oppfolging?rad=${RINGERIKE.slug}&status=alle`);

  const href = await secretariat.getByRole("link", { name: "Last ned som CSV (Excel)" }).getAttribute("href");
  expect(href).toContain("status=alle");
  const response = await secretariat.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  const [header, ...rows] = text.trimEnd().split("\r\n");
  expect(header).toBe("Oppfølgingspunkt;Status;Ansvarlig;Frist;Sak;Organ;Møtedato;Råd;Tiltak;Lukket;Resultat");
  expect(rows.length).toBe(await secretariat.getByRole("row").count() - 1);
  expect(text).toContain("Interkommunalt politisk råd for Ringeriksregionen");
  expect(text).toMatch(/;\d{2}\.\d{2}\.\d{4};/);

  // The print view lists the same items without the controls.
  await secretariat.getByRole("link", { name: "Utskriftsvisning" }).click();
  await expect(secretariat.getByRole("button", { name: "Filtrer" })).toHaveCount(0);
  expect(await secretariat.getByRole("row").count()).toBe(rows.length + 1);
  await expectNoA11yViolations(secretariat, "utskriftsvisning");

  // The public and people without a login get nothing.
  const anon = await newPage();
  const denied = await anon.request.get("/portal/oppfolging/eksport.csv?status=alle", { maxRedirects: 0 });
  expect(denied.status()).not.toBe(200);
  expect(denied.headers()["content-type"] ?? "").not.toContain("text/csv");
});

// A view of the follow-up list, or of the start page that leads to it, asks the server for nothing
// more until the reader shows intent: links prefetch on hover or focus, not on scrolling into view
// (components/ui/intent-link.tsx). Before, one view sent 36 prefetch requests at national scale,
// each rendering the layouts.
test("oppgavelisten henter ikke sidene bak lenkene før leseren peker på en", async ({ loginAs }) => {
  const page = await loginAs("coordinator");
  await page.waitForLoadState("networkidle");
  // The pointer is still where the login button was: move it off the content so no link is hovered.
  await page.mouse.move(0, 0);
  // Each prefetch is counted against the page that sent it, so a slow start page still sending
  // requests as the next navigation begins cannot be blamed on the follow-up list.
  const prefetches: Record<string, string[]> = {};
  let current = "";
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) current = new URL(frame.url()).pathname;
  });
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"] || new URL(r.url()).searchParams.has("_rsc")) (prefetches[current] ??= []).push(new URL(r.url()).pathname);
  });
  const settle = async () => {
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(1000);
  };

  expect(await visit(page, "/portal")).toBe(200);
  await expect(page.getByRole("link", { name: "Påminnelser om frister" })).toBeVisible();
  await settle();
  expect(prefetches["/portal"] ?? [], "startsiden henter ingenting bare av at lenkene vises").toEqual([]);

  expect(await visit(page, "/portal/oppfolging")).toBe(200);
  const rows = page.getByRole("table").locator("tbody").getByRole("link");
  await expect(rows.first()).toBeVisible();
  await settle();
  expect(prefetches["/portal/oppfolging"] ?? [], "ingen forhåndshenting bare av at lenkene vises").toEqual([]);

  const first = rows.first();
  const target = new URL((await first.getAttribute("href"))!, page.url()).pathname;
  await first.hover();
  await expect.poll(() => (prefetches["/portal/oppfolging"] ?? []).includes(target), { message: `pekeren på ${target} henter siden på forhånd` }).toBe(true);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expectNoA11yViolations(page, target);
});
