import {
  SubsidyPaymentSchema,
  SubsidyStandardSchema,
  type SubsidyPaymentCreate,
  type SubsidyStandardCreate,
} from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { invalidateAfterWorkChange } from "../../work";
import { subsidyQueries } from "./subsidy.queries";

/** A payment: the household's account, the project's arrears, and its health (the 90-day rule) change. */
export function useRecordPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ householdId, body }: { householdId: string; body: SubsidyPaymentCreate }) =>
      apiSend("POST", `/households/${encodeURIComponent(householdId)}/subsidy-payments`, body, SubsidyPaymentSchema),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: subsidyQueries.all() }),
        invalidateAfterWorkChange(queryClient),
      ]),
  });
}

/** A project's new rate from a month on (the office). */
export function useCreateStandard(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubsidyStandardCreate) =>
      apiSend("POST", `/projects/${encodeURIComponent(projectId)}/subsidy/standards`, body, SubsidyStandardSchema),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: subsidyQueries.all() }),
        invalidateAfterWorkChange(queryClient),
      ]),
  });
}
