type ResponsibleRow = {
  assignees: { person: { name: string } | null; organization: { name: string } | null }[];
  responsibleBody?: { name: string } | null;
  responsibleText: string | null;
};

/**
 * "Ansvarlig" as one line: the people and organisations named, the body, and the free text.
 * Minutes often say "AU v/ leder" for a task the secretariat also tied to AU: the free text then
 * says more than the body's name and stands in its place, instead of "AU, AU v/ leder".
 */
export function responsibleLabel(row: ResponsibleRow): string {
  const names = row.assignees.map((a) => a.person?.name ?? a.organization?.name ?? "").filter(Boolean);
  if (row.responsibleBody) names.push(row.responsibleBody.name);
  const text = row.responsibleText?.trim();
  if (!text) return names.join(", ");
  const lower = text.toLocaleLowerCase("nb");
  const covered = names.findIndex((n) => lower === n.toLocaleLowerCase("nb") || startsWithWord(lower, n.toLocaleLowerCase("nb")));
  if (covered === -1) return [...names, text].join(", ");
  return names
    .map((n, i) => (i === covered ? text : n))
    .filter((n, i) => i === covered || !startsWithWord(lower, n.toLocaleLowerCase("nb")))
    .join(", ");
}

// "AU v/ leder" starts with "AU"; "AUD-gruppen" does not.
function startsWithWord(text: string, prefix: string): boolean {
  return text.startsWith(prefix) && (text.length === prefix.length || !/[\p{L}\p{N}]/u.test(text[prefix.length]));
}
