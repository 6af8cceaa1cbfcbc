// Renders a number in a series format: {n} number, {nn} two digits, {yy} two-digit year, {yyyy} year.
// "Sak {n}/{yy}" → "Sak 4/22"; "styresak {nn}/{yy}" → "styresak 03/25"; "{n}." → "5.".
export function formatCaseNumber(format: string, number: number, year: number): string {
  return format
    .replaceAll("{nn}", String(number).padStart(2, "0"))
    .replaceAll("{n}", String(number))
    .replaceAll("{yyyy}", String(year))
    .replaceAll("{yy}", String(year % 100).padStart(2, "0"));
}

export const CASE_TYPE_LABELS: Record<string, string> = {
  VEDTAKSSAK: "Vedtakssak",
  ORIENTERINGSSAK: "Orienteringssak",
  DROFTINGSSAK: "Drøftingssak",
  VALG: "Valg",
  GODKJENNING: "Godkjenning",
  EVENTUELT: "Eventuelt",
  RUNDE_RUNDT_BORDET: "Runde rundt bordet",
};
