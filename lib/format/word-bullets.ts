// Text pasted from Word keeps its bullet characters ("• Punkt", "–\tPunkt") but not the list, so
// Markdown read the lines as one paragraph. A line that starts with such a bullet is read as a
// Markdown list item instead. The stored text is left as typed (approved minutes are hashed as
// stored); only rendering changes. "o" and "§" are left alone: they start ordinary Norwegian lines.
const WORD_BULLET = /^([ \t]*)[•·▪◦‣●○■□–—][ \t\u00a0]+/gm;

export function wordBulletsToMarkdown(text: string): string {
  return text.replace(WORD_BULLET, (_m, indent: string) => `${indent.replace(/\t/g, "    ")}- `);
}
