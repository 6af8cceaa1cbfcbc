-- CreateIndex
CREATE INDEX "AgendaItem_proposedFromMeetingId_idx" ON "AgendaItem"("proposedFromMeetingId");

-- CreateIndex
CREATE INDEX "AgendaItem_proposedFromItemId_idx" ON "AgendaItem"("proposedFromItemId");
