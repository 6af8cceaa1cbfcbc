import PDFDocument from "pdfkit";
import { test, expect, expectNoA11yViolations, RINGERIKE } from "./fixtures";

// Issue 3 acceptance: the secretariat prepares a meeting in the browser and sends the innkalling.

function tinyPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.text("Vedlegg til budsjettsaken – æøå");
    doc.end();
  });
}

test("sekretariatet lager et møte, bygger sakskartet, legger ved fil, forhåndsviser og sender innkallingen", async ({ loginAs, newPage }) => {
  test.setTimeout(180_000);
  const page = await loginAs("secretariat");

  await page.goto(`/portal/${RINGERIKE.slug}/moter`);
  await expectNoA11yViolations(page, "møteliste");
  await page.getByRole("link", { name: "Nytt møte eller møteplan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nytt møte" })).toBeVisible();
  await expectNoA11yViolations(page, "nytt møte");

  // Bad input first: a Norwegian message on the field, and what was typed is kept.
  const single = page.locator("form").filter({ has: page.getByRole("button", { name: "Opprett møte", exact: true }) });
  // Not the first organ: a select that fell back to its first option would not show here.
  await single.getByLabel("Organ").selectOption({ label: "Fagteamene" });
  await single.getByLabel("Dato", { exact: true }).fill("2027-04-12");
  await single.getByLabel("Starttid").fill("14:00");
  await single.getByLabel("Sluttid").fill("13:00");
  await single.getByLabel("Sted").fill("Kommunehuset i Krødsherad");
  await single.getByRole("button", { name: "Opprett møte", exact: true }).click();
  await expect(single.getByText("Sluttid må være etter starttid.")).toBeVisible();
  // The keyboard goes to the field to fix, not back to the top of the page.
  await expect(single.getByLabel("Sluttid")).toBeFocused();
  await expect(single.getByLabel("Sted")).toHaveValue("Kommunehuset i Krødsherad");
  await expect(single.getByLabel("Organ").locator("option:checked")).toHaveText("Fagteamene");
  await expectNoA11yViolations(page, "nytt møte med feil");

  await single.getByLabel("Organ").selectOption({ label: "Ordfører- og kommunedirektør/rådmannsutvalget" });
  await single.getByLabel("Sluttid").fill("15:30");
  await single.getByLabel("Lenke til digitalt møte").fill("https://teams.example.no/l/meetup-join/au");
  await single.getByRole("button", { name: "Opprett møte", exact: true }).click();
  await expect(page).toHaveURL(/\/rediger$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sakskart");
  await expect(page.locator("h1 + p")).toContainText("Kommunehuset i Krødsherad");
  const meetingUrl = page.url().replace(/\/rediger$/, "");
  const meetingId = meetingUrl.split("/").at(-1)!;

  const addForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Legg til sak" }) });
  for (const title of ["Budsjett 2028", "Orientering om samferdsel"]) {
    await addForm.getByLabel("Tittel").fill(title);
    await addForm.getByRole("button", { name: "Legg til sak" }).click();
    await expect(page.getByText(`«${title}» er lagt til`)).toBeVisible();
  }
  const list = page.locator("#saksliste ~ ol > li");
  await expect(list).toHaveCount(5); // Godkjenning av innkalling, referat, two cases, Eventuelt
  await expect(list.nth(2)).toContainText("Budsjett 2028");
  // Numbers go to the cases and the items above them; «Eventuelt» waits for the sending.
  await expect(list.nth(3)).toContainText(/^Sak \d+\/27/);
  await expect(list.nth(4)).toContainText("(får nummer senest ved utsending) Eventuelt");
  await expectNoA11yViolations(page, "sakskart");

  // Reorder with the keyboard: focus the button and press Enter.
  await page.getByRole("button", { name: "Flytt «Orientering om samferdsel» opp" }).focus();
  await page.keyboard.press("Enter");
  await expect(list.nth(2)).toContainText("Orientering om samferdsel");
  await expect(list.nth(3)).toContainText("Budsjett 2028");
  await expect(list.nth(4)).toContainText("Eventuelt");

  // «Trekk» is one click, so it can be undone: the item waits below the list with its number.
  const budgetNumber = (await list.nth(3).textContent())!.match(/Sak \d+\/27/)![0];
  await page.getByRole("button", { name: "Trekk «Budsjett 2028» fra sakskartet" }).click();
  await expect(list).toHaveCount(4);
  const withdrawn = page.getByRole("heading", { level: 3, name: "Trukket fra sakskartet" }).locator("xpath=following-sibling::ul[1]");
  await expect(withdrawn).toContainText(`${budgetNumber} Budsjett 2028`);
  await expectNoA11yViolations(page, "sakskart med en trukket sak");
  await page.getByRole("button", { name: "Sett «Budsjett 2028» tilbake på sakskartet" }).click();
  await expect(list).toHaveCount(5);
  await expect(list.nth(3)).toContainText(`${budgetNumber} Budsjett 2028`);
  await expect(list.nth(4)).toContainText("Eventuelt");
  await expect(page.getByRole("heading", { level: 3, name: "Trukket fra sakskartet" })).toHaveCount(0);

  // Case papers with a preview, and an attachment.
  await page.getByRole("link", { name: "Budsjett 2028" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Budsjett 2028");
  const budgetUrl = page.url();
  await page.getByLabel("Saksframlegg").fill("## Bakgrunn\n\n**Rammen** for 2028 foreslås økt.\n\n<script>window.__xss = 1</script>");
  await page.getByRole("button", { name: "Forhåndsvis" }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Bakgrunn" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await page.getByRole("button", { name: "Tilbake til redigering" }).first().click();
  await page.getByLabel("Forslag til vedtak / innstilling").fill("Budsjettet vedtas.");
  await page.getByRole("button", { name: "Lagre saken" }).click();
  await expect(page.getByText("Saken er lagret.")).toBeVisible();
  await expectNoA11yViolations(page, "saksredigering");

  // A box the user unticks stays unticked when the save is refused for another field.
  const closed = page.getByLabel("Behandles i lukket møte");
  await closed.check();
  await page.getByLabel("Hjemmel for lukket møte").fill("kommuneloven § 11-5 andre ledd");
  await page.getByRole("button", { name: "Lagre saken" }).click();
  await expect(page.getByText("Saken er lagret.")).toBeVisible();
  await page.reload();
  await expect(closed).toBeChecked();
  await closed.uncheck();
  await page.getByLabel("Tittel", { exact: true }).fill("");
  await page.getByRole("button", { name: "Lagre saken" }).click();
  await expect(page.getByText("Skriv en tittel.")).toBeVisible();
  await expect(closed).not.toBeChecked();
  await page.getByLabel("Tittel", { exact: true }).fill("Budsjett 2028");
  await page.getByRole("button", { name: "Lagre saken" }).click();
  await expect(page.getByText("Saken er lagret.")).toBeVisible();
  await page.reload();
  await expect(closed).not.toBeChecked();

  // A reference to an earlier case by its number: a wrong number is told on the field and kept;
  // the right one links to the case, which names this one back.
  const references = page.getByRole("region", { name: "Henvisninger til tidligere saker" });
  await references.getByLabel("Saksnummer").fill("99/21");
  await references.getByRole("button", { name: "Legg til henvisning" }).click();
  await expect(references.getByText("Fant ingen sak 99/21 i rådet.")).toBeVisible();
  await expect(references.getByLabel("Saksnummer")).toHaveValue("99/21");
  await expectNoA11yViolations(page, "henvisning med feil");
  await references.getByLabel("Saksnummer").fill("sak 4/22");
  await references.getByLabel("Tekst (valgfri)").fill("Samhandlingsinstruksen fra 2022");
  await references.getByRole("button", { name: "Legg til henvisning" }).click();
  await expect(references.getByText("Henvisningen er lagt til.")).toBeVisible();
  await references.getByRole("link", { name: "Samhandlingsinstruksen fra 2022" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Prinsipp saker/samhandlingsinstruks");
  const back = page.getByRole("region", { name: "Henvisninger", exact: true }).getByRole("listitem").filter({ hasText: "Henvist til fra" });
  await expect(back.getByRole("link", { name: "Budsjett 2028" })).toBeVisible();
  await expectNoA11yViolations(page, "sak med henvisning");
  await page.goto(budgetUrl);

  await page.getByLabel("Fil", { exact: true }).setInputFiles({ name: "Budsjettnotat æøå.pdf", mimeType: "application/pdf", buffer: await tinyPdf() });
  await page.getByRole("button", { name: "Last opp vedlegg" }).click();
  await expect(page.getByText("«Budsjettnotat æøå.pdf» er lastet opp.")).toBeVisible();
  const attachmentLink = page.getByRole("link", { name: "Budsjettnotat æøå.pdf" });
  await expect(attachmentLink).toBeVisible();
  const file = await page.request.get((await attachmentLink.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toContain("attachment");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // A file that is not what it says is refused with a Norwegian message.
  await page.getByLabel("Fil", { exact: true }).setInputFiles({ name: "skadelig.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await page.getByLabel("Vedlegget er unntatt offentlighet").check();
  await page.getByRole("button", { name: "Last opp vedlegg" }).click();
  await expect(page.getByText("Filinnholdet stemmer ikke med filtypen.")).toBeVisible();
  // The exempt box is kept for the next try, so the file is not sent out as public by mistake.
  await expect(page.getByLabel("Vedlegget er unntatt offentlighet")).toBeChecked();
  // An exempt file of a public case needs its own basis, asked for on the field.
  await page.getByLabel("Fil", { exact: true }).setInputFiles({ name: "Feil vedlegg.pdf", mimeType: "application/pdf", buffer: await tinyPdf() });
  await page.getByRole("button", { name: "Last opp vedlegg" }).click();
  await expect(page.getByText(/^Oppgi hjemmel for unntaket/)).toBeVisible();
  await page.getByLabel("Fil", { exact: true }).setInputFiles({ name: "Feil vedlegg.pdf", mimeType: "application/pdf", buffer: await tinyPdf() });
  await page.getByLabel("Hjemmel for unntak av vedlegget").fill("offl. § 13");
  await page.getByRole("button", { name: "Last opp vedlegg" }).click();
  await expect(page.getByText("«Feil vedlegg.pdf» er lastet opp.")).toBeVisible();
  const wrong = page.getByRole("region", { name: "Vedlegg" }).locator("li").filter({ hasText: "Feil vedlegg.pdf" });
  await expect(wrong).toContainText("unntatt offentlighet (offl. § 13)");
  // The wrong file is deleted, after a question: no notice has carried it yet.
  await wrong.getByText("Endre «Feil vedlegg.pdf»").click();
  await expectNoA11yViolations(page, "endre vedlegg");
  await wrong.getByRole("button", { name: "Slett «Feil vedlegg.pdf»" }).click();
  await wrong.getByRole("button", { name: "Ja, slett vedlegget" }).click();
  await expect(page.getByText("«Feil vedlegg.pdf» er slettet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Feil vedlegg.pdf" })).toHaveCount(0);

  // Preview the notice and download its PDF.
  await page.goto(`${meetingUrl}/innkalling`);
  await expect(page.getByRole("heading", { level: 1, name: /Innkalling til møte i/ })).toBeVisible();
  await expect(page.getByText("mandag 12. april 2027 kl. 14.00–15.30")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /Budsjett 2028/ })).toBeVisible();
  await expectNoA11yViolations(page, "innkalling");
  const pdf = await page.request.get(`/dokumenter/${RINGERIKE.slug}/moter/${meetingId}/innkalling.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Not public before it is sent.
  const anon = await newPage();
  expect((await anon.goto(`/r/${RINGERIKE.slug}/moter/${meetingId}`))!.status()).toBe(404);

  // Send it.
  await page.goto(`${meetingUrl}/rediger`);
  await expect(page.getByRole("heading", { name: "Kontroll etter kommuneloven § 11-3" })).toBeVisible();
  await page.getByRole("button", { name: "Send innkalling" }).click();
  // Mail to every member cannot be taken back: it asks first, and the keyboard goes to the answer.
  await expect(page.getByText(/Innkallingen sendes på e-post til alle innkalte og publiseres\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Ja, send innkallingen" })).toBeFocused();
  await expectNoA11yViolations(page, "spørsmål før utsending");
  await page.getByRole("button", { name: "Ja, send innkallingen" }).click();
  await expect(page.getByText(/Innkallingen er sendt til \d+ mottakere og publisert\./)).toBeVisible();
  await page.reload();
  await expect(page.getByText("Versjon 1,")).toBeVisible();
  await expect(list.last()).toContainText("Eventuelt");
  await expect(list.last()).toContainText(/Sak \d+\/27/);
  await expectNoA11yViolations(page, "sakskart etter utsending");

  // Now the public can read it, with the sending date cited under "Godkjenning av innkalling".
  const status = await anon.goto(`/r/${RINGERIKE.slug}/moter/${meetingId}/innkalling`);
  expect(status!.status()).toBe(200);
  await expect(anon.getByText(/Innkallingen ble sendt ut pr\. e-post/)).toBeVisible();
  // The attachment is a link the public can follow from the notice.
  const publicFile = anon.getByRole("link", { name: "Budsjettnotat æøå.pdf" });
  await expect(publicFile).toBeVisible();
  const publicDownload = await anon.request.get((await publicFile.getAttribute("href"))!);
  expect(publicDownload.status()).toBe(200);
  expect((await publicDownload.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await expectNoA11yViolations(anon, "offentlig innkalling");
  // Published by mistake: the secretariat withdraws it by marking it exempt; the notice keeps its record.
  await page.goto(budgetUrl);
  const budget = page.getByRole("region", { name: "Vedlegg" }).locator("li").filter({ hasText: "Budsjettnotat æøå.pdf" });
  await budget.getByText("Endre «Budsjettnotat æøå.pdf»").click();
  await expect(budget.getByText("Vedlegget er sendt ut med en innkalling og kan ikke slettes")).toBeVisible();
  await budget.getByLabel("«Budsjettnotat æøå.pdf» er unntatt offentlighet").check();
  await budget.getByLabel("Hjemmel for unntak av «Budsjettnotat æøå.pdf»").fill("offl. § 14");
  await budget.getByRole("button", { name: "Lagre vedlegget" }).click();
  await expect(page.getByText("«Budsjettnotat æøå.pdf» er unntatt offentlighet.")).toBeVisible();
  expect((await anon.request.get((await publicFile.getAttribute("href"))!)).status()).toBe(404);
  await anon.reload();
  await expect(anon.getByRole("link", { name: "Budsjettnotat æøå.pdf" })).toHaveCount(0);
  const ics = await anon.request.get(`/dokumenter/${RINGERIKE.slug}/moter/${meetingId}/mote.ics`);
  const icsText = (await ics.text()).replace(/\r\n[ \t]/g, "");
  expect(icsText).toContain("DTSTART:20270412T120000Z");
  // The Teams link is where Outlook shows it: beside the room, and in the description.
  expect(icsText).toContain("LOCATION:Kommunehuset i Krødsherad / https://teams.example.no/l/meetup-join/au");
  expect(icsText).toContain("DESCRIPTION:Digitalt møte: https://teams.example.no/l/meetup-join/au");
  expect(icsText).toContain("STATUS:CONFIRMED");

  // Called off after the notice went out: the public notice, its calendar file and the council's
  // front page say so (the invitees get a cancellation by e-mail, tests/integration/notice.test.ts).
  await page.goto(`${meetingUrl}/rediger`);
  const callOff = page.locator("form").filter({ has: page.getByRole("button", { name: "Avlys møtet" }) });
  await callOff.getByLabel("Hvorfor avlyses møtet?").fill("Budsjettet behandles i representantskapet");
  await callOff.getByRole("button", { name: "Avlys møtet" }).click();
  await expect(page.getByText("Avlyst: Budsjettet behandles i representantskapet")).toBeVisible();
  await anon.goto(`/r/${RINGERIKE.slug}/moter/${meetingId}/innkalling`);
  await expect(anon.getByText("Møtet er avlyst. Budsjettet behandles i representantskapet")).toBeVisible();
  await expectNoA11yViolations(anon, "offentlig innkalling til avlyst møte");
  const cancelledIcs = (await (await anon.request.get(`/dokumenter/${RINGERIKE.slug}/moter/${meetingId}/mote.ics`)).text()).replace(/\r\n[ \t]/g, "");
  expect(cancelledIcs).toContain("STATUS:CANCELLED");
  expect(cancelledIcs).toMatch(/SEQUENCE:1\r\n/);
  await anon.goto(`/r/${RINGERIKE.slug}`);
  await expect(anon.getByRole("region", { name: "Kommende møter" }).getByText("mandag 12. april 2027 kl. 14.00–15.30 · avlyst")).toBeVisible();
});

test("møteplanen for et år opprettes fra en liste med datoer, og månedsvisningen viser den", async ({ loginAs }) => {
  const page = await loginAs("secretariat");
  await page.goto(`/portal/${RINGERIKE.slug}/moter/ny`);
  const plan = page.locator("form").filter({ has: page.getByRole("button", { name: "Opprett møteplan" }) });
  await plan.getByLabel("Organ").selectOption({ label: "Ordfører- og kommunedirektør/rådmannsutvalget" });
  await plan.getByLabel("Møtedatoer").fill("2028-01-17 14:00-15:30 Hole rådhus\nfeil linje");
  await plan.getByRole("button", { name: "Opprett møteplan" }).click();
  await expect(plan.getByText(/Linje 2 \(«feil linje»\)|Linje 2 «feil linje»|Linje 2/)).toBeVisible();
  await expect(plan.getByLabel("Møtedatoer")).toHaveValue(/feil linje/);
  await plan.getByLabel("Møtedatoer").fill("2028-01-17 14:00-15:30 Hole rådhus\n2028-03-06 09:00-11:00 Teams");
  await plan.getByRole("button", { name: "Opprett møteplan" }).click();
  await expect(page.getByText("Møteplanen er lagret: 2 møter opprettet.")).toBeVisible();
  await page.goto(`/portal/${RINGERIKE.slug}/moter?visning=maned&maned=2028-03`);
  await expect(page.getByRole("link", { name: /09\.00 AU/ })).toBeVisible();
  await expectNoA11yViolations(page, "månedsvisning");

  // Move and cancel: the reason is required and shown.
  await page.getByRole("link", { name: /09\.00 AU/ }).click();
  await page.getByRole("link", { name: "Rediger sakskart" }).click();
  const details = page.locator("form").filter({ has: page.getByRole("button", { name: "Lagre tid og sted" }) });
  await details.getByLabel("Starttid").fill("10:00");
  await details.getByLabel("Begrunnelse for endring").fill("Flyttet en time på grunn av fergetider");
  await details.getByRole("button", { name: "Lagre tid og sted" }).click();
  await expect(page.getByText("Møtet er lagret.")).toBeVisible();
  // The next change gets its own reason: the field is empty, and says which reason is shown now.
  await expect(details.getByLabel("Begrunnelse for endring")).toHaveValue("");
  await expect(details.getByText("Nå vises: «Flyttet en time på grunn av fergetider».", { exact: false })).toBeVisible();
  const cancel = page.locator("form").filter({ has: page.getByRole("button", { name: "Avlys møtet" }) });
  await cancel.getByRole("button", { name: "Avlys møtet" }).click();
  await expect(cancel.getByText("Skriv hvorfor møtet avlyses.")).toBeVisible();
  await cancel.getByLabel("Hvorfor avlyses møtet?").fill("For få saker");
  await cancel.getByRole("button", { name: "Avlys møtet" }).click();
  // The editor closes for a cancelled meeting and shows why instead.
  await expect(page.getByText("Avlyst: For få saker")).toBeVisible();
  await page.getByRole("link", { name: "Vis møtet" }).click();
  await expect(page.getByText("For få saker")).toBeVisible();
  await expect(page.getByText("Endring: Flyttet en time på grunn av fergetider")).toBeVisible();
  await expect(page.getByText(/kl\. 10\.00–11\.00/)).toBeVisible();
  await expectNoA11yViolations(page, "avlyst møte");
});

test("møtesidene for sekretariatet kan brukes på 320 px uten vannrett rulling", async ({ loginAs }) => {
  const page = await loginAs("secretariat", { viewport: { width: 320, height: 700 } });
  await page.goto(`/portal/${RINGERIKE.slug}/moter`);
  const meeting = await page.locator("main a[href*='/moter/c']").first().getAttribute("href");
  for (const url of [`/portal/${RINGERIKE.slug}/moter`, `/portal/${RINGERIKE.slug}/moter?visning=maned`, `/portal/${RINGERIKE.slug}/moter/ny`, `${meeting}/rediger`, `${meeting}/innkalling`]) {
    await page.goto(url);
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width, `${url} er ${width} px bred`).toBeLessThanOrEqual(321);
    await expectNoA11yViolations(page, `${url} (320 px)`);
  }
});
