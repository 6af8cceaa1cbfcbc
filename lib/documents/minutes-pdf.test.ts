import { extractText, getMeta } from "unpdf";
import { describe, expect, it } from "vitest";
import type { MinutesDocument, MinutesItem, MinutesParticipant } from "@/lib/minutes/minutes-model";
import { renderMinutesPdf } from "@/lib/documents/minutes-pdf";

const SECRET = "HEMMELIG-MARKØR";

function item(partial: Partial<MinutesItem> & Pick<MinutesItem, "id" | "numberLabel" | "title">): MinutesItem {
  return {
    type: "ORIENTERING",
    typeLabel: "Orienteringssak",
    presenter: null,
    redacted: false,
    exemptionBasis: null,
    isClosed: false,
    closedBasis: null,
    noticeText: null,
    notes: null,
    decision: null,
    disqualifications: [],
    roundTable: [],
    roundTableMissing: [],
    actionItems: [],
    proposedItems: [],
    approvesMinutesOf: null,
    ...partial,
  };
}

function vedtak(text: string): MinutesItem["decision"] {
  return { kind: "VEDTAK", heading: "Vedtak", text, voting: "NONE", proposals: [] };
}

function person(organization: string | null, name: string, role: string, extra: Partial<MinutesParticipant> = {}): MinutesParticipant {
  return {
    organization,
    name,
    role,
    status: "PRESENT",
    substituteFor: null,
    isGuest: false,
    isSecretariat: false,
    arrivedAt: null,
    leftAfter: null,
    note: null,
    ...extra,
  };
}

// Transcribed from the real referat of Ringeriksregionen's ordfører-/kommunedirektørutvalget,
// 17 January 2022 (shared/seeds/001_3cc17a0ade11d718.txt). The title of Sak 2/22 says "1. november
// 2022" in the original, an obvious typo for 2021 that the vedtak itself gets right.
function fixture(): MinutesDocument {
  return {
    meetingId: "m-2022-01-17",
    minutesId: "r-2022-01-17",
    audience: "public",
    councilName: "Interkommunalt politisk råd for Ringeriksregionen",
    bodyName: "IPR – ordfører-kommunedirektør/rådmannsutvalget",
    isPolitical: true,
    documentTitle: "Referat",
    startsAt: new Date("2022-01-17T13:00:00Z"),
    endsAt: new Date("2022-01-17T14:30:00Z"),
    timeLabel: "mandag 17. januar 2022 kl. 14.00–15.30",
    location: "Kommunehuset i Krødsherad",
    remoteUrl: null,
    participants: [
      person("Hole", "Syver Leivestad", "Ordfører (leder IPR)"),
      person("Modum", "Sunni Grøndahl Aamodt", "Ordfører"),
      person("Krødsherad", "Knut Martin Glesne", "Ordfører"),
      person("Jevnaker", "Morten Lafton", "Ordfører"),
      person("Ringerike", "Kirsten Orebråten", "Ordfører"),
      person("Hole", "Torger Ødegaard", "Kommunedirektør"),
      person("Modum", "Aud Norunn Strand", "Rådmann"),
      person("Krødsherad", "Stig Rune Kroken", "Kommunedirektør"),
      person("Jevnaker", "Gry B. Munkerud", "Konst. rådmann"),
      person("Ringerike", "Tore Isaksen", "Rådmann"),
      person(null, "Inger Kammerud", "Regionrådsadministrator", { isSecretariat: true }),
    ],
    introduction:
      "Knut Martin Glesne, leder av IPRet ønsket velkommen til møte og spesielt velkommen til Gry Munkerud som ny i rådmanns/kommunedirektørutvalget.",
    items: [
      item({
        id: "i1",
        numberLabel: "Sak 1/22",
        title: "Godkjenning av innkalling",
        type: "GODKJENNING_INNKALLING",
        typeLabel: "Godkjenning av innkalling",
        noticeText: "Innkalling ble utsendt pr. e-post 11. januar 2022",
        decision: vedtak("Innkallingen godkjennes"),
      }),
      item({
        id: "i2",
        numberLabel: "Sak 2/22",
        title: "Godkjenning av referat fra ordførermøte – rådmann/kommunedirektørmøte 1. november 2021",
        type: "GODKJENNING_REFERAT",
        typeLabel: "Godkjenning av referat",
        approvesMinutesOf: { meetingLabel: "IPR – ordfører-kommunedirektør/rådmannsutvalget 1. november 2021" },
        decision: vedtak("Referat fra ordfører-rådmanns/kommunedirektørmøte 1. november 2021 godkjennes"),
      }),
      item({
        id: "i3",
        numberLabel: "Sak 3/22",
        title: "Orientering om aktuelle saker i Krødsherad kommune",
        presenter: "v/ Stig Rune Kroken",
        notes: "- Se pp-presentasjon",
        decision: vedtak("Informasjonen tas til orientering"),
      }),
      item({
        id: "i4",
        numberLabel: "Sak 4/22",
        title: "Prinsipp saker/samhandlingsinstruks",
        type: "DROFTING",
        typeLabel: "Drøftingssak",
        notes: [
          "Ringerike inviterer gjerne til å finne samarbeidsløsninger – pragmatisk tilnærming.",
          "",
          "- På IT- siden – må prøve å bli mer lik hverandre ved f.eks innkjøp av verktøy",
          "- Faglig støtte innenfor noen områder",
          "- Viktig at ordfører- rådmanns/kommunedirektørutvalget samles fysisk både for å drøfte strukturen i samarbeidet, og hvordan vi kan bli en handlekraftig region med gode tjenester.",
          "- En presentasjon av kommunene, slik som ble gjort av Krødsherad må inn som punkt på møtene disse møtene framover.",
        ].join("\n"),
        decision: vedtak(
          [
            "- Det inviteres til en samling fra lunsj til lunsj 22.februar – 23. februar.",
            "- Knut Martin Glesne finner egnet sted",
            "- Inger lager program i samarbeid med Knut Martin",
          ].join("\n"),
        ),
      }),
      item({
        id: "i5",
        numberLabel: "Sak 5/22",
        title: "Orienteringer om saker i IPRet",
        presenter: "v/ regionrådsadministrator",
        notes: "- Se pp-presentasjonen",
      }),
      item({
        id: "i6",
        numberLabel: "Sak 6/22",
        title: "Forslag til saker til IPR-møtet 7. februar",
        type: "FORSLAG_SAKER",
        typeLabel: "Forslag til saker",
        notes: [
          "- Our Democracy Forum orienterer",
          "- Nytt fra Viken (hva ønsker IPRet at Olav Skinnes skal informere om)?",
          "  - viktige saker til behandling i Viken i 2022",
          "  - nytt fra næringsdelen i Viken",
          "  - kollektivtransporten",
          "- Næringspolitisk strategi - vedtakssak",
          "- Framover sammen – Delprosjekt «Regionalt klyngeprosjekt» tas ut av prosjektstyringsdokumentet for «Framover sammen» og midlene (kr 200\u202f000,-), overføres til prosjektet med arbeidstittel: Kunst, kultur og opplevelser/turisme under delprosjektet Vertskapsattraktivitet.",
          "- Veteranplan for Ringeriksregionen – utarbeidelse av prosjektstyringsdokument (PSD) (trinn 1). Trinn 2 vil være vedtak om igangsettelse av planarbeid (vedtak i IPR- møtet 23.mai.)",
        ].join("\n"),
      }),
      item({
        id: "i7",
        numberLabel: "Sak 7/22",
        title: "Eventuelt",
        type: "EVENTUELT",
        typeLabel: "Eventuelt",
        notes: [
          "- Grønt fagsenter – program er ferdig, og sendt over til Inger som kaller inn IPRet i outlook i forkant av IPR- møtet. Påmelding er nødvendig",
          "- Viktig med en fagsamling for hele IPRet fra lunsj – lunsj. Inger kaller inn til samling fra 14.-15.mars fra lunsj- lunsj. Knut Martin finner egnet sted på Norefjell. Inger har ansvaret for program (se sak 4/22) i samarbeid med Knut Martin.",
          "- Prosess for hvordan NPS kan tas videre lokalt. Inger og Steinar Aasnæss tilbyr å orientere kommunestyrene i etterkant av 7. februar om NPS og hvordan den kan tas videre lokalt.",
        ].join("\n"),
      }),
    ],
    signatures: [
      { name: "Knut Martin Glesne", label: "rådsleder" },
      { name: "Inger Kammerud", label: "regionrådsadministrator" },
    ],
    status: "APPROVED",
    version: 2,
    approval: {
      approvedAt: new Date("2022-02-07T14:00:00Z"),
      method: "NEXT_MEETING",
      label: "Godkjent i Sak 8/22 i møtet i IPR – ordfører-kommunedirektør/rådmannsutvalget 7. februar 2022",
      approvedVersion: 2,
      contentHash: "9f2c4e1ab07d3c55e8a1f0b6d2c94e7a3b5f8d1c0e6a7b2d4f9c3e8a1b0d5c7e",
    },
    errata: [],
    publishedAt: new Date("2022-02-08T08:00:00Z"),
  };
}

async function textOf(buf: Buffer): Promise<string> {
  const { text } = await extractText(new Uint8Array(buf), { mergePages: true });
  return text;
}

// pdfkit wraps lines (also after hyphens, "ordfører-|rådmanns"), and table cells come out one per
// text run, so comparisons ignore whitespace entirely; words, their order and punctuation still count.
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

describe("renderMinutesPdf", () => {
  it("reproduces the 17 January 2022 referat", async () => {
    const doc = fixture();
    const buf = await renderMinutesPdf(doc);
    expect(buf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await textOf(buf);

    expectText(
      text,
      "Interkommunalt politisk råd for Ringeriksregionen",
      "Referat fra møte i IPR – ordfører-kommunedirektør/rådmannsutvalget",
      "Møtested: Kommunehuset i Krødsherad",
      "Tid: mandag 17. januar 2022 kl. 14.00–15.30",
      "Møtedeltakere",
      "Organisasjon Navn Rolle Forfall Vara",
    );
    // Every participant as a whole row: organisation, name and role together.
    for (const p of doc.participants) expectText(text, [p.organization ?? "", p.name, p.role].join(" "));
    expectText(text, doc.introduction, "Saker til behandling");

    // Each item: number, title (and presenter) on one heading line.
    expectText(
      text,
      "Sak 1/22 Godkjenning av innkalling",
      "Sak 2/22 Godkjenning av referat fra ordførermøte – rådmann/kommunedirektørmøte 1. november 2021",
      "Sak 3/22 Orientering om aktuelle saker i Krødsherad kommune v/ Stig Rune Kroken",
      "Sak 4/22 Prinsipp saker/samhandlingsinstruks",
      "Sak 5/22 Orienteringer om saker i IPRet v/ regionrådsadministrator",
      "Sak 6/22 Forslag til saker til IPR-møtet 7. februar",
      "Sak 7/22 Eventuelt",
    );

    // Notes and decisions, in the order of the original.
    expectText(
      text,
      "Innkalling ble utsendt pr. e-post 11. januar 2022 Vedtak Innkallingen godkjennes",
      "Gjelder referatet fra IPR – ordfører-kommunedirektør/rådmannsutvalget 1. november 2021.",
      "Vedtak Referat fra ordfører-rådmanns/kommunedirektørmøte 1. november 2021 godkjennes",
      "Se pp-presentasjon Vedtak Informasjonen tas til orientering",
      "Ringerike inviterer gjerne til å finne samarbeidsløsninger – pragmatisk tilnærming.",
      "På IT- siden – må prøve å bli mer lik hverandre ved f.eks innkjøp av verktøy",
      "Faglig støtte innenfor noen områder",
      "Viktig at ordfører- rådmanns/kommunedirektørutvalget samles fysisk både for å drøfte strukturen i samarbeidet, og hvordan vi kan bli en handlekraftig region med gode tjenester.",
      "En presentasjon av kommunene, slik som ble gjort av Krødsherad må inn som punkt på møtene disse møtene framover.",
      "Vedtak • Det inviteres til en samling fra lunsj til lunsj 22.februar – 23. februar. • Knut Martin Glesne finner egnet sted • Inger lager program i samarbeid med Knut Martin",
      "Se pp-presentasjonen",
      "Our Democracy Forum orienterer",
      "Nytt fra Viken (hva ønsker IPRet at Olav Skinnes skal informere om)? – viktige saker til behandling i Viken i 2022 – nytt fra næringsdelen i Viken – kollektivtransporten",
      "Næringspolitisk strategi - vedtakssak",
      "Delprosjekt «Regionalt klyngeprosjekt» tas ut av prosjektstyringsdokumentet for «Framover sammen» og midlene (kr 200 000,-), overføres til prosjektet",
      "Veteranplan for Ringeriksregionen – utarbeidelse av prosjektstyringsdokument (PSD) (trinn 1).",
      "Grønt fagsenter – program er ferdig",
      "Inger kaller inn til samling fra 14.-15.mars fra lunsj- lunsj. Knut Martin finner egnet sted på Norefjell.",
      "Inger og Steinar Aasnæss tilbyr å orientere kommunestyrene i etterkant av 7. februar om NPS",
    );
    expect(squash(text).match(/Vedtak/g)).toHaveLength(4); // Sak 1–4; orienteringer without vedtak get none

    expectText(text, "Knut Martin Glesne rådsleder Inger Kammerud regionrådsadministrator");
    expectText(
      text,
      "Godkjent i Sak 8/22 i møtet i IPR – ordfører-kommunedirektør/rådmannsutvalget 7. februar 2022. Versjon 2. Kontrollsum (SHA-256): 9f2c4e1ab07d3c55e8a1f0b6d2c94e7a3b5f8d1c0e6a7b2d4f9c3e8a1b0d5c7e",
    );
    expectText(text, "IPR – ordfører-kommunedirektør/rådmannsutvalget – referat 17.01.2022");
    expect(text).toMatch(/Side 1 av \d+/);

    // An approved referat carries no draft marking and no Markdown syntax.
    expectNoText(text, "UTKAST", "Utkast", "Rettelser", "**");
  });

  it("keeps Norwegian letters æ, ø, å (and capitals) intact", async () => {
    const doc = fixture();
    doc.introduction = "Blåbærsyltetøy og ÆØÅ: Ærlig, Østre, Åsa – «sitat» § 5 € 20.";
    const text = await textOf(await renderMinutesPdf(doc));
    expect(text.normalize("NFC")).toContain("Blåbærsyltetøy og ÆØÅ: Ærlig, Østre, Åsa – «sitat» § 5 € 20.");
    expect(text).toContain("Ødegaard");
    expect(text).toContain("Grøndahl");
    expect(text).toContain("Aasnæss");
    expect(text).not.toMatch(/[\uFFFD]/);
  });

  it("shows participant status, substitutes, arrivals and departures", async () => {
    const doc = fixture();
    doc.participants[1] = { ...doc.participants[1], status: "ABSENT" };
    doc.participants.splice(2, 0, person("Modum", "Kari Vara", "Varaordfører", { status: "SUBSTITUTE", substituteFor: "Sunni Grøndahl Aamodt" }));
    doc.participants[4] = { ...doc.participants[4], status: "REMOTE", arrivedAt: "Sak 3/22" };
    doc.participants[6] = { ...doc.participants[6], leftAfter: "Sak 5/22", note: "permisjon" };
    doc.participants.push(person("Viken fylkeskommune", "Olav Skinnes", "Gjest", { isGuest: true }));
    const text = await textOf(await renderMinutesPdf(doc));
    expectText(
      text,
      "Modum Sunni Grøndahl Aamodt Ordfører Forfall",
      "Modum Kari Vara Varaordfører Vara for Sunni Grøndahl Aamodt",
      "Jevnaker Morten Lafton Ordfører (kom til Sak 3/22) Teams",
      "Hole Torger Ødegaard Kommunedirektør (gikk etter Sak 5/22, permisjon)",
      // The guest is listed after the members but before the secretariat.
      "Viken fylkeskommune Olav Skinnes Gjest (gjest) Inger Kammerud Regionrådsadministrator",
    );
  });

  it("marks drafts clearly, on the first page and in every footer", async () => {
    const doc = fixture();
    doc.status = "DRAFT";
    doc.version = 3;
    doc.approval = null;
    const draft = await textOf(await renderMinutesPdf(doc));
    expectText(draft, "UTKAST – ikke godkjent (versjon 3)", "UTKAST – IPR – ordfører-kommunedirektør/rådmannsutvalget – referat 17.01.2022");
    expectNoText(draft, "Utkast sendt på høring", "Kontrollsum");

    doc.status = "SENT_FOR_COMMENT";
    const buf = await renderMinutesPdf(doc);
    expectText(await textOf(buf), "UTKAST – ikke godkjent (versjon 3) Utkast sendt på høring til medlemmene");
    const { info } = await getMeta(new Uint8Array(buf));
    expect(info.Title).toContain("(utkast)");
  });

  it("prints only title and legal basis for a redacted item", async () => {
    const doc = fixture();
    doc.items.splice(
      6,
      0,
      item({
        id: "i-exempt",
        numberLabel: "Sak 8/22",
        title: "Personalsak",
        presenter: `v/ ${SECRET}`,
        redacted: true,
        exemptionBasis: "offl. § 13, jf. fvl. § 13 første ledd nr. 1",
        isClosed: true,
        closedBasis: "kommuneloven § 11-5 andre ledd bokstav a",
        // A caller that forgets to strip exempt content must still not get it printed.
        noticeText: `${SECRET} i merknaden`,
        notes: `${SECRET} i notatene`,
        decision: vedtak(`${SECRET} i vedtaket`),
        disqualifications: [{ name: SECRET, basis: "fvl. § 6" }],
        roundTable: [{ organization: SECRET, text: SECRET, submittedInAdvance: false }],
        actionItems: [{ title: SECRET, responsible: SECRET, dueDate: null }],
        proposedItems: [{ title: SECRET, meetingLabel: SECRET }],
      }),
    );
    const text = await textOf(await renderMinutesPdf(doc));
    expectText(
      text,
      "Sak 8/22 Personalsak Unntatt offentlighet – offl. § 13, jf. fvl. § 13 første ledd nr. 1 Behandlet i lukket møte, kommuneloven § 11-5 andre ledd bokstav a Sak 7/22 Eventuelt",
    );
    expect(text).not.toContain("HEMMELIG");
  });

  it("prints each proposal's vote count and result for a VOTERING decision, and Enstemmig otherwise", async () => {
    const doc = fixture();
    doc.items[3].decision = {
      kind: "VEDTAK",
      heading: "Vedtak",
      text: "Samlingen holdes på Norefjell.",
      voting: "VOTERING",
      proposals: [
        { proposedBy: "Ringerike", text: "Samlingen holdes på Norefjell", votesFor: 4, votesAgainst: 1, votersFor: "Hole, Modum, Krødsherad, Ringerike", adopted: true },
        { proposedBy: "Jevnaker", text: "Samlingen holdes på Jevnaker", votesFor: 1, votesAgainst: 4, votersFor: null, adopted: false },
      ],
    };
    doc.items[0].decision = { ...vedtak("Innkallingen godkjennes")!, voting: "ENSTEMMIG" };
    const text = await textOf(await renderMinutesPdf(doc));
    expectText(
      text,
      "Vedtak Samlingen holdes på Norefjell.",
      "Forslag fra Ringerike: Samlingen holdes på Norefjell – 4 stemmer for, 1 mot (for: Hole, Modum, Krødsherad, Ringerike). Vedtatt.",
      "Forslag fra Jevnaker: Samlingen holdes på Jevnaker – 1 stemme for, 4 mot. Falt.",
      "Innkallingen godkjennes Enstemmig vedtatt.",
    );
  });

  it("states the votes on the web page as in the PDF, leaving out counts that were not recorded", async () => {
    const doc = fixture();
    doc.items[3].decision = {
      kind: "VEDTAK",
      heading: "Vedtak",
      text: "Samlingen holdes på Norefjell.",
      voting: "VOTERING",
      proposals: [
        { proposedBy: "Ringerike", text: "Samlingen holdes på Norefjell", votesFor: 1, votesAgainst: null, votersFor: "Ringerike", adopted: true },
        { proposedBy: "Jevnaker", text: "Samlingen holdes på Jevnaker", votesFor: null, votesAgainst: null, votersFor: "Ap, Sp", adopted: false },
      ],
    };
    doc.items[0].decision = { ...vedtak("Innkallingen godkjennes")!, voting: "VOTERING" };
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { MinutesDocumentView } = await import("@/components/minutes/minutes-document");
    const html = renderToStaticMarkup(createElement(MinutesDocumentView, { doc }));
    const pdf = await textOf(await renderMinutesPdf(doc));
    for (const line of [
      "Forslag fra Ringerike: Samlingen holdes på Norefjell – 1 stemme for (for: Ringerike). Vedtatt.",
      "Forslag fra Jevnaker: Samlingen holdes på Jevnaker (for: Ap, Sp). Falt.",
      "Votering – ingen forslag er registrert.",
    ]) {
      expect(html).toContain(line);
      expectText(pdf, line);
    }
    expect(html).not.toMatch(/\? (stemmer|mot)/);
  });

  it("prints follow-up, proposed items, disqualifications and the round table", async () => {
    const doc = fixture();
    const sak4 = doc.items[3];
    sak4.actionItems = [
      { title: "Finne egnet sted for samlingen", responsible: "Knut Martin Glesne", dueDate: new Date("2022-02-01T00:00:00Z") },
      { title: "Lage program", responsible: "", dueDate: null },
    ];
    sak4.disqualifications = [{ name: "Tore Isaksen", basis: "fvl. § 6 første ledd bokstav a" }];
    doc.items[5].proposedItems = [{ title: "Næringspolitisk strategi", meetingLabel: "Interkommunalt politisk råd 7. februar 2022" }];
    doc.items[6].roundTable = [
      { organization: "Hole", text: "Nytt **kommunehus** er åpnet.", submittedInAdvance: true },
      { organization: "Modum", text: "Ingen store saker.", submittedInAdvance: false },
    ];
    doc.items[6].roundTableMissing = ["Jevnaker", "Ringerike"];
    const text = await textOf(await renderMinutesPdf(doc));
    expectText(
      text,
      "Inhabil: Tore Isaksen (fvl. § 6 første ledd bokstav a). Fratrådte under behandlingen.",
      "Oppfølging • Finne egnet sted for samlingen – ansvar: Knut Martin Glesne – frist 1. februar 2022 • Lage program – ansvar: ikke satt",
      "Forslag til saker • Næringspolitisk strategi (Interkommunalt politisk råd 7. februar 2022)",
      "Hole (innsendt) Nytt kommunehus er åpnet. Modum Ingen store saker. Ikke rapportert: Jevnaker, Ringerike",
    );
    expectNoText(text, "Modum (innsendt)");
  });

  it("lists errata after approval", async () => {
    const doc = fixture();
    doc.errata = [
      { text: "Sak 5/21 i det utsendte referatet skal være Sak 5/22.", createdAt: new Date("2022-02-10T09:00:00Z") },
      { text: "Stavefeil i navnet Aasnæss er rettet.", createdAt: new Date("2022-02-11T09:00:00Z") },
    ];
    const text = await textOf(await renderMinutesPdf(doc));
    expectText(
      text,
      "Rettelser etter godkjenning 10. februar 2022: Sak 5/21 i det utsendte referatet skal være Sak 5/22. 11. februar 2022: Stavefeil i navnet Aasnæss er rettet.",
    );
  });

  it("falls back when location, participants and items are missing", async () => {
    const doc = fixture();
    doc.location = null;
    doc.participants = [];
    doc.items = [];
    doc.signatures = [];
    doc.introduction = "";
    const text = await textOf(await renderMinutesPdf(doc));
    expectText(text, "Møtested: Ikke oppgitt", "Ingen møtedeltakere er registrert.", "Saker til behandling Ingen saker.");
  });

  it("sets title, author and language metadata", async () => {
    const buf = await renderMinutesPdf(fixture());
    const { info } = await getMeta(new Uint8Array(buf));
    expect(info.Title).toBe("Referat fra møte i IPR – ordfører-kommunedirektør/rådmannsutvalget 17. januar 2022");
    expect(info.Author).toBe("Interkommunalt politisk råd for Ringeriksregionen");
    expect(info.Language).toBe("nb-NO");
  });

  it("numbers every page and keeps a long decision readable across page breaks", async () => {
    const doc = fixture();
    doc.items = Array.from({ length: 20 }, (_, i) =>
      item({
        id: `x${i}`,
        numberLabel: `Sak ${i + 1}/22`,
        title: `Sak nummer ${i + 1}`,
        notes: "Lang drøfting i møtet. ".repeat(30),
        decision: vedtak(`Vedtak nummer ${i + 1}. ${"Lang vedtakstekst. ".repeat(40)}`),
      }),
    );
    const { totalPages, text } = await extractText(new Uint8Array(await renderMinutesPdf(doc)), { mergePages: false });
    expect(totalPages).toBeGreaterThan(3);
    text.forEach((page, i) => expect(page).toContain(`Side ${i + 1} av ${totalPages}`));
    const all = text.join("\n");
    for (let n = 1; n <= 20; n++) expectText(all, `Sak ${n}/22 Sak nummer ${n}`, `Vedtak nummer ${n}.`);
  });
});
