import {
  EvidenceFileSchema,
  ItemSchema,
  MilestoneSchema,
  VerificationRuleSchema,
  type Completion,
  type EvidenceWithdraw,
  type Verification,
  type VerificationRuleUpdate,
} from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, apiUpload } from "../../../lib/api-client";
import { invalidate } from "../../../lib/query-client";
import { completionQueries, workPath } from "./completion.queries";
import type { WorkRef } from "./use-update-work-status";
import { invalidateAfterWorkChange } from "./work-change";

const schemaOf = (ref: WorkRef) => (ref.type === "milestone" ? MilestoneSchema : ItemSchema);

/** 完成: its day and note; done or 待复核 moves every count, so all that shows work reloads (after a refusal too). */
export function useCompleteWork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ref, completion }: { ref: WorkRef; completion: Completion }) =>
      apiSend("POST", `${workPath(ref)}/completion`, completion, schemaOf(ref)),
    onSettled: () => invalidateAfterWorkChange(queryClient),
  });
}

/** 复核: verify (→ done) or return (→ in progress, with the reason). */
export function useVerifyWork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ref, verification }: { ref: WorkRef; verification: Verification }) =>
      apiSend("POST", `${workPath(ref)}/verification`, verification, schemaOf(ref)),
    onSettled: () => invalidateAfterWorkChange(queryClient),
  });
}

/** Attaches one evidence file; the record's list and its count reload. */
export function useUploadEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ref, file }: { ref: WorkRef; file: File }) =>
      apiUpload(`${workPath(ref)}/evidence`, file, EvidenceFileSchema),
    onSettled: (_data, _error, { ref }) =>
      Promise.all([
        invalidate(queryClient, completionQueries.evidence(ref).queryKey),
        invalidateAfterWorkChange(queryClient),
      ]),
  });
}

/** 撤回 of an evidence file, with a reason. */
export function useWithdrawEvidence(ref: WorkRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, withdrawal }: { id: string; withdrawal: EvidenceWithdraw }) =>
      apiSend("POST", `/evidence/${encodeURIComponent(id)}/withdraw`, withdrawal, EvidenceFileSchema),
    onSettled: () =>
      Promise.all([
        invalidate(queryClient, completionQueries.evidence(ref).queryKey),
        invalidateAfterWorkChange(queryClient),
      ]),
  });
}

/** The office turns verification on or off for a kind of work. */
export function useUpdateVerificationRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: VerificationRuleUpdate) =>
      apiSend("PATCH", "/verification-rules", update, VerificationRuleSchema),
    onSettled: () => invalidate(queryClient, completionQueries.rules().queryKey),
  });
}
