import { describe, expect, it } from "vitest";
import { actionItemsCsv, CSV_BOM, csvField } from "@/lib/follow-up/csv";

/** RFC 4180 with ";" as Excel in Norwegian locale reads it: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe("CSV for Norwegian Excel", () => {
  const rows = [
    {
      title: "Ringerike og Hole: sjekke ut muligheten for «Grønt fagsenter»; program sendes ut",
      status: "IN_PROGRESS" as const,
      responsible: "Kjell B. Hansen, Øyvind Ødegaard",
      dueDate: new Date("2022-03-14T00:00:00Z"),
      caseLabel: "Sak 4/22",
      bodyName: "Ordfører- og kommunedirektør/rådmannsutvalget",
      meetingDate: new Date("2022-01-17T13:00:00Z"),
      councilName: "Interkommunalt politisk råd for Ringeriksregionen",
      measureTitle: null,
      closedAt: null,
      outcomeNote: 'Sa "ja" til\nsamarbeid',
    },
    {
      title: "=HYPERLINK(\"x\")",
      status: "DONE" as const,
      responsible: "Åse",
      dueDate: null,
      caseLabel: null,
      bodyName: null,
      meetingDate: new Date("2022-03-27T22:30:00Z"), // 28 March in Oslo (summer time)
      councilName: "Indre Østfold regionråd",
      measureTitle: "Tiltak 1.2",
      closedAt: new Date("2022-12-31T23:30:00Z"), // 1 January 2023 in Oslo
      outcomeNote: null,
    },
  ];

  it("starts with a BOM, separates with semicolons and writes dates as dd.mm.yyyy", () => {
    const csv = actionItemsCsv(rows);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Oppfølgingspunkt;Status;Ansvarlig;Frist;Sak;Organ;Møtedato;Råd;Tiltak;Lukket;Resultat");
    expect(lines[1]).toContain(";Under arbeid;Kjell B. Hansen, Øyvind Ødegaard;14.03.2022;Sak 4/22;");
    expect(lines[1]).toContain(";17.01.2022;");
  });

  it("round-trips æøå, quotes, semicolons and line breaks through UTF-8 bytes", () => {
    const bytes = new TextEncoder().encode(actionItemsCsv(rows));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
    const parsed = parseCsv(text);
    expect(parsed).toHaveLength(3);
    expect(parsed[1][0]).toBe(rows[0].title);
    expect(parsed[1][2]).toBe("Kjell B. Hansen, Øyvind Ødegaard");
    expect(parsed[1][10]).toBe('Sa "ja" til\nsamarbeid');
    expect(parsed[2][7]).toBe("Indre Østfold regionråd");
    expect(parsed[2][2]).toBe("Åse");
    expect(parsed[2][6]).toBe("28.03.2022");
    expect(parsed[2][9]).toBe("01.01.2023");
  });

  it("defuses cells Excel would run as formulas", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("-2")).toBe("'-2");
    const parsed = parseCsv(new TextDecoder().decode(new TextEncoder().encode(actionItemsCsv(rows))));
    expect(parsed[2][0]).toBe("'=HYPERLINK(\"x\")");
  });
});
