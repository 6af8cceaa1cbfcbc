import { organizationMeetingsResponse } from "@/lib/open-data/handlers";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return organizationMeetingsResponse(request, (await params).id);
}
