-- CreateIndex
CREATE INDEX "fk_ActionItem_meetingId" ON "ActionItem"("meetingId");

-- CreateIndex
CREATE INDEX "fk_ActionItem_caseId" ON "ActionItem"("caseId");

-- CreateIndex
CREATE INDEX "fk_ActionItem_responsibleBodyId" ON "ActionItem"("responsibleBodyId");

-- CreateIndex
CREATE INDEX "fk_ActionItem_focusAreaId" ON "ActionItem"("focusAreaId");

-- CreateIndex
CREATE INDEX "fk_ActionItemAssignee_organizationId" ON "ActionItemAssignee"("organizationId");

-- CreateIndex
CREATE INDEX "fk_AgendaItem_approvesMinutesOfId" ON "AgendaItem"("approvesMinutesOfId");

-- CreateIndex
CREATE INDEX "fk_Attendance_personId" ON "Attendance"("personId");

-- CreateIndex
CREATE INDEX "fk_Attendance_organizationId" ON "Attendance"("organizationId");

-- CreateIndex
CREATE INDEX "fk_Attendance_substituteForId" ON "Attendance"("substituteForId");

-- CreateIndex
CREATE INDEX "fk_Attendance_arrivedAtItemId" ON "Attendance"("arrivedAtItemId");

-- CreateIndex
CREATE INDEX "fk_Attendance_leftAfterItemId" ON "Attendance"("leftAfterItemId");

-- CreateIndex
CREATE INDEX "fk_Proposal_decisionId" ON "Proposal"("decisionId", "position");
