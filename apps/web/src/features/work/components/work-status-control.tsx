import type { WorkStatus } from "@resettle/domain";
import { App, Form, Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConflictModal } from "../../../components/ui/conflict-modal";
import { FormModal } from "../../../components/ui/form-modal";
import { WorkStatusTag } from "../../../components/ui/work-status-tag";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { conflictCurrent } from "../../../lib/form-errors";
import { maxLengthRule, requiredRule } from "../../../lib/form-rules";
import { formatDate, NO_VALUE } from "../../../lib/format";
import { schemaOfWork, useUpdateWorkStatus, type StatusChange, type WorkRef } from "../api/use-update-work-status";
import { canReapply, legalMoves, needsReason } from "../lib/legal-moves";

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

type Conflict = { mine: StatusChange; current: WorkSnapshot };

/**
 * A status shown as a tag, with a choice of the moves the rules allow for those who may
 * make them. Blocking asks for the reason; a 409 shows what changed meanwhile and offers
 * to make the same move on the record as it is now.
 */
export function WorkStatusControl({ work, canUpdate, allowReopen, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateWorkStatus();
  const [blocking, setBlocking] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [reasonForm] = Form.useForm<{ note: string }>();
  const moves = canUpdate ? legalMoves(work.status, { allowReopen }) : [];

  const send = (base: WorkSnapshot, change: Omit<StatusChange, "version">) => {
    const full = { ...change, version: base.version };
    update.mutate(
      { ref: { type: work.type, id: work.id }, change: full },
      {
        onSuccess: () => {
          setBlocking(false);
          setConflict(null);
          void message.success(t("work.status.saved", { status: t(`enums.workStatus.${change.status}`) }));
          onChanged?.();
        },
        onError: (error) => {
          const current = conflictCurrent(error, schemaOfWork(work.type));
          if (current) {
            setBlocking(false);
            const title = "title" in current ? current.title : current.problem;
            const dueDate = "dueDate" in current ? current.dueDate : current.deadline;
            setConflict({ mine: full, current: { ...work, ...current, title, dueDate } });
            onChanged?.();
            return;
          }
          const noteIssue = isApiError(error) && error.details.some((d) => d.path === "body.note");
          if (blocking && noteIssue) {
            reasonForm.setFields([{ name: "note", errors: [t("work.status.reasonRequired")] }]);
            return;
          }
          if (isApiError(error) && error.isConflict) onChanged?.();
          void message.error(actionErrorMessage(t, error));
        },
      },
    );
  };

  const choose = (to: WorkStatus) => {
    if (needsReason(to)) setBlocking(true);
    else send(work, { status: to });
  };

  const reapplicable = conflict && canReapply(conflict.current.status, conflict.mine, { allowReopen });
  const statusText = (status: WorkStatus) => t(`enums.workStatus.${status}`);

  return (
    <div className="work-status">
      <Space size={4} wrap>
        <WorkStatusTag status={work.status} />
        {moves.length > 0 && (
          <Select<WorkStatus>
            className="work-status-select no-print"
            size="small"
            value={null}
            placeholder={t("work.status.changeTo")}
            aria-label={t("work.status.changeLabel", { title: work.title })}
            loading={update.isPending}
            disabled={update.isPending}
            popupMatchSelectWidth={false}
            options={moves.map((to) => ({ value: to, label: statusText(to) }))}
            onChange={choose}
          />
        )}
      </Space>
      {work.status === "blocked" && work.blockedReason && (
        <Typography.Text type="danger" className="blocked-reason">
          {t("work.status.blockedBecause", { reason: work.blockedReason })}
        </Typography.Text>
      )}
      {blocking && (
        <FormModal<{ note: string }>
          name={`block-${work.id}`}
          title={t("work.status.blockTitle", { title: work.title })}
          form={reasonForm}
          saving={update.isPending}
          okText={t("work.status.blockSubmit")}
          onSubmit={({ note }) => send(work, { status: "blocked", note: note.trim() })}
          onCancel={() => setBlocking(false)}
        >
          <Form.Item
            label={t("work.status.reason")}
            name="note"
            rules={[requiredRule(t, t("work.status.reasonRequired")), maxLengthRule(t, 500)]}
          >
            <Input.TextArea autoFocus rows={3} placeholder={t("work.status.reasonPlaceholder")} />
          </Form.Item>
        </FormModal>
      )}
      {conflict && (
        <ConflictModal
          description={reapplicable ? t("work.conflict.description") : t("work.conflict.cannotReapply")}
          okText={reapplicable ? t("work.conflict.reapply") : t("work.conflict.close")}
          saving={update.isPending}
          rows={[
            {
              key: "status",
              label: t("work.conflict.status"),
              mine: statusText(conflict.mine.status),
              current: statusText(conflict.current.status),
            },
            {
              key: "reason",
              label: t("work.status.reason"),
              mine: conflict.mine.note ?? NO_VALUE,
              current: conflict.current.blockedReason ?? NO_VALUE,
            },
            { key: "title", label: t("work.conflict.title"), mine: work.title, current: conflict.current.title },
            {
              key: "dueDate",
              label: t("work.conflict.dueDate"),
              mine: formatDate(work.dueDate),
              current: formatDate(conflict.current.dueDate),
            },
          ]}
          onReload={() => {
            if (!reapplicable) return setConflict(null);
            const { status, note } = conflict.mine;
            send(conflict.current, note === undefined ? { status } : { status, note });
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </div>
  );
}
