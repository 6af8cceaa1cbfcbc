import { feedResponse } from "@/lib/calendar/feed";

export async function GET(_r: Request, { params }: { params: Promise<{ council: string; body: string }> }) {
  const { council, body } = await params;
  return feedResponse(council, body);
}
