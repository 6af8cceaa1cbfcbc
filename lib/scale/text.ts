// Norwegian-looking text for the scale data set: invented place names, people, case titles,
// decisions and minutes, put together from word lists so that search, sorting and layout meet
// text of realistic length and vocabulary. Nothing here names a real person.
import type { Rng } from "./prng";

const ROOTS = [
  "Ås", "Bjørk", "Fjell", "Li", "Vik", "Dal", "Strand", "Berg", "Haug", "Lund", "Mo", "Sand", "Eid", "Nes", "Holm",
  "Aker", "Rød", "Hval", "Sol", "Ringe", "Elve", "Furu", "Lyng", "Skog", "Stein", "Gran", "Foss", "Hamar", "Brei",
  "Kvam", "Tind", "Ose", "Rye", "Hov", "Vang", "Bru", "Mykle", "Sjø", "Kil", "Vard", "Aur", "Øy", "Ly", "Tjern",
];
const SUFFIXES = ["vik", "dal", "heim", "stad", "by", "nes", "øy", "fjord", "berg", "land", "rud", "sund", "voll", "å", "set", "bø", "haug", "lia"];
const PREFIXES = ["Nord-", "Sør-", "Øvre ", "Nedre ", "Indre ", "Ytre "];

/** `count` distinct municipality-like names ("Bjørkvik", "Nedre Sanddal"). */
export function placeNames(rng: Rng, count: number): string[] {
  const plain: string[] = [];
  for (const r of ROOTS) for (const s of SUFFIXES) if (!r.toLowerCase().endsWith(s)) plain.push(r + s);
  const names = rng.shuffle(plain);
  const out = names.slice(0, count);
  for (let i = 0; out.length < count; i++) out.push(PREFIXES[i % PREFIXES.length] + names[i % names.length]);
  return out;
}

const REGION_FORMS: ((name: string) => { name: string; shortName: string })[] = [
  (n) => ({ name: `${n}regionen IPR`, shortName: `${n}regionen` }),
  (n) => ({ name: `${n} regionråd`, shortName: `${n} regionråd` }),
  (n) => ({ name: `Interkommunalt politisk råd ${n}`, shortName: `IPR ${n}` }),
  (n) => ({ name: `${n}rådet`, shortName: `${n}rådet` }),
];

export function councilName(rng: Rng, place: string) {
  return rng.pick(REGION_FORMS)(place);
}

/** ASCII slug for URLs and e-mail addresses. */
export function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const FIRST_NAMES = [
  "Anne", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg", "Hilde", "Randi", "Solveig", "Nina", "Tone",
  "Ida", "Nora", "Silje", "Camilla", "Ragnhild", "Heidi", "Gunn", "Sigrid", "Marianne", "Elisabeth", "Torunn", "Aud",
  "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Hans", "Geir", "Tor", "Terje", "Odd",
  "Morten", "Rune", "Trond", "Erik", "Even", "Sindre", "Magnus", "Håkon", "Eirik", "Stig", "Torger", "Syver", "Gry",
  "Ahmed", "Fatima", "Piotr", "Linh", "Sunniva", "Jørgen", "Åse", "Øystein",
];
const MIDDLE = ["", "", "", "", "Marie ", "Helene ", "Martin ", "Rune ", "Kristin ", "Andreas ", "Johanne "];
const LAST_NAMES = [
  "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
  "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl",
  "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg",
  "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Mathisen", "Lie", "Amundsen", "Rasmussen",
  "Lunde", "Solheim", "Berntsen", "Moe", "Bakke", "Glesne", "Kroken", "Munkerud", "Nygård", "Haugland", "Fossum",
  "Tveit", "Rønning", "Aasen", "Skjelbred", "Vold", "Nguyen", "Ali", "Kowalski",
];

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(MIDDLE)}${rng.pick(LAST_NAMES)}`;
}

export const FAGTEAM_TOPICS = ["helse", "samferdsel", "næring", "oppvekst", "klima og miljø", "digitalisering", "kultur", "beredskap"] as const;

const MEETING_PLACES = [
  "Kommunehuset i {p}", "Rådhuset i {p}", "{p} rådhus, formannskapssalen", "Kulturhuset i {p}", "{p} hotell",
  "Næringshagen i {p}", "Teams", "Regionkontoret, {p}",
];

export function meetingPlace(rng: Rng, place: string): string {
  return rng.pick(MEETING_PLACES).replace("{p}", place);
}

const PLANS = [
  "regional transportplan", "regional plan for areal og transport", "Nasjonal transportplan", "regional næringsplan",
  "regional plan for klima og energi", "fylkeskommunens planstrategi", "regional plan for kompetanse",
  "regional plan for folkehelse", "kollektivstrategi for regionen", "regional plan for vannforvaltning",
  "handlingsprogram for fylkesveier", "statsbudsjettet", "ny forskrift om kommunale helse- og omsorgstjenester",
];
const TOPICS = [
  "status i arbeidet med ny E16", "regional kompetansestrategi", "interkommunal legevakt", "bredbåndsutbyggingen",
  "regionalt næringsfond", "kollektivtilbudet i regionen", "samarbeidet med universitetet", "reiselivssatsingen",
  "rekruttering av helsepersonell", "felles beredskapsplan", "interkommunalt barnevern", "flomsikring langs elva",
  "digitaliseringssamarbeidet", "regional veteranplan", "ungdomsrådets arbeid", "jernbanetilbudet",
  "felles innkjøpsordning", "arealbruk og jordvern", "klimanettverket", "sykehusstrukturen",
  "næringsarealer i regionen", "folkehelseprogrammet", "interkommunal PPT", "friluftsrådet",
];
const PROJECTS = [
  "forprosjekt for regional næringshage", "kompetanseløft i helse og omsorg", "felles reiselivsportal",
  "ladeinfrastruktur i distriktet", "regionalt ungdomsløft", "bolyst og tilflytting", "grønn omstilling i industrien",
];
const ADDRESSEES = ["fylkeskommunen", "Statens vegvesen", "Samferdselsdepartementet", "statsforvalteren", "helseforetaket", "Kommunal- og distriktsdepartementet", "Nye Veier"];

export type CaseKind = "VEDTAKSSAK" | "ORIENTERINGSSAK" | "DROFTINGSSAK" | "VALG";

export type CaseText = { title: string; type: CaseKind; background: string; proposedDecision: string; decision: string; notes: string };

function sentence(rng: Rng, topic: string, org: string): string {
  return rng.pick([
    `Saken gjelder ${topic}, som har vært drøftet i flere møter i regionen.`,
    `${org} kommune har bedt om at ${topic} settes på dagsordenen.`,
    `Sekretariatet har i samarbeid med kommunedirektørene utarbeidet et grunnlag for videre arbeid med ${topic}.`,
    `Fylkeskommunen har invitert regionrådene til å gi innspill innen fristen.`,
    `Det er viktig at regionen står samlet og taler med én stemme i denne saken.`,
    `Kostnadene fordeles etter folketall, i tråd med samarbeidsavtalen.`,
    `Tiltaket er i tråd med strategien for regionen og handlingsplanen for inneværende år.`,
    `Erfaringene fra nabokommunene viser at et felles grep gir bedre tjenester og lavere kostnader.`,
    `Det vises til tidligere behandling og til vedlagte notat fra sekretariatet.`,
    `Kommunedirektørutvalget har behandlet saken og anbefaler at den legges fram for rådet.`,
  ]);
}

function paragraphs(rng: Rng, topic: string, org: string, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(rng, topic, org));
  return out.join(" ");
}

/** A substantive case on a council's agenda, with its saksframlegg, proposal, decision and notes. */
export function caseText(rng: Rng, ctx: { year: number; org: string; bodyName: string; councilShort: string }): CaseText {
  const r = rng.next();
  const topic = rng.pick(TOPICS);
  if (r < 0.22) {
    const plan = rng.pick(PLANS);
    const addressee = rng.pick(ADDRESSEES);
    return {
      title: `Høringsuttalelse om ${plan}${plan === "statsbudsjettet" ? ` for ${ctx.year + 1}` : ""}`,
      type: "VEDTAKSSAK",
      background: `${addressee[0].toUpperCase()}${addressee.slice(1)} har sendt ${plan} på høring. ${paragraphs(rng, plan, ctx.org, rng.int(2, 4))}`,
      proposedDecision: `${ctx.bodyName} vedtar høringsuttalelsen slik den foreligger.`,
      decision: rng.chance(0.5)
        ? `${ctx.bodyName} vedtar høringsuttalelsen slik den foreligger.`
        : `- ${ctx.bodyName} slutter seg til hovedtrekkene i ${plan}.\n- Regionen ber om at ${topic} prioriteres i det videre arbeidet.\n- Sekretariatet sender uttalelsen til ${addressee} innen fristen.`,
      notes: `- Sekretariatet orienterte om høringsforslaget.\n- Det kom innspill om ${topic}.`,
    };
  }
  if (r < 0.5) {
    return {
      title: `Orientering om ${topic}`,
      type: "ORIENTERINGSSAK",
      background: paragraphs(rng, topic, ctx.org, rng.int(1, 3)),
      proposedDecision: "Saken tas til orientering.",
      decision: rng.pick(["Saken tas til orientering.", "Informasjonen tas til orientering.", "Orienteringen tas til etterretning."]),
      notes: rng.pick([`- Se presentasjon.`, `- Spørsmål fra ${ctx.org} om framdrift og kostnader ble besvart.`, `- Utvalget ba om en ny orientering senere i ${ctx.year}.`]),
    };
  }
  if (r < 0.62) {
    return {
      title: rng.pick([`Drøfting: ${topic}`, `Innspill til arbeidet med ${topic}`, `Veien videre for ${topic}`]),
      type: "DROFTINGSSAK",
      background: paragraphs(rng, topic, ctx.org, rng.int(1, 3)),
      proposedDecision: "Innspillene tas med i det videre arbeidet.",
      decision: `Innspillene fra møtet tas med i det videre arbeidet med ${topic}. Saken kommer tilbake til ${ctx.bodyName.toLowerCase()}.`,
      notes: `- Runde rundt bordet om ${topic}.\n- Flere pekte på behovet for felles løsninger.`,
    };
  }
  if (r < 0.66) {
    return {
      title: rng.pick(["Valg av leder og nestleder", "Oppnevning av representanter til styringsgruppen", "Valg av valgkomité"]),
      type: "VALG",
      background: "Valget gjelder for resten av valgperioden.",
      proposedDecision: "Valgkomiteens innstilling vedtas.",
      decision: "Valgkomiteens innstilling ble enstemmig vedtatt.",
      notes: "",
    };
  }
  const project = rng.pick(PROJECTS);
  const amount = rng.int(2, 40) * 25_000;
  const kroner = amount.toLocaleString("nb-NO").replace(/\u00a0/g, " ");
  const variants: Omit<CaseText, "type">[] = [
    {
      title: `Budsjett ${ctx.year + 1} for ${ctx.councilShort}`,
      background: `Forslaget til budsjett bygger på vedtatt kontingent per innbygger. ${paragraphs(rng, "budsjettet", ctx.org, 2)}`,
      proposedDecision: `Budsjett for ${ctx.year + 1} vedtas som foreslått.`,
      decision: `- Budsjett for ${ctx.year + 1} vedtas som foreslått.\n- Kontingenten videreføres på samme nivå.`,
      notes: "- Sekretariatet gikk gjennom hovedtallene.",
    },
    {
      title: `Årsmelding og regnskap ${ctx.year - 1}`,
      background: `Årsmeldingen viser aktiviteten i ${ctx.year - 1}. Regnskapet er revidert uten merknader.`,
      proposedDecision: `Årsmelding og regnskap for ${ctx.year - 1} godkjennes.`,
      decision: `Årsmelding og regnskap for ${ctx.year - 1} godkjennes.`,
      notes: "",
    },
    {
      title: `Søknad om tilskudd til ${project}`,
      background: `Det søkes om kr ${kroner} fra regionalt utviklingsfond. ${paragraphs(rng, project, ctx.org, 2)}`,
      proposedDecision: `${ctx.bodyName} bevilger kr ${kroner} til ${project}.`,
      decision: `- ${ctx.bodyName} bevilger kr ${kroner} til ${project}.\n- Prosjektet rapporterer til kommunedirektørutvalget innen utgangen av ${ctx.year + 1}.`,
      notes: `- ${ctx.org} ønsker å være vertskommune for prosjektet.`,
    },
    {
      title: `Uttalelse om ${topic}`,
      background: paragraphs(rng, topic, ctx.org, rng.int(2, 3)),
      proposedDecision: `${ctx.bodyName} slutter seg til forslaget til uttalelse.`,
      decision: `${ctx.bodyName} slutter seg til forslaget til uttalelse, med de endringene som kom fram i møtet.`,
      notes: `- Det ble foreslått en tilføyelse om ${rng.pick(TOPICS)}.`,
    },
    {
      title: `Møteplan for ${ctx.year + 1}`,
      background: "Sekretariatet har laget forslag til møteplan i samråd med lederen.",
      proposedDecision: `Møteplanen for ${ctx.year + 1} vedtas.`,
      decision: `Møteplanen for ${ctx.year + 1} vedtas med de endringene som kom fram i møtet.`,
      notes: "",
    },
  ];
  return { ...rng.pick(variants), type: "VEDTAKSSAK" };
}

const EXEMPT_CASES = [
  { title: "Personalsak", exemptionBasis: "offl. § 13, jf. fvl. § 13", closedBasis: "kommuneloven § 11-5 andre ledd bokstav a" },
  { title: "Forhandlinger om leieavtale for regionkontoret", exemptionBasis: "offl. § 23 første ledd", closedBasis: "kommuneloven § 11-5 andre ledd bokstav b" },
  { title: "Tilsetting av regionrådsleder", exemptionBasis: "offl. § 25 andre ledd", closedBasis: "kommuneloven § 11-5 andre ledd bokstav a" },
  { title: "Anskaffelse – evaluering av tilbud", exemptionBasis: "offl. § 13, jf. fvl. § 13 første ledd nr. 2", closedBasis: "kommuneloven § 11-5 andre ledd bokstav b" },
  { title: "Søknad fra bedrift om næringsstøtte", exemptionBasis: "offl. § 13, jf. fvl. § 13 første ledd nr. 2", closedBasis: "kommuneloven § 11-5 andre ledd bokstav b" },
] as const;

/** An exempt case. Its title stays public; everything else carries `marker` so leak tests can find it. */
export function exemptCaseText(rng: Rng, marker: string) {
  const e = rng.pick(EXEMPT_CASES);
  return {
    title: `${e.title} – unntatt offentlighet`,
    exemptionBasis: e.exemptionBasis,
    closedBasis: e.closedBasis,
    background: `${marker}: oppdiktet saksframlegg. Skal bare vises for sekretariat og administratorer.`,
    proposedDecision: `${marker}: oppdiktet forslag til vedtak.`,
    noticeText: `${marker}: oppdiktet tekst i innkallingen.`,
    decision: `${marker}: oppdiktet vedtak i lukket møte.`,
    notes: `${marker}: oppdiktede merknader fra behandlingen.`,
  };
}

export function eventueltNotes(rng: Rng, org: string): string {
  return rng.pick(["", "", "- Ingen saker.", `- ${org} orienterte kort om en aktuell sak.`, `- Spørsmål om ${rng.pick(TOPICS)} tas opp i neste møte.`]);
}

const ACTIONS = [
  "Sende uttalelsen til {a}", "Utarbeide notat om {t}", "Invitere {a} til neste møte", "Følge opp {t} overfor {a}",
  "Lage framdriftsplan for {t}", "Rapportere på {t}", "Samordne kommunenes innspill om {t}",
];

export function actionTitle(rng: Rng): string {
  return rng.pick(ACTIONS).replace("{a}", rng.pick(ADDRESSEES)).replace("{t}", rng.pick(TOPICS));
}

export const ACTION_COMMENTS = {
  created: "Opprettet fra vedtaket.",
  progress: ["Arbeidet er i gang.", "Første utkast er sendt kommunene.", "Venter på svar fra fylkeskommunen."],
  done: ["Gjennomført.", "Uttalelsen er sendt.", "Notatet er lagt fram for utvalget."],
  cancelled: ["Utgår etter ny behandling.", "Avklart på annen måte."],
};

export const FOCUS_AREAS = [
  { title: "Samferdsel og infrastruktur", goals: ["Bedre veg- og jernbaneforbindelser i regionen", "Et kollektivtilbud som gjør det mulig å pendle uten bil"] },
  { title: "Næringsutvikling og kompetanse", goals: ["Flere arbeidsplasser i regionen", "Kompetanse som svarer på næringslivets behov"] },
  { title: "Helse og velferd", goals: ["Robuste helsetjenester i alle kommunene", "Nok helsepersonell"] },
  { title: "Klima, miljø og beredskap", goals: ["Lavere klimagassutslipp", "Felles beredskap mot naturhendelser"] },
  { title: "Attraktivitet og bolyst", goals: ["Flere innbyggere", "Levende sentrum og bygder"] },
] as const;

const MEASURES = [
  "Felles innspill til {p}", "Kartlegge behovet for {t}", "Etablere nettverk for {t}", "Forprosjekt: {t}",
  "Årlig konferanse om {t}", "Felles søknad om midler til {t}",
];

export function measureTitle(rng: Rng): string {
  return rng.pick(MEASURES).replace("{p}", rng.pick(PLANS)).replace("{t}", rng.pick(TOPICS));
}
