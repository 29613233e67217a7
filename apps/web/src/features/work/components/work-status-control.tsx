import type { WorkStatus } from "@resettle/domain";
import { useTranslation } from "react-i18next";
import { StatusControl } from "../../../components/ui/status-control";
import { conflictCurrent } from "../../../lib/form-errors";
import { formatDate } from "../../../lib/format";
import { schemaOfWork, useUpdateWorkStatus, type WorkRef } from "../api/use-update-work-status";

/** What the user saw of the record when choosing: enough to say what changed meanwhile. */
export type WorkSnapshot = WorkRef & {
  title: string;
  dueDate: string;
  status: WorkStatus;
  blockedReason: string | null;
  version: number;
};

type Props = {
  work: WorkSnapshot;
  /** Whether the server would accept a change from this user (its department, its role). */
  canUpdate: boolean;
  allowReopen: boolean;
  onChanged?: () => void;
};

/** A milestone's or item's status, with the moves the rules allow; the conflict also compares due dates. */
export function WorkStatusControl({ work, ...access }: Props) {
  const { t } = useTranslation();
  const update = useUpdateWorkStatus();

  const readCurrent = (error: unknown): WorkSnapshot | null => {
    const current = conflictCurrent(error, schemaOfWork(work.type));
    return current && { ...work, ...current };
  };

  return (
    <StatusControl
      {...access}
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
  );
}
