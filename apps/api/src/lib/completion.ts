import type { Item } from "@resettle/domain";
import { toIsoDate } from "./dates.js";

/** The columns of a completion, its verification and its return, as a select that `presentCompletion` presents. */
export const completionSelect = {
  completedOn: true,
  completionNote: true,
  verifiedAt: true,
  verifiedBy: { select: { displayName: true } },
  returnedAt: true,
  returnReason: true,
  returnedBy: { select: { displayName: true } },
  _count: { select: { evidence: { where: { withdrawnAt: null } } } },
} as const;

type CompletionRow = {
  completedOn: Date | null;
  completionNote: string | null;
  verifiedAt: Date | null;
  verifiedBy: { displayName: string } | null;
  returnedAt: Date | null;
  returnReason: string | null;
  returnedBy: { displayName: string } | null;
  _count: { evidence: number };
};

type CompletionFields = Pick<
  Item,
  "completedOn" | "completionNote" | "verifiedAt" | "verifiedBy" | "returned" | "evidenceCount"
>;

/** The completion as the API presents it (`CompletionFieldsSchema`). */
function presentCompletion(row: CompletionRow): CompletionFields {
  return {
    completedOn: row.completedOn ? toIsoDate(row.completedOn) : null,
    completionNote: row.completionNote,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    verifiedBy: row.verifiedBy?.displayName ?? null,
    returned: row.returnedAt
      ? { at: row.returnedAt.toISOString(), by: row.returnedBy?.displayName ?? null, reason: row.returnReason ?? "" }
      : null,
    evidenceCount: row._count.evidence,
  };
}

/** Splits a row into the completion's columns and the rest. */
export function splitCompletion<R extends CompletionRow>({
  completedOn,
  completionNote,
  verifiedAt,
  verifiedBy,
  returnedAt,
  returnReason,
  returnedBy,
  _count,
  ...rest
}: R) {
  return {
    completion: presentCompletion({
      completedOn,
      completionNote,
      verifiedAt,
      verifiedBy,
      returnedAt,
      returnReason,
      returnedBy,
      _count,
    }),
    rest,
  };
}
