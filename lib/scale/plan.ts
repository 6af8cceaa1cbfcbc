// How big a data set --scale asks for. Scale 1 is the national picture: 60 councils with about six
// member organisations each, five bodies per council, twenty years of about eight meetings a year
// per body and about ten items per meeting (≈ 480,000 agenda items). Smaller scales first cut the
// councils (to at least one), then the years (to at least one), so even a tiny set has every kind
// of row. Larger scales add councils.

export const NATIONAL = {
  councils: 60,
  bodiesPerCouncil: 5,
  years: 20,
  meetingsPerYear: 8,
  itemsPerMeeting: 10,
} as const;

/** The last year of data. The data set pretends "today" is AS_OF (see generate.ts), late in this year. */
export const LAST_YEAR = 2026;

export type ScalePlan = {
  scale: number;
  seed: number;
  councils: number;
  years: number;
  firstYear: number;
  lastYear: number;
  /** Rough figures, for the printed plan before any row is built. */
  estimate: { bodies: number; meetings: number; agendaItems: number };
};

export function planForScale(scale: number, seed: number): ScalePlan {
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`--scale må være et positivt tall (fikk ${scale})`);
  if (!Number.isInteger(seed)) throw new Error(`--seed må være et heltall (fikk ${seed})`);
  const councils = Math.max(1, Math.round(NATIONAL.councils * scale));
  // What is left of the scale after rounding the councils goes into the years.
  const rest = (NATIONAL.councils * scale) / councils;
  const years = Math.min(NATIONAL.years, Math.max(1, Math.round(NATIONAL.years * rest)));
  const bodies = councils * NATIONAL.bodiesPerCouncil;
  const meetings = bodies * years * NATIONAL.meetingsPerYear;
  return {
    scale,
    seed,
    councils,
    years,
    firstYear: LAST_YEAR - years + 1,
    lastYear: LAST_YEAR,
    estimate: { bodies, meetings, agendaItems: meetings * NATIONAL.itemsPerMeeting },
  };
}
