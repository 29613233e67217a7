import type { WorkStatus } from "@resettle/domain";
import { Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, NO_VALUE } from "../../../lib/format";
import type { WorkRef } from "../api/use-update-work-status";
import { EvidenceList } from "./evidence-list";
import type { CompletionInfo } from "./work-status-control";

type Props = { status: WorkStatus; work: WorkRef; completion: CompletionInfo };

/**
 * Under a record's status: the completion's day and note (done or 待复核), who verified it, the
 * office's reason when it returned it, and its evidence on demand.
 */
export function CompletionNote({ status, work, completion }: Props) {
  const { t } = useTranslation();
  const [showEvidence, setShowEvidence] = useState(false);
  const completed = (status === "done" || status === "awaiting_verification") && completion.completedOn;
  return (
    <div className="completion-note">
      {completed && (
        <Typography.Text type="secondary">
          {t("completion.completedNote", {
            date: formatDate(completion.completedOn),
            note: completion.note ?? NO_VALUE,
          })}
          {status === "done" &&
            completion.verifiedBy &&
            ` · ${t("completion.verified", { by: completion.verifiedBy })}`}
        </Typography.Text>
      )}
      {completion.returnReason && status !== "done" && status !== "awaiting_verification" && (
        <Typography.Text type="warning">
          {t("completion.returned", { reason: completion.returnReason })}
        </Typography.Text>
      )}
      {(completion.evidenceCount ?? 0) > 0 && (
        <Typography.Link onClick={() => setShowEvidence((v) => !v)}>
          {t("evidence.count", { count: completion.evidenceCount })}
        </Typography.Link>
      )}
      {showEvidence && <EvidenceList work={work} canWithdraw={false} />}
    </div>
  );
}
