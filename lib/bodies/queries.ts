import "server-only";
import { getDb } from "@/lib/server/db";
import type { Viewer } from "@/lib/authz/policy";
import { registerScope } from "@/lib/people/queries";
import { osloCalendarDay } from "@/lib/meetings/notice";
import { osloYearOf } from "@/lib/format/dates";
import { formatCaseNumber } from "@/lib/cases/case-number";
import { BODY_KIND_LABELS, MEMBER_KINDS } from "@/lib/bodies/schemas";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The council's member organisations and bodies as the secretariat keeps them, with every period:
 * a municipality that left stays in the list, as the minutes of its years name it.
 */
export async function getCouncilStructure(viewer: Viewer | null, slug: string, now = new Date()) {
  const council = await registerScope(viewer, slug);
  if (!council) return null;
  const db = await getDb();
  const today = osloCalendarDay(now);
  const [members, bodies] = await Promise.all([
    db.councilMember.findMany({
      where: { councilId: council.id },
      orderBy: [{ organization: { name: "asc" } }, { validFrom: "desc" }],
      select: { id: true, version: true, validFrom: true, validTo: true, note: true, organization: { select: { name: true, kind: true, municipalityNumber: true } } },
    }),
    db.body.findMany({
      where: { councilId: council.id },
      orderBy: [{ isPolitical: "desc" }, { name: "asc" }],
      select: {
        id: true,
        version: true,
        kind: true,
        name: true,
        abbreviation: true,
        isPolitical: true,
        publishMinutes: true,
        description: true,
        targetMeetingsPerYear: true,
        parentBodyId: true,
        activeFrom: true,
        activeTo: true,
        caseSeries: { select: { format: true, scope: true } },
        _count: { select: { meetings: true } },
      },
    }),
  ]);
  const state = (from: Date | null, to: Date | null): "kommende" | "avsluttet" | "aktiv" => (from && from > today ? "kommende" : to && to < today ? "avsluttet" : "aktiv");
  return {
    council,
    members: members.map((m) => ({
      id: m.id,
      version: m.version,
      name: m.organization.name,
      kind: m.organization.kind in MEMBER_KINDS ? MEMBER_KINDS[m.organization.kind as keyof typeof MEMBER_KINDS] : "Råd",
      number: m.organization.municipalityNumber,
      validFrom: day(m.validFrom)!,
      validTo: day(m.validTo),
      note: m.note,
      state: state(m.validFrom, m.validTo),
    })),
    bodies: bodies.map((b) => ({
      id: b.id,
      version: b.version,
      kind: BODY_KIND_LABELS[b.kind] ?? b.kind,
      name: b.name,
      abbreviation: b.abbreviation,
      isPolitical: b.isPolitical,
      publishMinutes: b.publishMinutes,
      description: b.description,
      targetMeetingsPerYear: b.targetMeetingsPerYear === null ? "" : String(b.targetMeetingsPerYear),
      parentBodyId: b.parentBodyId ?? "",
      activeFrom: day(b.activeFrom) ?? "",
      activeTo: day(b.activeTo) ?? "",
      numbering: !b.caseSeries ? "ingen saksnummer" : b.caseSeries.scope === "YEARLY" ? `${formatCaseNumber(b.caseSeries.format, 1, osloYearOf(now))} og videre` : "1., 2. … i hvert møte",
      meetings: b._count.meetings,
      state: state(b.activeFrom, b.activeTo),
    })),
  };
}
