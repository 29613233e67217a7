import {
  NoticeSchema,
  type NoticeCreate,
  type NoticeEscalate,
  type NoticeExtension,
  type NoticeExtensionDecision,
  type NoticeReply,
  type NoticeReview,
} from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { noticesQueries } from "./notices.queries";

/** 交办: issues a notice (the office); the answer carries its number. */
export function useIssueNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NoticeCreate) => apiSend("POST", "/supervision-notices", body, NoticeSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noticesQueries.all() }),
  });
}

/** The body each step takes (签收 takes none). */
export type NoticeStepBodies = {
  receipt: undefined;
  reply: NoticeReply;
  extension: NoticeExtension;
  review: NoticeReview;
  "extension/decision": NoticeExtensionDecision;
  escalate: NoticeEscalate;
};

/**
 * One step of a notice (签收, 反馈, 延期申请, 复核, 延期审批, 升级). A step out of order answers 409
 * with the notice as it is; every answer refreshes the notices shown.
 */
function useNoticeStep<P extends keyof NoticeStepBodies>(path: P) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: NoticeStepBodies[P] }) =>
      apiSend("POST", `/supervision-notices/${encodeURIComponent(id)}/${path}`, body ?? {}, NoticeSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noticesQueries.all() }),
  });
}

export const useReceiveNotice = () => useNoticeStep("receipt");
export const useReplyToNotice = () => useNoticeStep("reply");
export const useRequestExtension = () => useNoticeStep("extension");
export const useReviewNotice = () => useNoticeStep("review");
export const useDecideExtension = () => useNoticeStep("extension/decision");
export const useEscalateNotice = () => useNoticeStep("escalate");
