// Sign-in accounts for the demo data. One shared password, so that the README can list them,
// and so that prisma/seed/run.ts can refuse a production start while any account still has it.

export const DEMO_PASSWORD = "ipr-demo-passord";

export type DemoRole = "ADMIN" | "SECRETARIAT" | "COORDINATOR" | "MEMBER";

export type DemoAccount = {
  email: string;
  name: string;
  role: DemoRole;
  /** Council slugs; the account gets `role` in each. */
  councils: string[];
  isSystemAdmin?: boolean;
  /** The Person row (by name, from demo-data.ts) the user is linked to. */
  personName?: string;
  /** A link to an external sign-in account (decision 019), for the user administration to show and remove. */
  externalLink?: { provider: string; subject: string };
  /** Norwegian, for the README. */
  description: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: "admin@ipr.example",
    name: "Systemadministrator",
    role: "ADMIN",
    councils: ["ringeriksregionen", "indre-ostfold"],
    isSystemAdmin: true,
    description:
      "Systemadministrator for hele installasjonen, administrator i begge rådene. Kan opprette råd, administrere brukere og se revisjonsloggen.",
  },
  {
    email: "sekretariat@ipr.example",
    name: "Inger Kammerud",
    role: "SECRETARIAT",
    councils: ["ringeriksregionen"],
    personName: "Inger Kammerud",
    description:
      "Inger Kammerud, regionrådsadministrator – sekretariatet i Ringeriksregionen. Forbereder møter, innkallinger og referat, og ser utkast og unntatt innhold.",
  },
  {
    email: "koordinator@ipr.example",
    name: "Kari Nordmann",
    role: "COORDINATOR",
    councils: ["ringeriksregionen"],
    personName: "Kari Nordmann",
    description:
      "Kari Nordmann (oppdiktet demoperson), koordinator i Ringeriksregionen. Leser som et medlem og kan i tillegg oppdatere status på oppfølgingspunkter.",
  },
  {
    email: "medlem@ipr.example",
    name: "Knut Martin Glesne",
    role: "MEMBER",
    councils: ["ringeriksregionen"],
    personName: "Knut Martin Glesne",
    description:
      "Knut Martin Glesne, ordfører i Krødsherad – medlem i Ringeriksregionen. Ser sendte innkallinger, godkjente referater, oppfølging og vedtatte planer, men ikke utkast eller unntatt innhold.",
  },
  {
    email: "sekretariat.indre@ipr.example",
    name: "Ola Nordmann",
    role: "SECRETARIAT",
    councils: ["indre-ostfold"],
    personName: "Ola Nordmann",
    description:
      "Ola Nordmann (oppdiktet demoperson; dokumentet navngir ikke sekretariatet) – sekretariatet i Indre Østfold regionråd.",
  },
  {
    email: "flere@ipr.example",
    name: "Nora Nordmann",
    role: "MEMBER",
    councils: ["ringeriksregionen", "indre-ostfold"],
    personName: "Nora Nordmann",
    description: "Nora Nordmann (oppdiktet demoperson) – medlem i begge rådene, for å prøve rådsvelgeren.",
  },
  {
    email: "passord@ipr.example",
    name: "Siri Nordmann",
    role: "MEMBER",
    councils: [],
    externalLink: { provider: "microsoft-entra-id", subject: "demo-entra-siri" },
    description:
      "Siri Nordmann (oppdiktet demoperson) – konto uten råd, til å prøve passordbytte under Innstillinger, og med en kobling til en (oppdiktet) Microsoft-konto som administratoren kan fjerne. E2E-testene bytter passordet hennes og fjerner koblingen, så ingen annen test bruker kontoen.",
  },
];
