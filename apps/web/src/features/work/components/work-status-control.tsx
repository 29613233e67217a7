import type { WorkStatus } from "@resettle/domain";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { StatusControl } from "../../../components/ui/status-control";
import { conflictCurrent } from "../../../lib/form-errors";
import { formatDate } from "../../../lib/format";
import { schemaOfWork, useUpdateWorkStatus, type WorkRef } from "../api/use-update-work-status";
import { CompleteDialog } from "./complete-dialog";
import { CompletionNote } from "./completion-note";
import { VerifyDialog } from "./verify-dialog";

/** What the user saw of the record when choosing: enough to say what changed meanwhile. */
export type WorkSnapshot = WorkRef & {
  title: string;
  dueDate: string;
  status: WorkStatus;
  blockedReason: string | null;
  version: number;
};

/** What a completion left on the record, as the page has it: shown under the status, used by 复核. */
export type CompletionInfo = {
  completedOn: string | null;
  note: string | null;
  by: string | null;
  /** The office's reason when it returned the last completion. */
  returnReason: string | null;
  verifiedBy?: string | null;
  evidenceCount?: number;
  fromReview: boolean;
  departmentName?: string | null;
};

type Props = {
  work: WorkSnapshot;
  /** Whether the server would accept a change from this user (its department, its role): it may also complete. */
  canUpdate: boolean;
  allowReopen: boolean;
  /** The office (`work.verify`): 复核 of records awaiting it. */
  canVerify?: boolean;
  completion?: CompletionInfo;
  onChanged?: () => void;
};

/** A milestone's or item's status, with the moves the rules allow; the conflict also compares due dates. */
export function WorkStatusControl({ work, canVerify = false, completion, ...access }: Props) {
  const { t } = useTranslation();
  const update = useUpdateWorkStatus();
  const [dialog, setDialog] = useState<"complete" | "verify" | null>(null);
  const completable = access.canUpdate && (work.status === "planned" || work.status === "in_progress");
  const verifiable = canVerify && work.status === "awaiting_verification";

  const readCurrent = (error: unknown): WorkSnapshot | null => {
    const current = conflictCurrent(error, schemaOfWork(work.type));
    return current && { ...work, ...current };
  };

  return (
    <>
      <StatusControl
        {...access}
        actions={
          <>
            {completable && (
              <Button size="small" className="no-print" onClick={() => setDialog("complete")}>
                {t("completion.button")}
              </Button>
            )}
            {verifiable && (
              <Button size="small" type="primary" className="no-print" onClick={() => setDialog("verify")}>
                {t("verification.button")}
              </Button>
            )}
          </>
        }
        record={work}
        mutation={update}
        variables={(_, change) => ({ ref: { type: work.type, id: work.id }, change })}
        readCurrent={readCurrent}
        textScope="work"
        formName={`block-${work.id}`}
        reasonPlaceholder={t("work.status.reasonPlaceholder")}
        moreConflictRows={(current) => [
          {
            key: "dueDate",
            label: t("work.conflict.dueDate"),
            mine: formatDate(work.dueDate),
            current: formatDate(current.dueDate),
          },
        ]}
      />
      {completion && <CompletionNote status={work.status} work={work} completion={completion} />}
      {dialog === "complete" && (
        <CompleteDialog
          work={{
            type: work.type,
            id: work.id,
            title: work.title,
            version: work.version,
            fromReview: !!completion?.fromReview,
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "verify" && (
        <VerifyDialog
          work={{
            type: work.type,
            id: work.id,
            title: work.title,
            version: work.version,
            completedOn: completion?.completedOn ?? null,
            note: completion?.note ?? null,
            by: completion?.by ?? null,
            ...(completion?.departmentName !== undefined ? { departmentName: completion.departmentName } : {}),
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
