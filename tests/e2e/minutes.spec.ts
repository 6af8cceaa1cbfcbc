import { extractText, getDocumentProxy } from "unpdf";
import { test, expect, expectNoA11yViolations, EXEMPT_MARKER, RINGERIKE } from "./fixtures";

// Issue 4: round-table contributions sent in advance, and exempt content in minutes that members
// and the public read.

test("en representant sender inn innspill til runde rundt bordet før møtet, og sekretariatet ser hvem som mangler", async ({ loginAs }) => {
  test.setTimeout(180_000);
  const secretariat = await loginAs("secretariat");
  await secretariat.goto(`/portal/${RINGERIKE.slug}/moter`);
  // The demo's coming AU meeting (18 January 2027) has a round-table item; the notice makes it visible to members.
  await secretariat.locator("li").filter({ hasText: "18. januar 2027" }).getByRole("link").first().click();
  // The click only starts the navigation; read the URL once the meeting page is there.
  await expect(secretariat).toHaveURL(/\/moter\/[a-z0-9]+$/);
  const meetingUrl = secretariat.url();
  await secretariat.goto(`${meetingUrl}/rediger`);
  await secretariat.getByRole("button", { name: "Send innkalling" }).click();
  await secretariat.getByRole("button", { name: "Ja, send innkallingen" }).click();
  await expect(secretariat.getByText(/Innkallingen er sendt til \d+ mottakere/)).toBeVisible();

  const member = await loginAs("member");
  await member.goto(meetingUrl);
  const section = member.locator("section").filter({ has: member.getByRole("heading", { name: "Runde rundt bordet: ditt innspill" }) });
  await expect(section).toBeVisible();
  await expectNoA11yViolations(member, "møteside med runde rundt bordet");
  // Empty input: a Norwegian message on the field.
  await section.getByRole("button", { name: "Send inn for Krødsherad" }).click();
  await expect(section.getByText("Skriv innspillet.")).toBeVisible();
  await section.getByLabel(/Innspill fra Krødsherad/).fill("Krødsherad: ny barnehage åpnet, og arbeidet med kommuneplanen er i gang.");
  await section.getByRole("button", { name: "Send inn for Krødsherad" }).click();
  await expect(section.getByText("Innspillet er sendt inn.")).toBeVisible();
  // A member represents only their own municipality.
  await expect(section.getByLabel(/Innspill fra Hole/)).toHaveCount(0);

  await secretariat.goto(`${meetingUrl}/referat`);
  await secretariat.getByRole("button", { name: "Start referatet" }).click();
  const card = secretariat.locator("#saker + ol > li").filter({ has: secretariat.getByRole("heading", { level: 3, name: /Runde rundt bordet/ }) });
  await expect(card.getByLabel("Innspill fra Krødsherad (innsendt)")).toHaveValue(/ny barnehage/);
  await expect(card.getByText("Ikke rapportert: Hole, Jevnaker, Modum, Ringerike")).toBeVisible();
  await card.getByLabel("Innspill fra Hole").fill("Hole: ingen nye saker.");
  await card.getByRole("button", { name: "Lagre innspill fra Hole" }).click();
  await expect(card.getByText("Innspillet er lagret.")).toBeVisible();
  await expectNoA11yViolations(secretariat, "referat med runde rundt bordet");
  // Only a meeting that has begun gets its draft sent for comment; before that it is only prepared.
  const sendButton = secretariat.getByRole("button", { name: "Send utkastet til medlemmene for kommentar" });
  if (Date.now() < Date.parse("2027-01-18T13:00:00Z")) {
    await expect(secretariat.getByText("Utkastet kan sendes til kommentar og godkjennes når møtet har begynt (18. januar 2027).")).toBeVisible();
    await expect(sendButton).toHaveCount(0);
  } else {
    await expect(sendButton).toBeVisible();
  }
});

test("unntatt innhold i et referat: medlemmer og publikum ser hjemmelen, aldri innholdet", async ({ loginAs, newPage }) => {
  test.setTimeout(180_000);
  const secretariat = await loginAs("secretariat");
  await secretariat.goto(`/portal/${RINGERIKE.slug}/moter`);
  await secretariat.locator("li").filter({ hasText: "7. februar 2022" }).getByRole("link").first().click();
  // The click only starts the navigation; read the URL once the meeting page is there.
  await expect(secretariat).toHaveURL(/\/moter\/[a-z0-9]+$/);
  const meetingUrl = secretariat.url();
  const meetingId = meetingUrl.split("/").at(-1)!;
  await secretariat.goto(`${meetingUrl}/referat`);
  await secretariat.getByRole("button", { name: "Start referatet" }).click();
  const card = secretariat.locator("#saker + ol > li").filter({ has: secretariat.getByRole("heading", { level: 3, name: /Personalsak/ }) });
  await card.getByLabel("Notater fra behandlingen (Markdown)").fill(`${EXEMPT_MARKER}: drøftet i lukket møte.`);
  await card.getByLabel("Vedtak", { exact: true }).fill(`${EXEMPT_MARKER}: vedtak i personalsaken.`);
  // Leaving by a link before the autosave has run asks first; staying keeps the text.
  let asked = "";
  secretariat.once("dialog", (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await secretariat.getByRole("navigation", { name: "Brødsmuler" }).getByRole("link", { name: "Møter" }).click();
  await expect.poll(() => asked).toContain("ikke lagret");
  await expect(secretariat).toHaveURL(/\/referat$/);
  await expect(card.getByLabel("Vedtak", { exact: true })).toHaveValue(`${EXEMPT_MARKER}: vedtak i personalsaken.`);
  await expect(card.getByRole("status").filter({ hasText: /Lagret kl\. \d\d\.\d\d\.\d\d/ })).toBeVisible({ timeout: 15_000 });
  // A vote count that is not a whole number stays as typed, with a message on the field.
  await card.getByLabel("Votering over forslag").check();
  await card.getByLabel("Forslagets tekst").fill("Innstillingen");
  const votesFor = card.getByLabel("Stemmer for");
  await votesFor.fill("12a");
  await expect(card.getByText("Skriv et helt tall, eller la feltet stå tomt.")).toBeVisible({ timeout: 15_000 });
  await expect(votesFor).toHaveValue("12a");
  await expect(votesFor).toHaveAttribute("aria-invalid", "true");
  await card.getByLabel("Stemmer mot").fill("-2");
  await expect(card.getByText("Tallet kan ikke være negativt.")).toBeVisible({ timeout: 15_000 });
  await votesFor.fill("12");
  await card.getByLabel("Stemmer mot").fill("0");
  await expect(card.getByRole("status").filter({ hasText: /Lagret kl\./ })).toBeVisible({ timeout: 15_000 });
  await expect(votesFor).not.toHaveAttribute("aria-invalid");
  const header = secretariat.locator("section").filter({ has: secretariat.getByRole("heading", { level: 2, name: "Innledning og underskrifter" }) });
  const chair = header.getByLabel("Underskrift: møteleder");
  // Once the register says who came, only they are offered as the chair who signs.
  const register = secretariat.locator("section").filter({ has: secretariat.getByRole("heading", { level: 2, name: "Deltakere" }) });
  const names = (await register.locator("label", { hasText: /^Oppmøte for / }).allTextContents()).map((l) => l.replace(/^Oppmøte for /, "").trim());
  const absent = names.filter((n) => !n.startsWith("Knut Martin Glesne")).at(-1)!;
  await expect(chair.locator("option", { hasText: absent })).toHaveCount(1);
  await register.getByLabel(`Oppmøte for ${absent}`, { exact: true }).selectOption("ABSENT");
  await register.getByRole("button", { name: "Lagre deltakerlisten" }).click();
  await expect(register.getByText("Deltakerlisten er lagret.")).toBeVisible();
  await expect(chair.locator("option", { hasText: absent })).toHaveCount(0);
  // Knut Martin, who will approve as the chair, is not in the body's register: he came as a member.
  await expect(chair.locator("option", { hasText: /^Knut Martin Glesne/ })).toHaveCount(0);
  await register.getByText("Legg til gjest, sekretariat eller vara").click();
  await register.getByLabel("Hva slags deltaker").selectOption("MEMBER");
  const person = register.getByLabel("Person i registeret");
  await person.selectOption((await person.locator("option", { hasText: /^Knut Martin Glesne/ }).first().getAttribute("value"))!);
  await register.getByRole("button", { name: "Legg til deltaker" }).click();
  await expect(chair.locator("option", { hasText: /^Knut Martin Glesne/ })).toHaveCount(1);
  const value = await chair.locator("option", { hasText: /^Knut Martin Glesne/ }).first().getAttribute("value");
  await chair.selectOption(value!);
  await header.getByRole("button", { name: "Lagre innledning og underskrifter" }).click();
  await expect(header.getByText("Lagret.")).toBeVisible();
  await secretariat.getByRole("button", { name: "Send utkastet til medlemmene for kommentar" }).click();
  await expect(secretariat.getByText(/Utkastet er sendt til kommentar/)).toBeVisible();

  const member = await loginAs("member");
  await member.goto(`/portal/${RINGERIKE.slug}/moter/${meetingId}`);
  const doc = member.getByTestId("minutes-document");
  await expect(doc.getByText(/Unntatt offentlighet – offl\. § 13, jf\. fvl\. § 13/)).toBeVisible();
  expect(await member.content()).not.toContain(EXEMPT_MARKER);
  const memberPdf = await member.request.get(`/dokumenter/${RINGERIKE.slug}/moter/${meetingId}/referat.pdf`);
  expect(memberPdf.status()).toBe(200);

  // The public sees nothing before approval.
  const anon = await newPage();
  expect((await anon.request.get(`/dokumenter/${RINGERIKE.slug}/moter/${meetingId}/referat.pdf`)).status()).toBe(404);

  // While the chair reads, the secretariat corrects a vote count (in the exempt case, so the chair's
  // page does not show it): the version is the same, the minutes are not.
  await secretariat.goto(`${meetingUrl}/referat`);
  const saved = card.getByRole("status").filter({ hasText: /Lagret kl\./ });
  await card.getByLabel("Stemmer mot").fill("1");
  await expect(saved).toBeVisible({ timeout: 15_000 });
  await member.getByRole("button", { name: /^Godkjenn referatet/ }).click();
  await member.getByRole("button", { name: /^Ja, godkjenn versjon \d+$/ }).click();
  await expect(member.getByText("Referatet er endret siden du åpnet det. Les den nye versjonen før du godkjenner.")).toBeVisible();
  await expectNoA11yViolations(member, "godkjenning av endret referat");
  await member.reload();
  await member.getByRole("button", { name: /^Godkjenn referatet/ }).click();
  await member.getByRole("button", { name: /^Ja, godkjenn versjon \d+$/ }).click();
  await expect(member.getByText(/Referatet er godkjent, låst og publisert\./)).toBeVisible();
  const status = await anon.goto(`/r/${RINGERIKE.slug}/moter/${meetingId}`);
  expect(status!.status()).toBe(200);
  await expect(anon.getByTestId("minutes-document").getByText(/Unntatt offentlighet – offl\. § 13/)).toBeVisible();
  expect(await anon.content()).not.toContain(EXEMPT_MARKER);
  const pdf = await anon.request.get(`/dokumenter/${RINGERIKE.slug}/moter/${meetingId}/referat.pdf`);
  expect(pdf.status()).toBe(200);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
  expect(text).toContain("Unntatt offentlighet");
  expect(text).not.toContain(EXEMPT_MARKER);
  await expectNoA11yViolations(anon, "offentlig referat med unntatt sak");

  // The secretariat still reads it all.
  await secretariat.goto(`/portal/${RINGERIKE.slug}/moter/${meetingId}`);
  await expect(secretariat.getByTestId("minutes-document").getByText(`${EXEMPT_MARKER}: vedtak i personalsaken.`)).toBeVisible();
});
