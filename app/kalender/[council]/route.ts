import { feedResponse } from "@/lib/calendar/feed";

export async function GET(_r: Request, { params }: { params: Promise<{ council: string }> }) {
  const { council } = await params;
  return feedResponse(council);
}
