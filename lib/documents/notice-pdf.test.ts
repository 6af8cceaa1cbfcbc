import { extractText, getMeta } from "unpdf";
import { describe, expect, it } from "vitest";
import type { NoticeDocument, NoticeItem } from "@/lib/meetings/notice-model";
import { renderNoticePdf } from "@/lib/documents/notice-pdf";
import { pdfText, unsupportedPdfChars } from "@/lib/documents/pdf-kit";

const SECRET = "HEMMELIG-MARKØR";

function item(partial: Partial<NoticeItem> & Pick<NoticeItem, "numberLabel" | "title">): NoticeItem {
  return {
    typeLabel: "Vedtakssak",
    presenter: null,
    redacted: false,
    exemptionBasis: null,
    noticeText: null,
    background: null,
    proposedDecision: null,
    attachments: [],
    ...partial,
  };
}

// Ringeriksregionen IPR, ordfører-/kommunedirektørutvalget 17. januar 2022 (from the real minutes).
function fixture(): NoticeDocument {
  const invitee = (organization: string | null, name: string, role: string, substitutes: string[] = []) => ({
    organization,
    name,
    role,
    substitutes,
  });
  return {
    meetingId: "m-2022-01-17",
    councilName: "Interkommunalt politisk råd for Ringeriksregionen",
    bodyName: "Ordfører-/kommunedirektørutvalget",
    isPolitical: true,
    startsAt: new Date("2022-01-17T13:00:00Z"),
    endsAt: new Date("2022-01-17T14:30:00Z"),
    timeLabel: "mandag 17. januar 2022 kl. 14.00–15.30",
    location: "Kommunehuset i Krødsherad",
    remoteUrl: "https://teams.example.no/l/meetup-join/ipr",
    invitees: [
      invitee("Hole", "Syver Leivestad", "Ordfører (leder IPR)", ["Kristin Ulven"]),
      invitee("Modum", "Sunni Grøndahl Aamodt", "Ordfører"),
      invitee("Krødsherad", "Knut Martin Glesne", "Ordfører"),
      invitee("Jevnaker", "Morten Lafton", "Ordfører"),
      invitee("Ringerike", "Kirsten Orebråten", "Ordfører"),
      invitee("Hole", "Torger Ødegaard", "Kommunedirektør"),
      invitee("Modum", "Aud Norunn Strand", "Rådmann"),
      invitee("Krødsherad", "Stig Rune Kroken", "Kommunedirektør"),
      invitee("Jevnaker", "Gry B. Munkerud", "Konst. rådmann"),
      invitee("Ringerike", "Tore Isaksen", "Rådmann"),
      invitee(null, "Inger Kammerud", "Regionrådsadministrator"),
    ],
    items: [
      item({
        numberLabel: "Sak 1/22",
        title: "Godkjenning av innkalling",
        typeLabel: "Godkjenning",
        noticeText: "Innkalling ble utsendt pr. e-post 11. januar 2022",
        proposedDecision: "Innkallingen godkjennes",
      }),
      item({
        numberLabel: "Sak 2/22",
        title: "Godkjenning av referat fra ordførermøte – rådmann/kommunedirektørmøte 1. november 2021",
        typeLabel: "Godkjenning",
        proposedDecision: "Referat fra ordfører-rådmanns/kommunedirektørmøte 1. november 2021 godkjennes",
        attachments: [{ fileName: "Referat 1. november 2021.pdf" }],
      }),
      item({
        numberLabel: "Sak 3/22",
        title: "Orientering om aktuelle saker i Krødsherad kommune",
        typeLabel: "Orienteringssak",
        presenter: "v/ Stig Rune Kroken",
        proposedDecision: "Informasjonen tas til orientering",
      }),
      item({
        numberLabel: "Sak 4/22",
        title: "Prinsipp saker/samhandlingsinstruks",
        typeLabel: "Drøftingssak",
        background: "**fet** tekst\n\n- punkt én\n- punkt to\n\n<script>alert(1)</script>",
        proposedDecision:
          "- Det inviteres til en samling fra lunsj til lunsj 22. februar – 23. februar.\n- Knut Martin Glesne finner egnet sted\n- Inger lager program i samarbeid med Knut Martin",
        attachments: [{ fileName: "Samhandlingsinstruks utkast.docx" }, { fileName: "Presentasjon Ringerike.pptx" }],
      }),
      item({
        numberLabel: "Sak 5/22",
        title: "Orienteringer om saker i IPRet",
        typeLabel: "Orienteringssak",
        presenter: "v/ regionrådsadministrator",
        background:
          "Framover sammen – Delprosjekt «Regionalt klyngeprosjekt» tas ut av prosjektstyringsdokumentet, og midlene (kr 200\u202f000,-) overføres til prosjektet. Regionrådets ’prioriteringer’ følges opp.",
      }),
      item({
        numberLabel: "Sak 6/22",
        title: "Forhandlinger om leieavtale",
        typeLabel: "Vedtakssak",
        redacted: true,
        exemptionBasis: "offl. § 13, jf. fvl. § 13",
        background: null,
      }),
      item({
        numberLabel: "Sak 7/22",
        title: "Eventuelt",
        typeLabel: "Eventuelt",
      }),
    ],
    absenceInstructions: "Forfall meldes til Inger Kammerud på e-post så snart som mulig, slik at vara kan kalles inn.",
    sentAt: new Date("2022-01-11T08:00:00Z"),
    url: "https://ipr.example.no/moter/m-2022-01-17",
    version: 1,
    cancelled: null,
  };
}

async function textOf(buf: Buffer): Promise<string> {
  const { text } = await extractText(new Uint8Array(buf), { mergePages: true });
  return text;
}

describe("renderNoticePdf", () => {
  it("renders a formal innkalling with Norwegian text", async () => {
    const buf = await renderNoticePdf(fixture());
    expect(buf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const text = await textOf(buf);
    expect(text).toContain("Innkalling til møte i Ordfører-/kommunedirektørutvalget");
    expect(text).toContain("Interkommunalt politisk råd for Ringeriksregionen");
    expect(text).toContain("mandag 17. januar 2022 kl. 14.00–15.30");
    expect(text).toContain("Kommunehuset i Krødsherad");
    expect(text).toContain("Digitalt:");
    for (let n = 1; n <= 7; n++) expect(text).toContain(`Sak ${n}/22`);
    for (const word of ["Krødsherad", "Godkjenning av innkalling", "Ødegaard", "Ringeriksregionen", "Knut Martin Glesne"]) {
      expect(text).toContain(word);
    }
    for (const section of ["Innkalte", "Saksliste", "Saksframlegg", "Forslag til vedtak:", "Forfall"]) {
      expect(text).toContain(section);
    }
    expect(text).toContain("Kristin Ulven"); // vara
    expect(text).toContain("v/ Stig Rune Kroken");
    expect(text).toContain("Vedlegg: Referat 1. november 2021.pdf");
    expect(text).toContain("Samhandlingsinstruks utkast.docx");
    expect(text).toContain("Forfall meldes til Inger Kammerud");
    expect(text).toMatch(/Side 1 av \d+/);
  });

  it("says at the top that a cancelled meeting is cancelled, with the reason", async () => {
    expect(await textOf(await renderNoticePdf(fixture()))).not.toContain("avlyst");
    const text = await textOf(await renderNoticePdf({ ...fixture(), cancelled: { reason: "Få saker; sakene tas i februar." } }));
    expect(text).toContain("Møtet er avlyst. Få saker; sakene tas i februar.");
    expect(text.indexOf("Møtet er avlyst")).toBeLessThan(text.indexOf("mandag 17. januar 2022"));
  });

  it("keeps typographic characters that WinAnsi can show", async () => {
    const text = await textOf(await renderNoticePdf(fixture()));
    expect(text).toContain("«Regionalt klyngeprosjekt»");
    expect(text).toContain("’prioriteringer’");
    expect(text).toContain("22. februar – 23. februar");
    expect(text).toContain("offl. § 13");
  });

  it("renders Markdown as text, never raw markup or HTML", async () => {
    const text = await textOf(await renderNoticePdf(fixture()));
    expect(text).toContain("fet tekst");
    expect(text).toContain("punkt én");
    expect(text).toContain("punkt to");
    expect(text).toContain("Knut Martin Glesne finner egnet sted");
    expect(text).not.toContain("**");
    expect(text).not.toContain("<script>");
    expect(text).not.toContain("alert(1)");
  });

  it("shows only number, title and legal basis for exempt items", async () => {
    const text = await textOf(await renderNoticePdf(fixture()));
    expect(text).toContain("Sak 6/22 Forhandlinger om leieavtale");
    expect(text).toContain("Unntatt offentlighet – offl. § 13, jf. fvl. § 13");
    expect(text).not.toContain(SECRET);
  });

  it("does not print exempt content even if a caller passes it on a redacted item", async () => {
    const doc = fixture();
    const exempt = doc.items.find((i) => i.redacted)!;
    exempt.background = `${SECRET} i bakgrunnen`;
    exempt.noticeText = `${SECRET} i merknaden`;
    exempt.proposedDecision = `${SECRET} i forslaget`;
    exempt.presenter = `v/ ${SECRET}`;
    exempt.attachments = [{ fileName: `${SECRET}.pdf` }];
    const text = await textOf(await renderNoticePdf(doc));
    expect(text).toContain("Unntatt offentlighet – offl. § 13");
    expect(text).not.toContain("HEMMELIG");
  });

  it("marks the internal copy with exempt papers as internal, and the item with its basis; the public copy is not marked", async () => {
    const internal = fixture();
    internal.items = internal.items.map((i) => (i.numberLabel === "Sak 6/22" ? { ...i, redacted: false, background: `${SECRET}: leienivået.` } : i));
    const text = pdfText(await textOf(await renderNoticePdf(internal)));
    expect(text).toContain("Intern versjon – inneholder opplysninger unntatt offentlighet");
    expect(text).toContain("Unntatt offentlighet – offl. § 13, jf. fvl. § 13");
    expect(text).toContain(SECRET);
    const pub = pdfText(await textOf(await renderNoticePdf(fixture())));
    expect(pub).not.toContain("Intern versjon");
  });

  it("sets title, author and language metadata", async () => {
    const buf = await renderNoticePdf(fixture());
    const { info } = await getMeta(new Uint8Array(buf));
    expect(info.Title).toContain("Innkalling til møte i Ordfører-/kommunedirektørutvalget");
    expect(info.Author).toBe("Interkommunalt politisk råd for Ringeriksregionen");
    expect(info.Language).toBe("nb-NO");
    expect(buf.toString("latin1")).toContain("/Lang (nb-NO)");
  });

  it("numbers every page of a long notice", async () => {
    const doc = fixture();
    doc.items = Array.from({ length: 30 }, (_, i) =>
      item({
        numberLabel: `Sak ${i + 1}/22`,
        title: `Sak nummer ${i + 1}`,
        background: "Lang bakgrunn. ".repeat(40),
        proposedDecision: "Saken tas til orientering.",
      }),
    );
    const { totalPages, text } = await extractText(new Uint8Array(await renderNoticePdf(doc)), { mergePages: false });
    expect(totalPages).toBeGreaterThan(3);
    text.forEach((page, i) => expect(page).toContain(`Side ${i + 1} av ${totalPages}`));
  });
});

describe("pdfText", () => {
  it("keeps Norwegian letters and WinAnsi punctuation", () => {
    const s = "æøå ÆØÅ § – — «» ‘’ “” … € •";
    expect(pdfText(s)).toBe(s);
    expect(unsupportedPdfChars(s)).toEqual([]);
  });

  it("maps characters the standard fonts lack instead of dropping them", () => {
    expect(pdfText("a\u2212b")).toBe("a-b");
    expect(pdfText("200\u202f000")).toBe("200\u00a0000");
    expect(pdfText("Čáhcesuolu")).toBe("Cáhcesuolu");
    expect(pdfText("Sámediggi đ ŋ ŧ")).toBe("Sámediggi d n t");
    expect(pdfText("ok \u{1F600}")).toBe("ok ?");
    expect(pdfText("a\u0301")).toBe("á"); // decomposed input is composed first
    expect(pdfText("x\r\ny\u0007")).toBe("x\ny");
    expect(unsupportedPdfChars("č€")).toEqual(["č"]);
  });
});
