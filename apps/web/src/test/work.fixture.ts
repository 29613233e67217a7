import type { Milestone } from "@resettle/domain";

/** A milestone in progress, nobody responsible for it yet. */
export const milestone: Milestone = {
  id: "85a3ba37-6553-4b22-a6c1-e8f54e77b807",
  projectId: "14ec28ab-36ee-49fc-a9e3-a43d5bf69a17",
  kind: "move_back",
  title: "剩余住户回迁入住",
  dueDate: "2019-12-31",
  status: "in_progress",
  responsibleDepartmentId: null,
  responsiblePersonId: null,
  completedAt: null,
  completedBy: null,
  blockedReason: null,
  withdrawn: null,
  completedOn: null,
  completionNote: null,
  verifiedAt: null,
  verifiedBy: null,
  returned: null,
  evidenceCount: 0,
  version: 1,
};

/** What a record not completed carries of a completion. */
export const noCompletion = {
  completedOn: null,
  completionNote: null,
  verifiedAt: null,
  verifiedBy: null,
  returned: null,
  evidenceCount: 0,
};
