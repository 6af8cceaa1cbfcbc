import { objectResponse } from "@/lib/open-data/handlers";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return objectResponse("paper", (await params).id);
}
