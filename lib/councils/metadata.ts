import "server-only";
import type { Metadata } from "next";
import { getViewer } from "@/lib/authz/viewer";
import { getCouncilForViewer } from "@/lib/councils/queries";

/**
 * The title of a council's portal page, "Møter – Ringeriksregionen": with several councils open in
 * tabs, a bare "Møter" does not tell them apart (WCAG 2.4.2). Answered from the request's cached
 * council lookup, so it costs no query.
 */
export async function councilPageMetadata(params: Promise<{ council: string }>, label?: string): Promise<Metadata> {
  const { council: slug } = await params;
  const council = await getCouncilForViewer(await getViewer(), slug);
  if (!council) return { title: "Fant ikke siden" };
  return { title: label ? `${label} – ${council.name}` : council.name };
}
