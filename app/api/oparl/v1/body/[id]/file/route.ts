import { bodyListResponse } from "@/lib/open-data/handlers";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return bodyListResponse(request, (await params).id, "file");
}
