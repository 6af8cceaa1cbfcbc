// Demo data transcribed from the three real documents in the shared seeds folder:
//   000 – Ringeriksregionen IPR, notat fra strategisamlingen på Kleivstua 12.–13. januar 2026
//   001 – Ringeriksregionen IPR, referat fra ordfører-/kommunedirektør- og rådmannsutvalget 17. januar 2022
//   003 – Indre Østfold regionråd, Strategi- og HANDLINGSPLAN 2025
// The text is kept as printed (including the documents' own spelling) because this data doubles
// as documentation of the real meetings; only the misprinted case number "Sak 5/21" is corrected.
// Everything that is invented for the demo (accounts' people, action-item progress, the exempt
// case, the 2027 meeting, times the documents do not give) is marked "demo" in a comment.
// No database access here: prisma/seed/seed.ts writes it.

import type {
  ActionStatus,
  AgendaItemStatus,
  AttendanceStatus,
  BodyKind,
  CaseType,
  DecisionKind,
  MeasureStatus,
  MeetingStatus,
  MembershipRole,
  MinutesApproval,
  MinutesStatus,
  NumberingScope,
  OrganizationKind,
  PlanKind,
  PlanStatus,
} from "@/lib/generated/prisma/client";

/** Calendar date, stored as @db.Date: "2022-01-17". */
type DateOnly = `${number}-${number}-${number}`;
/** An instant in UTC: "2022-01-17T13:00:00Z". Comments give the Europe/Oslo wall-clock time. */
type Instant = `${number}-${number}-${number}T${number}:${number}:${number}Z`;

// ───────────────────────────── Organisations ─────────────────────────────

export type DemoOrganization = {
  name: string;
  kind: OrganizationKind;
  municipalityNumber?: string;
  population?: number;
  populationYear?: number;
};

// Ringeriksregionen: kommunenummer as in 2022, when the minutes were written. They are the Viken
// numbers, valid 2020–2023; from 2024 the municipalities are renumbered (Buskerud 33xx, Jevnaker
// in Innlandet 32xx). Populations are rounded approximations for the demo, not SSB figures.
// Indre Østfold: the plan speaks of "våre fire kommuner" without naming them; the four are
// Indre Østfold, Marker, Rakkestad (member since 2021) and Skiptvet. Numbers are the Østfold
// numbers valid from 2024, the year before the plan.
export const organizations = {
  hole: { name: "Hole", kind: "MUNICIPALITY", municipalityNumber: "3038", population: 6900, populationYear: 2022 },
  modum: { name: "Modum", kind: "MUNICIPALITY", municipalityNumber: "3047", population: 14300, populationYear: 2022 },
  krodsherad: { name: "Krødsherad", kind: "MUNICIPALITY", municipalityNumber: "3046", population: 2300, populationYear: 2022 },
  jevnaker: { name: "Jevnaker", kind: "MUNICIPALITY", municipalityNumber: "3053", population: 7000, populationYear: 2022 },
  ringerike: { name: "Ringerike", kind: "MUNICIPALITY", municipalityNumber: "3007", population: 31300, populationYear: 2022 },
  indreOstfold: { name: "Indre Østfold", kind: "MUNICIPALITY", municipalityNumber: "3118", population: 46000, populationYear: 2024 },
  marker: { name: "Marker", kind: "MUNICIPALITY", municipalityNumber: "3122", population: 3600, populationYear: 2024 },
  rakkestad: { name: "Rakkestad", kind: "MUNICIPALITY", municipalityNumber: "3120", population: 8300, populationYear: 2024 },
  skiptvet: { name: "Skiptvet", kind: "MUNICIPALITY", municipalityNumber: "3116", population: 3900, populationYear: 2024 },
} satisfies Record<string, DemoOrganization>;
export type OrgKey = keyof typeof organizations;

// ───────────────────────────── Councils ─────────────────────────────

export type CouncilKey = "ringeriksregionen" | "indre-ostfold";

export type DemoCouncil = {
  slug: CouncilKey;
  name: string;
  shortName: string;
  purpose: string;
  feePerInhabitantOre: number | null;
  members: { organization: OrgKey; validFrom: DateOnly; note?: string }[];
};

const indreOstfoldPurpose = `Regionrådet har som formål å utvikle Indre Østfold som region. Rådet skal legge til rette før økt samarbeid mellom kommunene i regionen, og gjennom dette bidra til å skape en felles identitet og framsnakking i Indre Østfold.

Regionrådet skal primært engasjere seg i saker som er av betydning for utviklingen av regionen. I Indre Østfold-regionen er det i tillegg en rekke interkommunale samarbeid og selskaper.

Regionrådet er en plattform for å fremme felles oppgaveløsning og utviklingsprosjekter i regionen. Kommunene som er representert i Regionrådet, utgjør en felles bo- og arbeidsregion. Områdene samferdsel, videregående- og høyere utdanning og næringsutvikling, herunder reiseliv, står sentralt.

Det er et mål for Regionrådet å framsnakke og bygge stolthet i vår felles region.`;

const ringeriksMandate = `IPRet skal videreutvikles som et interessepolitisk samarbeidsorgan med ansvar for å fastsette overordnet strategisk retning for Ringeriksregionen. IPR skal ikke fungere som et operativt tjenestesamarbeid, men som et politisk organ som:

- ivaretar og fremmer felles regionale interesser overfor statlige og fylkeskommunale myndigheter samt øvrige samarbeidspartnere
- fastsetter langsiktige mål og prioriterte satsingsområder for regional utvikling
- gir bestillinger til kommunedirektørene om utredninger og faglige beslutningsgrunnlag`;

export const councils: DemoCouncil[] = [
  {
    slug: "ringeriksregionen",
    name: "Interkommunalt politisk råd for Ringeriksregionen",
    shortName: "Ringeriksregionen IPR",
    // The samarbeidsavtale itself is not among the documents; the mandate is the one the
    // strategy gathering agreed on (notat januar 2026, pkt. 2).
    purpose: ringeriksMandate,
    feePerInhabitantOre: null,
    // The agreement date is not in the documents; 2020 is when IPRs under kommuneloven kap. 18
    // and these kommunenummer came into force.
    members: [
      { organization: "hole", validFrom: "2020-01-01" },
      { organization: "modum", validFrom: "2020-01-01" },
      { organization: "krodsherad", validFrom: "2020-01-01" },
      { organization: "jevnaker", validFrom: "2020-01-01" },
      { organization: "ringerike", validFrom: "2020-01-01" },
    ],
  },
  {
    slug: "indre-ostfold",
    name: "Indre Østfold regionråd",
    shortName: "IØR",
    // "Fra samarbeidsavtalen mellom våre fire kommuner" (handlingsplan 2025, pkt. 1), as printed,
    // including "legge til rette før" (sic).
    purpose: indreOstfoldPurpose,
    // The plan lists "Årlige budsjetter" but states no kontingent per innbygger.
    feePerInhabitantOre: null,
    members: [
      { organization: "indreOstfold", validFrom: "2025-01-01", note: "Samarbeidsavtale 2025-2028, vedtatt i hver av kommunene" },
      { organization: "marker", validFrom: "2025-01-01", note: "Samarbeidsavtale 2025-2028, vedtatt i hver av kommunene" },
      { organization: "rakkestad", validFrom: "2025-01-01", note: "Samarbeidsavtale 2025-2028, vedtatt i hver av kommunene" },
      { organization: "skiptvet", validFrom: "2025-01-01", note: "Samarbeidsavtale 2025-2028, vedtatt i hver av kommunene" },
    ],
  },
];

// ───────────────────────────── Case series ─────────────────────────────

export type DemoCaseSeries = { council: CouncilKey; name: string; format: string; scope: NumberingScope };

// Only the AU's format ("Sak 4/22") is attested. The others use the same format for political
// bodies, and per-meeting numbering ("1.", "2.") for the administrative KDU.
export const caseSeries = {
  rrIpr: { council: "ringeriksregionen", name: "Representantskapet", format: "Sak {n}/{yy}", scope: "YEARLY" },
  rrAu: { council: "ringeriksregionen", name: "Ordfører- og kommunedirektør/rådmannsutvalget", format: "Sak {n}/{yy}", scope: "YEARLY" },
  rrKdu: { council: "ringeriksregionen", name: "Kommunedirektørutvalget", format: "{n}.", scope: "PER_MEETING" },
  iorRr: { council: "indre-ostfold", name: "Regionrådet", format: "Sak {n}/{yy}", scope: "YEARLY" },
  iorAu: { council: "indre-ostfold", name: "Ordførerutvalget", format: "Sak {n}/{yy}", scope: "YEARLY" },
  iorKdu: { council: "indre-ostfold", name: "Kommunedirektørutvalget", format: "{n}.", scope: "PER_MEETING" },
} satisfies Record<string, DemoCaseSeries>;
export type SeriesKey = keyof typeof caseSeries;

// ───────────────────────────── Bodies ─────────────────────────────

export type DemoBody = {
  council: CouncilKey;
  kind: BodyKind;
  name: string;
  abbreviation: string;
  isPolitical: boolean;
  caseSeries?: SeriesKey;
  targetMeetingsPerYear?: number;
  parentBody?: string;
  publishMinutes?: boolean;
  description: string;
};

// Ringeriksregionen's documents give no meeting frequencies, so targetMeetingsPerYear is left
// empty there; Indre Østfold's plan gives them (pkt. 2).
export const bodies = {
  rrIpr: {
    council: "ringeriksregionen",
    kind: "REPRESENTANTSKAP",
    name: "Representantskapet",
    // The minutes call its meetings "IPR-møtet".
    abbreviation: "IPR",
    isPolitical: true,
    caseSeries: "rrIpr",
    description: `Regionrådet; møtene kalles «IPR-møtet». IPR skal være et rendyrket interessepolitisk organ. Representantskapsmøtene bør videreutvikles med sikte på:

- økt strategisk innhold
- redusert omfang av rene orienteringssaker
- politiske diskusjoner og prioriteringer`,
  },
  rrAu: {
    council: "ringeriksregionen",
    kind: "ARBEIDSUTVALG",
    // The 2022 minutes: "IPR – ordfører-kommunedirektør/rådmannsutvalget"; the 2026 memo:
    // "Ordfører-/kommunedirektørutvalget", also "arbeidsutvalget".
    name: "Ordfører- og kommunedirektør/rådmannsutvalget",
    abbreviation: "AU",
    isPolitical: true,
    caseSeries: "rrAu",
    description:
      "Arbeidsutvalget: ordførerne og kommunedirektørene/rådmennene i Hole, Modum, Krødsherad, Jevnaker og Ringerike, med regionrådsadministrator. Arbeidsutvalget skal jobbe tett med kommunedirektørutvalget og innstille til representantskapet.",
  },
  rrKdu: {
    council: "ringeriksregionen",
    kind: "KOMMUNEDIREKTORUTVALG",
    name: "Kommunedirektørutvalget",
    abbreviation: "KDU",
    isPolitical: false,
    caseSeries: "rrKdu",
    description: `Kommunedirektørene har ansvar for å:

- utrede og forberede saker til politisk behandling
- gi samordnede og faglig solide beslutningsgrunnlag
- eie og følge opp administrative samarbeid og fagteam

Koordinator rapporterer til kommunedirektørutvalget (KDU).`,
  },
  rrFagteam: {
    council: "ringeriksregionen",
    kind: "FAGTEAM",
    name: "Fagteamene",
    abbreviation: "Fagteam",
    isPolitical: false,
    parentBody: "rrKdu",
    publishMinutes: false,
    description:
      "Fagteamenes hensiktsmessighet og måloppnåelse var tema til diskusjon. Det er enighet om at fagteamene bør defineres som en del av det administrative samarbeidet og ikke ha en direkte kobling til IPRet. Dersom fagteamene skal bestå, bør de rapportere direkte til kommunedirektørutvalget.",
  },
  rrAnsettelsesutvalg: {
    council: "ringeriksregionen",
    kind: "ARBEIDSGRUPPE",
    name: "Ansettelsesutvalget",
    abbreviation: "Ansettelsesutvalg",
    // A working group of the AU for a personnel matter; its papers are not published.
    isPolitical: false,
    parentBody: "rrAu",
    publishMinutes: false,
    description:
      "Nedsatt av ordfører-/kommunedirektørutvalget i forbindelse med koordinatorfunksjonen. Ansettelsesutvalget skal samarbeide med HR-avdelingen i Ringerike kommune.",
  },
  iorRr: {
    council: "indre-ostfold",
    kind: "REPRESENTANTSKAP",
    name: "Regionrådet",
    abbreviation: "IØR",
    isPolitical: true,
    caseSeries: "iorRr",
    targetMeetingsPerYear: 6,
    description: "Regionrådsmøter (6 møter) (rep. skapene).",
  },
  iorAu: {
    council: "indre-ostfold",
    kind: "ARBEIDSUTVALG",
    name: "Ordførerutvalget",
    // "Ordførerutvalg (tidligere AU)"; the same plan still writes "AU og KDU".
    abbreviation: "AU",
    isPolitical: true,
    caseSeries: "iorAu",
    targetMeetingsPerYear: 8,
    description: "Ordførerutvalg (tidligere AU) – 8 møter pr år. Et felles møte/seminar mellom AU og KDU pr år.",
  },
  iorKdu: {
    council: "indre-ostfold",
    kind: "KOMMUNEDIREKTORUTVALG",
    name: "Kommunedirektørutvalget",
    abbreviation: "KDU",
    isPolitical: false,
    caseSeries: "iorKdu",
    targetMeetingsPerYear: 6,
    description:
      "Kommunedirektørutvalg (KDU) – 6 møter pr. år. KDU diskuterer og behandler også saker relevant for de fire kommunene utenom IPR’ets ansvarsområder (som IKS og andre tjenesteområder).",
  },
} satisfies Record<string, DemoBody>;
export type BodyKey = keyof typeof bodies;

// ───────────────────────────── People ─────────────────────────────

export type DemoPerson = { name: string; title?: string; organization?: OrgKey };

// Titles and organisations exactly as in the participants table of 17 January 2022.
export const people = {
  syver: { name: "Syver Leivestad", title: "Ordfører", organization: "hole" },
  // The 2026 memo writes "Sunni G. Aamodt": the same person.
  sunni: { name: "Sunni Grøndahl Aamodt", title: "Ordfører", organization: "modum" },
  knutMartin: { name: "Knut Martin Glesne", title: "Ordfører", organization: "krodsherad" },
  morten: { name: "Morten Lafton", title: "Ordfører", organization: "jevnaker" },
  kirsten: { name: "Kirsten Orebråten", title: "Ordfører", organization: "ringerike" },
  torger: { name: "Torger Ødegaard", title: "Kommunedirektør", organization: "hole" },
  aud: { name: "Aud Norunn Strand", title: "Rådmann", organization: "modum" },
  stigRune: { name: "Stig Rune Kroken", title: "Kommunedirektør", organization: "krodsherad" },
  // The minutes' introduction writes "Gry Munkerud".
  gry: { name: "Gry B. Munkerud", title: "Konst. rådmann", organization: "jevnaker" },
  tore: { name: "Tore Isaksen", title: "Rådmann", organization: "ringerike" },
  inger: { name: "Inger Kammerud", title: "Regionrådsadministrator" },
  // Mentioned without title or organisation: Steinar Aasnæss (NPS, sak 7/22), Olav Skinnes
  // ("Nytt fra Viken", sak 6/22), and in the 2026 memo nestleder Andreas K. Torp and Rune Hallingstad.
  steinar: { name: "Steinar Aasnæss" },
  olav: { name: "Olav Skinnes" },
  andreas: { name: "Andreas K. Torp" },
  rune: { name: "Rune Hallingstad" },
  // Demo: fictional people for the sign-in accounts. The memo places the coordinator
  // administratively in Ringerike kommune.
  kari: { name: "Kari Nordmann", title: "Koordinator", organization: "ringerike" },
  ola: { name: "Ola Nordmann", title: "Sekretariatsleder" },
  nora: { name: "Nora Nordmann", title: "Medlem" },
} satisfies Record<string, DemoPerson>;
export type PersonKey = keyof typeof people;

export type DemoBodyMembership = {
  body: BodyKey;
  person: PersonKey;
  role: MembershipRole;
  organization?: OrgKey;
  roleLabel?: string;
  validFrom: DateOnly;
};

// validFrom is the first document that shows the membership (the minutes of 17 January 2022,
// the memo of 12 January 2026); earlier start dates are not known. Gry B. Munkerud was new
// in the committee at that meeting.
// The minutes contradict themselves on the chair: the table says Syver Leivestad is
// "Ordfører (leder IPR)", while the text says "Knut Martin Glesne, leder av IPRet" and Knut
// Martin signs as "rådsleder". Both are kept as printed: the table here, the signature in the minutes.
export const bodyMemberships: DemoBodyMembership[] = [
  { body: "rrAu", person: "syver", role: "LEDER", organization: "hole", roleLabel: "Ordfører (leder IPR)", validFrom: "2022-01-17" },
  { body: "rrAu", person: "sunni", role: "MEDLEM", organization: "modum", roleLabel: "Ordfører", validFrom: "2022-01-17" },
  { body: "rrAu", person: "knutMartin", role: "MEDLEM", organization: "krodsherad", roleLabel: "Ordfører", validFrom: "2022-01-17" },
  { body: "rrAu", person: "morten", role: "MEDLEM", organization: "jevnaker", roleLabel: "Ordfører", validFrom: "2022-01-17" },
  { body: "rrAu", person: "kirsten", role: "MEDLEM", organization: "ringerike", roleLabel: "Ordfører", validFrom: "2022-01-17" },
  { body: "rrAu", person: "torger", role: "MEDLEM", organization: "hole", roleLabel: "Kommunedirektør", validFrom: "2022-01-17" },
  { body: "rrAu", person: "aud", role: "MEDLEM", organization: "modum", roleLabel: "Rådmann", validFrom: "2022-01-17" },
  { body: "rrAu", person: "stigRune", role: "MEDLEM", organization: "krodsherad", roleLabel: "Kommunedirektør", validFrom: "2022-01-17" },
  { body: "rrAu", person: "gry", role: "MEDLEM", organization: "jevnaker", roleLabel: "Konst. rådmann", validFrom: "2022-01-17" },
  { body: "rrAu", person: "tore", role: "MEDLEM", organization: "ringerike", roleLabel: "Rådmann", validFrom: "2022-01-17" },
  { body: "rrAu", person: "inger", role: "SEKRETAER", roleLabel: "Regionrådsadministrator", validFrom: "2022-01-17" },
  // "leder IPR" (2022) and "regionrådsleder Syver Leivestad, nestleder Andreas K. Torp" (2026).
  { body: "rrIpr", person: "syver", role: "LEDER", organization: "hole", roleLabel: "Ordfører (leder IPR)", validFrom: "2022-01-17" },
  { body: "rrIpr", person: "andreas", role: "NESTLEDER", roleLabel: "nestleder", validFrom: "2026-01-12" },
  { body: "rrIpr", person: "inger", role: "SEKRETAER", roleLabel: "Regionrådsadministrator", validFrom: "2022-01-17" },
  // The memo names no chair of the ansettelsesutvalg.
  { body: "rrAnsettelsesutvalg", person: "syver", role: "MEDLEM", roleLabel: "regionrådsleder", validFrom: "2026-01-12" },
  { body: "rrAnsettelsesutvalg", person: "andreas", role: "MEDLEM", roleLabel: "nestleder", validFrom: "2026-01-12" },
  { body: "rrAnsettelsesutvalg", person: "sunni", role: "MEDLEM", validFrom: "2026-01-12" },
  { body: "rrAnsettelsesutvalg", person: "rune", role: "MEDLEM", validFrom: "2026-01-12" },
];

// ───────────────────────────── Meetings ─────────────────────────────

export type MeetingKey = "au-2021-11-01" | "au-2022-01-17" | "ipr-2022-02-07" | "au-2027-01-18";

export type DemoCase = {
  title: string;
  type: CaseType;
  presenter?: string;
  background?: string;
  proposedDecision?: string;
  isExempt?: boolean;
  exemptionBasis?: string;
};

export type DemoAgendaItem = {
  position: number;
  /** Number in the meeting body's series; the year is the meeting's. */
  number?: number;
  title: string;
  type: CaseType;
  presenter?: string;
  status?: AgendaItemStatus;
  proposedFrom?: MeetingKey;
  isClosed?: boolean;
  closedBasis?: string;
  noticeText?: string;
  minutesNotes?: string;
  outcome?: string;
  approvesMinutesOf?: MeetingKey;
  /** The case this item treats; registered with the item's number where it has one. */
  case?: DemoCase;
  decision?: { kind: DecisionKind; text: string };
};

export type DemoAttendance = {
  person: PersonKey;
  organization?: OrgKey;
  roleLabel?: string;
  status: AttendanceStatus;
  isSecretariat?: boolean;
};

export type DemoMinutes = {
  status: MinutesStatus;
  documentTitle: string;
  introduction: string;
  approvedAt?: Instant;
  approvalMethod?: MinutesApproval;
  publishedAt?: Instant;
  chair?: { person: PersonKey; label: string };
  secretary?: { person: PersonKey; label: string };
};

export type DemoMeeting = {
  key: MeetingKey;
  body: BodyKey;
  title?: string;
  startsAt: Instant;
  endsAt?: Instant;
  location?: string;
  status: MeetingStatus;
  noticeSentAt?: Instant;
  attendances?: DemoAttendance[];
  minutes?: DemoMinutes;
  items: DemoAgendaItem[];
};

const sak4Notes = `Ringerike inviterer gjerne til å finne samarbeidsløsninger – pragmatisk tilnærming.

- På IT- siden – må prøve å bli mer lik hverandre ved f.eks innkjøp av verktøy
- Faglig støtte innenfor noen områder
- Viktig at ordfører- rådmanns/kommunedirektørutvalget samles fysisk både for å drøfte strukturen i samarbeidet, og hvordan vi kan bli en handlekraftig region med gode tjenester.
- En presentasjon av kommunene, slik som ble gjort av Krødsherad må inn som punkt på møtene disse møtene framover.`;
// (The line "Interkommunalt politisk råd for Ringeriksregionen" in the middle of sak 4/22 in the
// source is the page header of page 2, not part of the notes.)

const sak6Notes = `- Our Democracy Forum orienterer
- Nytt fra Viken (hva ønsker IPRet at Olav Skinnes skal informere om)?
  - viktige saker til behandling i Viken i 2022
  - nytt fra næringsdelen i Viken
  - kollektivtransporten
- Næringspolitisk strategi - vedtakssak
- Framover sammen – Delprosjekt «Regionalt klyngeprosjekt» tas ut av prosjektstyringsdokumentet for «Framover sammen» og midlene (kr 200 000,-), overføres til prosjektet med arbeidstittel: Kunst, kultur og opplevelser/turisme under delprosjektet Vertskapsattraktivitet.
- Veteranplan for Ringeriksregionen – utarbeidelse av prosjektstyringsdokument (PSD) (trinn 1). Trinn 2 vil være vedtak om igangsettelse av planarbeid (vedtak i IPR- møtet 23.mai.)`;

const sak7Notes = `- Grønt fagsenter – program er ferdig, og sendt over til Inger som kaller inn IPRet i outlook i forkant av IPR- møtet. Påmelding er nødvendig
- Viktig med en fagsamling for hele IPRet fra lunsj – lunsj. Inger kaller inn til samling fra 14.-15.mars fra lunsj- lunsj. Knut Martin finner egnet sted på Norefjell. Inger har ansvaret for program (se sak 4/22) i samarbeid med Knut Martin.
- Prosess for hvordan NPS kan tas videre lokalt. Inger og Steinar Aasnæss tilbyr å orientere kommunestyrene i etterkant av 7. februar om NPS og hvordan den kan tas videre lokalt.`;

export const EXEMPT_DEMO_MARKER = "UNNTATT-DEMO-INNHOLD";

export const meetings: DemoMeeting[] = [
  {
    // Only known because sak 2/22 approves its minutes. Time of day is not in the documents
    // (14.00 Oslo, CET = UTC+1, is assumed); its content is not among the documents.
    key: "au-2021-11-01",
    body: "rrAu",
    title: "Ordfører-rådmanns/kommunedirektørmøte",
    startsAt: "2021-11-01T13:00:00Z",
    status: "MINUTES_APPROVED",
    minutes: {
      status: "APPROVED",
      documentTitle: "Referat",
      introduction: "",
      approvalMethod: "NEXT_MEETING",
      // Approved in sak 2/22 at the end of the meeting on 17 January 2022.
      approvedAt: "2022-01-17T14:30:00Z",
      publishedAt: "2022-01-17T14:30:00Z",
    },
    items: [],
  },
  {
    key: "au-2022-01-17",
    body: "rrAu",
    // "Mandag 17. januar kl. 14.00 – 15.30", Europe/Oslo (CET = UTC+1).
    startsAt: "2022-01-17T13:00:00Z",
    endsAt: "2022-01-17T14:30:00Z",
    location: "Kommunehuset i Krødsherad",
    status: "MINUTES_APPROVED",
    // "Innkalling ble utsendt pr. e-post 11. januar 2022"; the time of day (09.00 Oslo) is assumed.
    noticeSentAt: "2022-01-11T08:00:00Z",
    attendances: [
      { person: "syver", organization: "hole", roleLabel: "Ordfører (leder IPR)", status: "PRESENT" },
      { person: "sunni", organization: "modum", roleLabel: "Ordfører", status: "PRESENT" },
      { person: "knutMartin", organization: "krodsherad", roleLabel: "Ordfører", status: "PRESENT" },
      { person: "morten", organization: "jevnaker", roleLabel: "Ordfører", status: "PRESENT" },
      { person: "kirsten", organization: "ringerike", roleLabel: "Ordfører", status: "PRESENT" },
      { person: "torger", organization: "hole", roleLabel: "Kommunedirektør", status: "PRESENT" },
      { person: "aud", organization: "modum", roleLabel: "Rådmann", status: "PRESENT" },
      { person: "stigRune", organization: "krodsherad", roleLabel: "Kommunedirektør", status: "PRESENT" },
      { person: "gry", organization: "jevnaker", roleLabel: "Konst. rådmann", status: "PRESENT" },
      { person: "tore", organization: "ringerike", roleLabel: "Rådmann", status: "PRESENT" },
      { person: "inger", roleLabel: "Regionrådsadministrator", status: "PRESENT", isSecretariat: true },
    ],
    minutes: {
      status: "APPROVED",
      documentTitle: "Referat",
      introduction:
        "Knut Martin Glesne, leder av IPRet ønsket velkommen til møte og spesielt velkommen til Gry Munkerud som ny i rådmanns/kommunedirektørutvalget.",
      // Demo: the documents do not say when these minutes were approved. Assumed: at the
      // committee's next gathering, the samling 14.–15. mars 2022 (13.00 Oslo), and published the same day.
      approvalMethod: "NEXT_MEETING",
      approvedAt: "2022-03-14T12:00:00Z",
      publishedAt: "2022-03-14T15:00:00Z",
      chair: { person: "knutMartin", label: "rådsleder" },
      secretary: { person: "inger", label: "regionrådsadministrator" },
    },
    items: [
      {
        position: 1,
        number: 1,
        title: "Godkjenning av innkalling",
        type: "GODKJENNING",
        noticeText: "Innkalling ble utsendt pr. e-post 11. januar 2022",
        outcome: "Vedtatt",
        case: { title: "Godkjenning av innkalling", type: "GODKJENNING" },
        decision: { kind: "VEDTAK", text: "Innkallingen godkjennes" },
      },
      {
        position: 2,
        number: 2,
        // The title says "1. november 2022" (sic); the decision and the link are to the 2021 meeting.
        title: "Godkjenning av referat fra ordførermøte – rådmann/kommunedirektørmøte 1. november 2022",
        type: "GODKJENNING",
        approvesMinutesOf: "au-2021-11-01",
        outcome: "Vedtatt",
        case: {
          title: "Godkjenning av referat fra ordførermøte – rådmann/kommunedirektørmøte 1. november 2022",
          type: "GODKJENNING",
        },
        decision: {
          kind: "VEDTAK",
          text: "Referat fra ordfører-rådmanns/kommunedirektørmøte 1. november 2021 godkjennes",
        },
      },
      {
        position: 3,
        number: 3,
        title: "Orientering om aktuelle saker i Krødsherad kommune",
        type: "ORIENTERINGSSAK",
        presenter: "v/ Stig Rune Kroken",
        minutesNotes: "- Se pp-presentasjon",
        outcome: "Tatt til orientering",
        case: {
          title: "Orientering om aktuelle saker i Krødsherad kommune",
          type: "ORIENTERINGSSAK",
          presenter: "v/ Stig Rune Kroken",
        },
        decision: { kind: "VEDTAK", text: "Informasjonen tas til orientering" },
      },
      {
        position: 4,
        number: 4,
        title: "Prinsipp saker/samhandlingsinstruks",
        type: "VEDTAKSSAK",
        minutesNotes: sak4Notes,
        outcome: "Vedtatt",
        case: { title: "Prinsipp saker/samhandlingsinstruks", type: "VEDTAKSSAK" },
        decision: {
          kind: "VEDTAK",
          text: `- Det inviteres til en samling fra lunsj til lunsj 22.februar – 23. februar.
- Knut Martin Glesne finner egnet sted
- Inger lager program i samarbeid med Knut Martin`,
        },
      },
      {
        position: 5,
        // Printed "Sak 5/21": a misprint between 4/22 and 6/22 in a 2022 meeting.
        number: 5,
        title: "Orienteringer om saker i IPRet",
        type: "ORIENTERINGSSAK",
        presenter: "v/ regionrådsadministrator",
        minutesNotes: "- Se pp-presentasjonen",
        case: { title: "Orienteringer om saker i IPRet", type: "ORIENTERINGSSAK", presenter: "v/ regionrådsadministrator" },
      },
      {
        position: 6,
        number: 6,
        title: "Forslag til saker til IPR-møtet 7. februar",
        type: "DROFTINGSSAK",
        minutesNotes: sak6Notes,
        case: { title: "Forslag til saker til IPR-møtet 7. februar", type: "DROFTINGSSAK" },
      },
      {
        position: 7,
        number: 7,
        title: "Eventuelt",
        type: "EVENTUELT",
        minutesNotes: sak7Notes,
        case: { title: "Eventuelt", type: "EVENTUELT" },
      },
    ],
  },
  {
    // The representantskap meeting that sak 6/22 proposes items for. A draft: no notice sent,
    // so only the secretariat sees it. Time of day and place are not in the documents (demo: 09.00).
    key: "ipr-2022-02-07",
    body: "rrIpr",
    title: "IPR-møtet 7. februar",
    startsAt: "2022-02-07T08:00:00Z",
    status: "PLANNED",
    items: [
      {
        position: 1,
        title: "Our Democracy Forum orienterer",
        type: "ORIENTERINGSSAK",
        status: "PROPOSED",
        proposedFrom: "au-2022-01-17",
      },
      {
        position: 2,
        title: "Nytt fra Viken",
        type: "ORIENTERINGSSAK",
        // Inferred from "hva ønsker IPRet at Olav Skinnes skal informere om".
        presenter: "v/ Olav Skinnes",
        status: "PROPOSED",
        proposedFrom: "au-2022-01-17",
        noticeText: `(hva ønsker IPRet at Olav Skinnes skal informere om)?

- viktige saker til behandling i Viken i 2022
- nytt fra næringsdelen i Viken
- kollektivtransporten`,
      },
      {
        position: 3,
        title: "Næringspolitisk strategi",
        // "Næringspolitisk strategi - vedtakssak"
        type: "VEDTAKSSAK",
        status: "PROPOSED",
        proposedFrom: "au-2022-01-17",
      },
      {
        position: 4,
        title: "Framover sammen",
        type: "VEDTAKSSAK",
        status: "PROPOSED",
        proposedFrom: "au-2022-01-17",
        noticeText:
          "Delprosjekt «Regionalt klyngeprosjekt» tas ut av prosjektstyringsdokumentet for «Framover sammen» og midlene (kr 200 000,-), overføres til prosjektet med arbeidstittel: Kunst, kultur og opplevelser/turisme under delprosjektet Vertskapsattraktivitet.",
      },
      {
        position: 5,
        title: "Veteranplan for Ringeriksregionen",
        type: "VEDTAKSSAK",
        status: "PROPOSED",
        proposedFrom: "au-2022-01-17",
        noticeText:
          "Utarbeidelse av prosjektstyringsdokument (PSD) (trinn 1). Trinn 2 vil være vedtak om igangsettelse av planarbeid (vedtak i IPR- møtet 23.mai.)",
      },
      {
        // Demo: a fictional exempt case, for testing that exempt content stays hidden.
        position: 6,
        title: "Personalsak – konfidensielt (demo)",
        type: "VEDTAKSSAK",
        isClosed: true,
        closedBasis: "kommuneloven § 11-5 andre ledd, jf. offentleglova § 13",
        noticeText: `${EXEMPT_DEMO_MARKER}: oppdiktet tekst i innkallingen.`,
        case: {
          title: "Personalsak – konfidensielt (demo)",
          type: "VEDTAKSSAK",
          isExempt: true,
          exemptionBasis: "offl. § 13, jf. fvl. § 13",
          background: `${EXEMPT_DEMO_MARKER}: Oppdiktet saksframlegg i en personalsak. Skal bare vises for sekretariat og administratorer.`,
          proposedDecision: `${EXEMPT_DEMO_MARKER}: Oppdiktet forslag til vedtak.`,
        },
      },
    ],
  },
  {
    // Demo: a fictional coming meeting, so that the start page has something ahead.
    // Monday 18 January 2027 14.00–15.30 Oslo (CET = UTC+1). Still a draft: no numbers yet.
    // The referat item is not linked to the 17 January 2022 minutes, which are already approved.
    key: "au-2027-01-18",
    body: "rrAu",
    startsAt: "2027-01-18T13:00:00Z",
    endsAt: "2027-01-18T14:30:00Z",
    location: "Kommunehuset i Krødsherad",
    status: "PLANNED",
    items: [
      { position: 1, title: "Godkjenning av innkalling", type: "GODKJENNING" },
      { position: 2, title: "Godkjenning av referat fra forrige møte", type: "GODKJENNING" },
      // Demo: so that members can try the round table (each municipality reports).
      { position: 3, title: "Runde rundt bordet", type: "RUNDE_RUNDT_BORDET" },
      { position: 4, title: "Eventuelt", type: "EVENTUELT" },
    ],
  },
];

// ───────────────────────────── Follow-up ─────────────────────────────

export type DemoActionItem = {
  council: CouncilKey;
  /** Where it came from: a meeting, and the item there by its case number. */
  origin?: { meeting: MeetingKey; sak?: number };
  title: string;
  description: string;
  responsibleBody?: BodyKey;
  responsibleText?: string;
  dueDate?: DateOnly;
  status: ActionStatus;
  outcomeNote?: string;
  closedAt?: Instant;
  assignees: { person: PersonKey; isLead?: boolean }[];
  /** Status history, oldest first. The first event is the creation. */
  events: { at: Instant; fromStatus?: ActionStatus; toStatus?: ActionStatus; comment: string }[];
};

// The tasks are as decided; their later progress is demo (the documents end at the meeting),
// and every invented status change says "Demo" in its comment.
const endOf17Jan: Instant = "2022-01-17T14:30:00Z";
export const actionItems: DemoActionItem[] = [
  {
    council: "ringeriksregionen",
    origin: { meeting: "au-2022-01-17", sak: 4 },
    title: "Samling fra lunsj til lunsj",
    description: `Vedtak i sak 4/22: «Det inviteres til en samling fra lunsj til lunsj 22.februar – 23. februar.»

Flyttet under Eventuelt (sak 7/22): «Viktig med en fagsamling for hele IPRet fra lunsj – lunsj. Inger kaller inn til samling fra 14.-15.mars fra lunsj- lunsj.»`,
    dueDate: "2022-03-14",
    status: "DONE",
    closedAt: "2022-03-15T11:00:00Z",
    outcomeNote: "Demo: samlingen ble holdt 14.–15. mars 2022.",
    assignees: [{ person: "inger", isLead: true }],
    events: [
      { at: endOf17Jan, toStatus: "OPEN", comment: "Opprettet fra vedtak i sak 4/22, samling 22.–23. februar 2022." },
      { at: endOf17Jan, comment: "Sak 7/22 Eventuelt: samlingen flyttes til 14.–15. mars 2022, Inger kaller inn." },
      { at: "2022-03-15T11:00:00Z", fromStatus: "OPEN", toStatus: "DONE", comment: "Demo: samlingen er holdt." },
    ],
  },
  {
    council: "ringeriksregionen",
    origin: { meeting: "au-2022-01-17", sak: 4 },
    title: "Knut Martin Glesne finner egnet sted",
    description: "Sted for samlingen fra lunsj til lunsj. Under Eventuelt (sak 7/22): «Knut Martin finner egnet sted på Norefjell.»",
    dueDate: "2022-03-14",
    status: "DONE",
    closedAt: "2022-02-15T09:00:00Z",
    outcomeNote: "Demo: sted på Norefjell er avtalt.",
    assignees: [{ person: "knutMartin", isLead: true }],
    events: [
      { at: endOf17Jan, toStatus: "OPEN", comment: "Opprettet fra vedtak i sak 4/22." },
      { at: "2022-02-15T09:00:00Z", fromStatus: "OPEN", toStatus: "DONE", comment: "Demo: sted på Norefjell er avtalt." },
    ],
  },
  {
    council: "ringeriksregionen",
    origin: { meeting: "au-2022-01-17", sak: 4 },
    title: "Inger lager program i samarbeid med Knut Martin",
    description:
      "Program for samlingen fra lunsj til lunsj. Under Eventuelt (sak 7/22): «Inger har ansvaret for program (se sak 4/22) i samarbeid med Knut Martin.»",
    dueDate: "2022-03-14",
    status: "DONE",
    closedAt: "2022-03-07T10:00:00Z",
    outcomeNote: "Demo: programmet er sendt ut.",
    assignees: [
      { person: "inger", isLead: true },
      { person: "knutMartin" },
    ],
    events: [
      { at: endOf17Jan, toStatus: "OPEN", comment: "Opprettet fra vedtak i sak 4/22." },
      { at: "2022-02-01T09:00:00Z", fromStatus: "OPEN", toStatus: "IN_PROGRESS", comment: "Demo: arbeidet med programmet er startet." },
      { at: "2022-03-07T10:00:00Z", fromStatus: "IN_PROGRESS", toStatus: "DONE", comment: "Demo: programmet er sendt ut." },
    ],
  },
  {
    council: "ringeriksregionen",
    origin: { meeting: "au-2022-01-17", sak: 7 },
    title: "Grønt fagsenter – Inger kaller inn IPRet i outlook",
    description:
      "Grønt fagsenter – program er ferdig, og sendt over til Inger som kaller inn IPRet i outlook i forkant av IPR- møtet. Påmelding er nødvendig",
    // "i forkant av IPR-møtet": the next one is 7 February 2022.
    dueDate: "2022-02-07",
    status: "DONE",
    closedAt: "2022-01-20T09:00:00Z",
    outcomeNote: "Demo: innkalling sendt i Outlook.",
    assignees: [{ person: "inger", isLead: true }],
    events: [
      { at: endOf17Jan, toStatus: "OPEN", comment: "Opprettet fra Eventuelt, sak 7/22." },
      { at: "2022-01-20T09:00:00Z", fromStatus: "OPEN", toStatus: "DONE", comment: "Demo: innkalling sendt i Outlook." },
    ],
  },
  {
    council: "ringeriksregionen",
    origin: { meeting: "au-2022-01-17", sak: 7 },
    title: "Inger og Steinar Aasnæss tilbyr å orientere kommunestyrene om NPS",
    description:
      "Prosess for hvordan NPS kan tas videre lokalt. Inger og Steinar Aasnæss tilbyr å orientere kommunestyrene i etterkant av 7. februar om NPS og hvordan den kan tas videre lokalt.",
    status: "OPEN",
    assignees: [
      { person: "inger", isLead: true },
      { person: "steinar" },
    ],
    events: [{ at: endOf17Jan, toStatus: "OPEN", comment: "Opprettet fra Eventuelt, sak 7/22." }],
  },
  // From the strategy memo of January 2026 (pkt. 6.5 and 7). Not tied to a meeting in the portal.
  {
    council: "ringeriksregionen",
    title: "Representantskapet vedtar retning for regionrådet",
    description:
      "Representantskapet vedtar retning for regionrådet på møtet 26. januar. (Notat fra strategisamlingen 12.–13. januar 2026, pkt. 7.)",
    responsibleBody: "rrIpr",
    dueDate: "2026-01-26",
    status: "OPEN",
    assignees: [],
    events: [{ at: "2026-01-13T12:00:00Z", toStatus: "OPEN", comment: "Opprettet fra notatet fra strategisamlingen." }],
  },
  {
    council: "ringeriksregionen",
    title: "Strategisk handlingsplan og ny samarbeidsavtale",
    description: `I etterkant av representantskapets vedtak om retning utarbeides både strategisk handlingsplan og ny samarbeidsavtale, som vil bli behandlet på representantskapsmøte til våren. (Notat fra strategisamlingen 12.–13. januar 2026, pkt. 7.)

Samarbeidsavtalen må justeres iht. kommuneloven. Dersom representantskapet vedtar en endret strategisk retningen for regionrådet, vil den reviderte samarbeidsavtalen måtte godkjennes av de enkelte kommunestyrene.`,
    responsibleText: "Representantskapsmøte til våren 2026",
    status: "OPEN",
    assignees: [],
    events: [{ at: "2026-01-13T12:00:00Z", toStatus: "OPEN", comment: "Opprettet fra notatet fra strategisamlingen." }],
  },
  {
    council: "ringeriksregionen",
    title: "Ansettelse av koordinator",
    description:
      "Ordfører-/kommunedirektørutvalget har nedsatt et ansettelsesutvalg bestående av regionrådsleder Syver Leivestad, nestleder Andreas K. Torp, Sunni G. Aamodt og Rune Hallingstad. Ansettelsesutvalget skal samarbeide med HR-avdelingen i Ringerike kommune. (Notat fra strategisamlingen 12.–13. januar 2026, pkt. 6.5.)",
    responsibleBody: "rrAnsettelsesutvalg",
    responsibleText: "Ansettelsesutvalget, med HR-avdelingen i Ringerike kommune",
    status: "IN_PROGRESS",
    assignees: [{ person: "syver" }, { person: "andreas" }, { person: "sunni" }, { person: "rune" }],
    events: [
      { at: "2026-01-13T12:00:00Z", toStatus: "OPEN", comment: "Opprettet fra notatet fra strategisamlingen." },
      { at: "2026-02-02T09:00:00Z", fromStatus: "OPEN", toStatus: "IN_PROGRESS", comment: "Demo: ansettelsesutvalget har startet arbeidet." },
    ],
  },
];

// ───────────────────────────── Plans ─────────────────────────────

export type DemoMeasure = {
  title: string;
  description?: string;
  /** Index into the focus area's goals. */
  goal?: number;
  ownerBody?: BodyKey;
  ownerPerson?: PersonKey;
  ownerText?: string;
  timeFrame?: string;
  status: MeasureStatus;
  resourceAnchored: boolean;
  /** What touched the measure: decisions and cases by meeting and case number, action items by title. */
  links?: { decisions?: { meeting: MeetingKey; sak: number }[]; cases?: { meeting: MeetingKey; sak: number }[]; actions?: string[] };
  /** Status history, oldest first. */
  updates?: { at: Instant; from?: MeasureStatus; to?: MeasureStatus; comment: string }[];
};

export type DemoFocusArea = {
  title: string;
  description: string;
  goals: string[];
  measures: DemoMeasure[];
};

export type DemoPlan = {
  /** For DEMO_OMIT_PLANS: tests that re-create a plan through the UI leave the seeded one out. */
  key: string;
  council: CouncilKey;
  kind: PlanKind;
  title: string;
  subtitle: string;
  periodFrom: number;
  periodTo: number;
  purpose: string;
  principlesInclude: string;
  principlesExclude: string;
  status: PlanStatus;
  /** Positions follow the array order. */
  sections: { heading: string; body: string; afterFocusAreas?: boolean }[];
  focusAreas: DemoFocusArea[];
};

// 000: the memo from the strategy gathering. A DRAFT: it records conclusions, and the
// representantskap was still to adopt the direction ("vedtar retning … på møtet 26. januar").
// purpose and principles hold pkt. 2 and 3.1; the sections hold the rest of the memo, numbered as
// printed (it has no pkt. 8). The focus areas are the "hovedsatsingsområder" of pkt. 4, each with
// its wording from pkt. 3.2.
const ringeriksStrategy: DemoPlan = {
  key: "ringeriksregionen-2040",
  council: "ringeriksregionen",
  kind: "STRATEGY",
  title: "Strategisk retning for Interkommunalt politisk råd (IPR) for Ringeriksregionen",
  subtitle: "Notat fra ordførerne og kommunedirektørenes strategisamling på Kleivstua, 12. – 13. januar 2026",
  periodFrom: 2026,
  periodTo: 2040,
  status: "DRAFT",
  purpose: `${ringeriksMandate}

Det legges til grunn at samarbeidet planlegges med et årlig perspektiv, samtidig som det forankres i et langsiktig utviklingsperspektiv frem mot 2040.`,
  principlesInclude: `Samarbeidet innenfor IPR skal konsentreres om saker der:

- det foreligger tydelig regional merverdi ved felles innsats
- samlet politisk opptreden gir større gjennomslagskraft enn enkeltkommunale initiativ
- samarbeidet bidrar til reell regional utvikling, og ikke kun økt administrativ koordinering`,
  principlesExclude:
    "Det ble understreket behov for tydelige prioriteringer, og at oppgaver som ikke tilfredsstiller disse kriteriene, skal kunne nedprioriteres eller tas ut av det regionale samarbeidet. Det er derfor behov for en mer fleksibel samarbeidsavtale og årlige evalueringer.",
  sections: [
    {
      heading: "1. Innledning",
      body: "Dette notatet redegjør for hovedkonklusjonene som fremkom under strategisamlingen for ordførere og kommunedirektører i Interkommunalt politisk råd (IPR) for Ringeriksregionen. Notatet har som formål å gi et samlet og faglig beslutningsgrunnlag for det videre arbeidet med strategi, organisering og prioriteringer i regionrådet, herunder revisjon av samarbeidsavtalen, avklaring av koordinatorrollen og utarbeidelse av strategidokument for Ringeriksregionen IPR.",
    },
    {
      heading: "3.2 Tematiske satsingsområder",
      body: `Følgende områder ble identifisert som særlig relevante for IPRs interessepolitiske arbeid:

- Samferdsel og infrastruktur, herunder Ringeriksbanen, FRE16 og strekningen Skaret–Høgkastet
- Regional vekst og næringsutvikling, med utgangspunkt i regionens eksisterende fortrinn som USN, Vestre Viken, Kartverket og Eggemoen
- Kompetanse og utdanning
- Innenforskap og livsvilkår, i samspill med fylkeskommunale prioriteringer
- Miljø- og klimapolitikk
- Merkevare- og omdømmebygging for Ringeriksregionen

Samarbeidsavtalen bør utformes på et overordnet nivå og være fleksibel. Andre temaer må kunne inkluderes som del av IPRets fokusområde ved behov. Formuleringen i samarbeidsavtalen bør diskuteres av regionrådet, og det bør legges vekt på at den ikke skal være begrensende for IPRets arbeid videre.`,
    },
    {
      heading: "4. Ambisjonsnivå og tidshorisont",
      body: `**Langsiktig målsetting**

Den overordnede målsettingen for samarbeidet er at Ringeriksregionen skal utvikles som et godt sted å bo og leve frem mot 2040. Dette målet operasjonaliseres gjennom prioriteringer innen følgende hovedsatsingsområder:

- Infrastruktur
- Kompetanse og utdanning
- Innenforskap
- Miljø og klima
- Næring
- Merkevare

Innenfor hvert område skal det foretas prioriteringer og det skal utarbeides en strategisk handlingsplan for regionrådet. I dette arbeidet skal det vurderes hvilke saker som påvirker alle kommunene i regionsamarbeidet og som kommunene vil dra nytte av å stå sammen om. Dersom en enkeltsak kun er av interesse for en av kommunene, skal ikke dette legges på agendaen til regionrådet. Representantene i regionrådet oppfordres allikevel til å snakke med samlet stemme og støtte opp under andre kommuners egne prioriteringer og satsingsområder.

Samarbeidet i regionen skal bidra til å:

- styrke regionens samlede posisjon og gjennomslagskraft
- tydeliggjøre og utvikle Ringeriksregionens merkevare
- legge til rette for næringsutvikling og verdiskaping
- styrke kunnskaps- og kompetansegrunnlaget

Det legges til grunn at regionen skal arbeide parallelt med flere strategiske innsatsområder, og ikke basere utviklingsarbeidet på ett enkelt hovedprosjekt.`,
    },
    {
      heading: "5. Strategi, planverk og oppfølging",
      body: `Det er enighet om behovet for et overordnet strategisk veikart frem mot 2040. Dette dokumentet skal:

- angi politisk retning for IPRs virksomhet
- være samordnet, og ikke i konflikt med, annet kommunalt planverk, f.eks. kommuneplanenes samfunnsdel i de enkelte kommuner
- suppleres av mer detaljerte strategier og handlingsplaner på områdenivå

Handlingsplanen skal evalueres årlig og det skal rapporteres på:

- status og måloppnåelse
- utviklingstrekk og retning
- videre prioriteringer

Tiltak som ikke er tilstrekkelig ressursmessig forankret, skal ikke inngå som felles regionale prioriteringer videre.`,
    },
    {
      heading: "6. Roller, ansvar og organisering",
      body: `**6.1 IPR**

IPR skal være et rendyrket interessepolitisk organ. Representantskapsmøtene bør videreutvikles med sikte på:

- økt strategisk innhold
- redusert omfang av rene orienteringssaker
- politiske diskusjoner og prioriteringer

**6.2 Ordfører-/kommunedirektørutvalget**

Arbeidsutvalget skal jobbe tett med kommunedirektørutvalget og innstille til representantskapet.

**6.3 Kommunedirektørutvalget**

Kommunedirektørene har ansvar for å:

- utrede og forberede saker til politisk behandling
- gi samordnede og faglig solide beslutningsgrunnlag
- eie og følge opp administrative samarbeid og fagteam

**6.4 Fagteam**

Fagteamenes hensiktsmessighet og måloppnåelse var tema til diskusjon. Det er enighet om at fagteamene bør defineres som en del av det administrative samarbeidet og ikke ha en direkte kobling til IPRet. Dersom fagteamene skal bestå, bør de rapportere direkte til kommunedirektørutvalget.

**6.5 Koordinatorfunksjonen**

Det er enighet om behovet for en tydelig definert koordinatorfunksjon som ikke nødvendigvis må ha faglig tyngde innenfor de ulike satsingsområdene til IPRet. Koordinator:

- er administrativt tilknyttet Ringerike kommune som arbeidsgiver
- rapporterer til kommunedirektørutvalget (KDU) og samhandler tett med leder av IPR
- har ansvar for koordinering, struktur, fremdrift og praktisk tilrettelegging
- fungerer som bindeledd mellom kommunedirektørene, ordførerne og representantskapet

Ordfører-/kommunedirektørutvalget har nedsatt et ansettelsesutvalg bestående av regionrådsleder Syver Leivestad, nestleder Andreas K. Torp, Sunni G. Aamodt og Rune Hallingstad. Ansettelsesutvalget skal samarbeide med HR-avdelingen i Ringerike kommune.`,
    },
    {
      heading: "7. Samarbeidsavtalen og videre oppføling",
      body: "Samarbeidsavtalen må justeres iht. kommuneloven. En slik endring kan anses som redaksjonell vil kunne vedtas av regionrådet uten involvering av de enkelte kommunestyrene, jf. Kommuneloven § 18-4 tredje og fjerde ledd. Dersom representantskapet vedtar en endret strategisk retningen for regionrådet, vil den reviderte samarbeidsavtalen måtte godkjennes av de enkelte kommunestyrene. Representantskapet vedtar retning for regionrådet på møtet 26. januar, og i etterkant av dette utarbeides både strategisk handlingsplan og ny samarbeidsavtale, som vil bli behandlet på representantskapsmøte til våren.",
    },
    {
      heading: "9. Avsluttende vurdering",
      body: "Strategisamlingen avdekket en tydelig felles ambisjon om å styrke IPRet som et strategisk og målrettet interessepolitisk organ. Klare prioriteringer, forutsigbar organisering og tydelig rolleavklaring mellom politikk og administrasjon vurderes som avgjørende for å realisere Ringeriksregionens langsiktige utviklingsmål.",
    },
  ],
  // Goals are the "bidra til å" points that belong to one area; "styrke regionens samlede posisjon
  // og gjennomslagskraft" spans all and stays in section 4. The memo names no measures with owners
  // or deadlines; the three infrastructure projects it names are recorded as the IPR's
  // interessepolitiske measures, not yet resource-anchored (the action plan is still to be made).
  focusAreas: [
    {
      title: "Infrastruktur",
      description: "Samferdsel og infrastruktur, herunder Ringeriksbanen, FRE16 og strekningen Skaret–Høgkastet",
      goals: [],
      measures: [
        { title: "Ringeriksbanen", ownerBody: "rrIpr", status: "PLANNED", resourceAnchored: false },
        { title: "FRE16", ownerBody: "rrIpr", status: "PLANNED", resourceAnchored: false },
        { title: "Strekningen Skaret–Høgkastet", ownerBody: "rrIpr", status: "PLANNED", resourceAnchored: false },
      ],
    },
    {
      title: "Kompetanse og utdanning",
      description: "Kompetanse og utdanning",
      goals: ["styrke kunnskaps- og kompetansegrunnlaget"],
      measures: [],
    },
    {
      title: "Innenforskap",
      description: "Innenforskap og livsvilkår, i samspill med fylkeskommunale prioriteringer",
      goals: [],
      measures: [],
    },
    {
      title: "Miljø og klima",
      description: "Miljø- og klimapolitikk",
      goals: [],
      measures: [],
    },
    {
      title: "Næring",
      description:
        "Regional vekst og næringsutvikling, med utgangspunkt i regionens eksisterende fortrinn som USN, Vestre Viken, Kartverket og Eggemoen",
      goals: ["legge til rette for næringsutvikling og verdiskaping"],
      measures: [],
    },
    {
      title: "Merkevare",
      description: "Merkevare- og omdømmebygging for Ringeriksregionen",
      goals: ["tydeliggjøre og utvikle Ringeriksregionens merkevare"],
      measures: [],
    },
  ],
};

// 003: the Indre Østfold plan. A DRAFT: it has open questions and two headings with no content,
// and no adoption is recorded. Its numbered points 3–7 and the "Fagområder" are focus areas, each
// bullet a measure (the plan gives no owners, and no statuses except where the text says so).
// Point 1 is the purpose; point 2 (the meeting plan), the appointment policy and the two empty
// headings are sections.
const indreOstfoldPlan: DemoPlan = {
  key: "indre-ostfold-2025",
  council: "indre-ostfold",
  kind: "ACTION_PLAN",
  title: "Strategi- og HANDLINGSPLAN 2025",
  subtitle: "Indre Østfold regionråd IPR",
  periodFrom: 2025,
  periodTo: 2025,
  status: "DRAFT",
  purpose: `*Fra samarbeidsavtalen mellom våre fire kommuner:*

${indreOstfoldPurpose}`,
  principlesInclude: "",
  principlesExclude: "",
  sections: [
    {
      heading: "Faste møtearenaer og -plan for disse foraene",
      body: `- Ordførerutvalg (tidligere AU) – 8 møter pr år
- Kommunedirektørutvalg (KDU) (*) – 6 møter pr. år
- Regionrådsmøter (6 møter) (rep. skapene)
- Et felles formannskapsmøte pr år
- Evt. studieturer
- Et felles møte/seminar mellom AU og KDU pr år

(*) KDU diskuterer og behandler også saker relevant for de fire kommunene utenom IPR’ets ansvarsområder (som IKS og andre tjenesteområder)

Forslag til møteplan bør fremlegges i august foregående år, som grunnlag for planene for politisk møteplan i hver enkelt kommune.`,
    },
    {
      heading: "Policy for forslag til / oppnevnelse medlemmer andre organ – og også for intern rapportering / involvering",
      afterFocusAreas: true,
      body: `- Osloregionen (bl.a. faggruppene)
- Partnerskap for næringsutvikling i Østfold
- Partnerskapet for folkehelse i Østfold (fra 2025)
- Jernbaneforum Øst
- Fylkestrafikksikkerhetsutvalget
- Norsus`,
    },
    // Printed as headings with nothing under them.
    { heading: "Hva skal vi ikke drive med", body: "", afterFocusAreas: true },
    { heading: "Hva vi skal driver mer med", body: "", afterFocusAreas: true },
  ],
  focusAreas: [
    {
      title: "Utvikle avtaleverk",
      description: "",
      goals: [],
      measures: [
        {
          title: "Samarbeidsavtaler mellom kommunene 2025-2028 er vedtatt i hver av kommunene (for hver kommunestyreperiode)",
          timeFrame: "2025–2028",
          status: "DONE",
          resourceAnchored: false,
        },
        {
          title: "Partnerskapsavtale med Østfold fylkeskommune, som skal erstatte den eksisterende for Viken",
          status: "PLANNED",
          resourceAnchored: false,
        },
        { title: "Samarbeidsavtaler med NMBU, Fagskolen i Viken og Høgskolen i Østfold", status: "PLANNED", resourceAnchored: false },
        {
          title: "Osloregionen IPR (kommunene er medlemmer, men regionrådet har representasjonen i politiske organ, og administrative faggrupper)",
          status: "PLANNED",
          resourceAnchored: false,
        },
        { title: "Årlige budsjetter (4 års økonomiplan også?)", status: "PLANNED", resourceAnchored: false },
      ],
    },
    {
      title: "Omdømmebygging",
      description: "",
      goals: ["Det er et mål for Regionrådet å framsnakke og bygge stolthet i vår felles region.", "Utvikle kommunikasjonsplan"],
      measures: [
        {
          title: "Sosiale medier",
          description: "- Interne kanaler (bl.a. teams)\n- Eksterne kanaler (bl.a. Facebook og LinkedIn)",
          goal: 1,
          status: "PLANNED",
          resourceAnchored: false,
        },
        { title: "Kommunenes egne mediekanaler", goal: 1, status: "PLANNED", resourceAnchored: false },
        { title: "Tradisjonelle, eksterne medier", goal: 1, status: "PLANNED", resourceAnchored: false },
        { title: "Utspill og kronikker", goal: 1, status: "PLANNED", resourceAnchored: false },
        { title: "Bygge et enkelt IØR-bildearkiv", goal: 1, status: "PLANNED", resourceAnchored: false },
        { title: "Presentasjonsmateriell", goal: 1, status: "PLANNED", resourceAnchored: false },
        { title: "Grafisk profil", goal: 1, status: "PLANNED", resourceAnchored: false },
        { title: "Utvikle gode adressebaser", goal: 1, status: "PLANNED", resourceAnchored: false },
      ],
    },
    {
      title: "Styrke dialog og kontakt med andre nettverk",
      description: "",
      goals: [],
      measures: [
        { title: "Østfold fylkeskommune (også partnerskapsavtale)", status: "PLANNED", resourceAnchored: false },
        // The closing parenthesis is missing in the plan too.
        {
          title: "Nabo-IPR’er (58 IPR’er i landet, 12 av dem i tidligere Viken, nå faste samlinger pr år",
          status: "PLANNED",
          resourceAnchored: false,
        },
        { title: "Osloregionen IPR (politisk valgte styrer – og adm. faggrupper)", status: "PLANNED", resourceAnchored: false },
        { title: "KS", status: "PLANNED", resourceAnchored: false },
        {
          title:
            "Statsforvalteren for Østfold, Buskerud, Akershus og Oslo (NB! ny statsforvalter fra sommeren 2024, med sterk tilknytning til IØ)",
          status: "PLANNED",
          resourceAnchored: false,
        },
      ],
    },
    {
      title: "Være aktivt høringsorgan",
      description: "",
      goals: [],
      measures: [
        {
          title: "Viktig å avklare prinsipper og dialog for når kommunene svarer separat og når vi opptrer felles som regionråd",
          status: "PLANNED",
          resourceAnchored: false,
        },
        { title: "Ta initiativ til egne høringer/uttalelser", status: "PLANNED", resourceAnchored: false },
      ],
    },
    {
      title: "Egne administrative og politiske nettverk",
      description:
        "Det har vært ønskelig å utvikle faste nettverk på næring/utvikling, skole/oppvekst, klima/miljø og helse/omsorg. Dette er ekstra aktuelt ifbm campus og NMBU-avtalen. Hvem kan ha «eierskap»? (innkalling, agenda, møteledelse og oppfølging)",
      goals: [],
      // "Hvem kan ha «eierskap»?" is open, hence the owner "Ikke avklart".
      measures: [
        { title: "Fast nettverk på næring/utvikling", ownerText: "Ikke avklart", status: "PLANNED", resourceAnchored: false },
        { title: "Fast nettverk på skole/oppvekst", ownerText: "Ikke avklart", status: "PLANNED", resourceAnchored: false },
        { title: "Fast nettverk på klima/miljø", ownerText: "Ikke avklart", status: "PLANNED", resourceAnchored: false },
        { title: "Fast nettverk på helse/omsorg", ownerText: "Ikke avklart", status: "PLANNED", resourceAnchored: false },
      ],
    },
    // "Fagområder" (printed in capitals: SAMFERDSEL, Utdanning/KOMPETANSE).
    {
      title: "Samferdsel",
      description: "Fagområde.",
      goals: [],
      measures: [
        { title: "Lage Indre-NTP i løpet av 2025?", timeFrame: "2025", status: "PLANNED", resourceAnchored: false },
        { title: "Jernbane", status: "PLANNED", resourceAnchored: false },
        { title: "Buss / kollektivtrafikk", status: "PLANNED", resourceAnchored: false },
        { title: "Fylkesvei", status: "PLANNED", resourceAnchored: false },
        { title: "Støtte Ring 4", status: "PLANNED", resourceAnchored: false },
        { title: "Kommunale: gang- og sykkelveier", status: "PLANNED", resourceAnchored: false },
      ],
    },
    {
      title: "Utdanning/kompetanse",
      description: "Fagområde.",
      goals: [],
      measures: [
        { title: "Campus Indre Østfold", status: "PLANNED", resourceAnchored: false },
        { title: "NMBU-avtalen", status: "PLANNED", resourceAnchored: false },
        { title: "Fortene", status: "PLANNED", resourceAnchored: false },
      ],
    },
    {
      title: "Eierskap",
      description: "Fagområde.",
      goals: [],
      measures: [{ title: "Som Norsus", status: "PLANNED", resourceAnchored: false }],
    },
  ],
};

// Demo: an invented action plan for 2022, made from the cases of 17 January 2022 (seed 001), so the
// yearly report has a year with decisions and follow-up to report on. Every measure says where in
// the minutes it comes from; statuses and notes after the meeting are demo and say so.
const ringeriksActionPlan2022: DemoPlan = {
  key: "ringeriksregionen-2022",
  council: "ringeriksregionen",
  kind: "ACTION_PLAN",
  title: "Handlingsplan 2022 (demo)",
  subtitle: "IPR Ringeriksregionen",
  periodFrom: 2022,
  periodTo: 2022,
  status: "DRAFT",
  purpose:
    "*Demo: en oppdiktet handlingsplan, satt sammen av sakene i møtet 17. januar 2022, for å vise koblingen mellom vedtak, oppfølging og årsrapport.*",
  principlesInclude: "",
  principlesExclude: "",
  sections: [],
  focusAreas: [
    {
      title: "Samhandling i regionen",
      description: "Hvordan vi kan bli en handlekraftig region med gode tjenester (sak 4/22).",
      goals: [],
      measures: [
        {
          title: "Samling fra lunsj til lunsj for IPRet",
          description: "«Det inviteres til en samling fra lunsj til lunsj» (vedtak i sak 4/22), flyttet til 14.–15. mars (sak 7/22).",
          ownerBody: "rrAu",
          timeFrame: "Q1 2022",
          status: "DONE",
          resourceAnchored: true,
          links: {
            decisions: [{ meeting: "au-2022-01-17", sak: 4 }],
            actions: ["Samling fra lunsj til lunsj", "Knut Martin Glesne finner egnet sted", "Inger lager program i samarbeid med Knut Martin"],
          },
          updates: [
            { at: "2022-01-17T14:30:00Z", from: "PLANNED", to: "ONGOING", comment: "Vedtatt i sak 4/22." },
            { at: "2022-03-15T11:00:00Z", from: "ONGOING", to: "DONE", comment: "Demo: samlingen er holdt." },
          ],
        },
        {
          title: "Presentasjon av kommunene på møtene",
          description: "«En presentasjon av kommunene, slik som ble gjort av Krødsherad må inn som punkt på møtene disse møtene framover.» (sak 4/22)",
          ownerBody: "rrAu",
          timeFrame: "2022",
          status: "ONGOING",
          resourceAnchored: true,
          links: { cases: [{ meeting: "au-2022-01-17", sak: 3 }] },
        },
      ],
    },
    {
      title: "Næring",
      description: "Næringspolitisk strategi og «Framover sammen».",
      goals: [],
      measures: [
        {
          title: "Næringspolitisk strategi (NPS) tas videre lokalt",
          description: "Inger og Steinar Aasnæss tilbyr å orientere kommunestyrene om NPS (sak 7/22).",
          ownerPerson: "inger",
          timeFrame: "2022",
          status: "ONGOING",
          resourceAnchored: true,
          links: { actions: ["Inger og Steinar Aasnæss tilbyr å orientere kommunestyrene om NPS"] },
        },
        {
          title: "Kunst, kultur og opplevelser/turisme",
          description: "Prosjekt under delprosjektet Vertskapsattraktivitet i «Framover sammen»; får midlene (kr 200 000,-) fra «Regionalt klyngeprosjekt» (forslag til IPR-møtet 7. februar, sak 6/22).",
          timeFrame: "2022",
          status: "PLANNED",
          resourceAnchored: false,
        },
        {
          title: "Regionalt klyngeprosjekt",
          description: "Tas ut av prosjektstyringsdokumentet for «Framover sammen» (forslag til IPR-møtet 7. februar, sak 6/22).",
          status: "CANCELLED",
          resourceAnchored: false,
        },
      ],
    },
    {
      title: "Samfunn",
      description: "",
      goals: [],
      measures: [
        {
          title: "Veteranplan for Ringeriksregionen",
          description: "Trinn 1: prosjektstyringsdokument (PSD). Trinn 2: vedtak om igangsettelse av planarbeid (IPR-møtet 23. mai).",
          ownerBody: "rrIpr",
          timeFrame: "2022",
          status: "POSTPONED",
          resourceAnchored: false,
          updates: [{ at: "2022-05-23T10:00:00Z", from: "PLANNED", to: "POSTPONED", comment: "Demo: trinn 2 er utsatt." }],
        },
      ],
    },
  ],
};

export const plans: DemoPlan[] = [ringeriksStrategy, indreOstfoldPlan, ringeriksActionPlan2022];
