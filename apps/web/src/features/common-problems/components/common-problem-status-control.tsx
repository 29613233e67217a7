import { CommonProblemSchema, type CommonProblem, type WorkStatus } from "@resettle/domain";
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
import { NO_VALUE } from "../../../lib/format";
import { useUpdateCommonProblem } from "../api/use-save-common-problem";
import { statusMoves, stillApplies } from "../lib/status-moves";

type Props = {
  problem: CommonProblem;
  /** The office, the working group, and the responsible department's coordinator. */
  canUpdate: boolean;
  allowReopen: boolean;
  onChanged?: () => void;
};

type Change = { status: WorkStatus; note?: string };

/**
 * A common problem's status as a tag, with the moves the rules allow for those who may make
 * them; blocking asks for the reason, a 409 shows what changed and offers to move it again.
 */
export function CommonProblemStatusControl({ problem, canUpdate, allowReopen, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateCommonProblem();
  const [blocking, setBlocking] = useState(false);
  const [conflict, setConflict] = useState<{ mine: Change; current: CommonProblem } | null>(null);
  const [reasonForm] = Form.useForm<{ note: string }>();
  const moves = canUpdate ? statusMoves(problem.status, { allowReopen }) : [];
  const statusText = (status: WorkStatus) => t(`enums.workStatus.${status}`);

  const send = (base: CommonProblem, change: Change) =>
    update.mutate(
      { id: base.id, changes: { ...change, version: base.version } },
      {
        onSuccess: () => {
          setBlocking(false);
          setConflict(null);
          void message.success(t("commonProblems.status.saved", { status: statusText(change.status) }));
          onChanged?.();
        },
        onError: (error) => {
          const current = conflictCurrent(error, CommonProblemSchema);
          if (current) {
            setBlocking(false);
            setConflict({ mine: change, current });
            onChanged?.();
            return;
          }
          if (blocking && isApiError(error) && error.details.some((d) => d.path === "body.note")) {
            reasonForm.setFields([{ name: "note", errors: [t("commonProblems.status.reasonRequired")] }]);
            return;
          }
          void message.error(actionErrorMessage(t, error));
        },
      },
    );

  const choose = (to: WorkStatus) => {
    if (to === "blocked") setBlocking(true);
    else send(problem, { status: to });
  };
  const reapplicable = conflict && stillApplies(conflict.current.status, conflict.mine, { allowReopen });

  return (
    <div className="work-status">
      <Space size={4} wrap>
        <WorkStatusTag status={problem.status} />
        {moves.length > 0 && (
          <Select<WorkStatus>
            className="work-status-select no-print"
            size="small"
            value={null}
            placeholder={t("commonProblems.status.changeTo")}
            aria-label={t("commonProblems.status.changeLabel", { title: problem.title })}
            loading={update.isPending}
            disabled={update.isPending}
            popupMatchSelectWidth={false}
            options={moves.map((to) => ({ value: to, label: statusText(to) }))}
            onChange={choose}
          />
        )}
      </Space>
      {problem.status === "blocked" && problem.blockedReason && (
        <Typography.Text type="danger" className="blocked-reason">
          {t("commonProblems.status.blockedBecause", { reason: problem.blockedReason })}
        </Typography.Text>
      )}
      {blocking && (
        <FormModal<{ note: string }>
          name={`block-common-problem-${problem.id}`}
          title={t("commonProblems.status.blockTitle", { title: problem.title })}
          form={reasonForm}
          saving={update.isPending}
          okText={t("commonProblems.status.blockSubmit")}
          onSubmit={({ note }) => send(problem, { status: "blocked", note: note.trim() })}
          onCancel={() => setBlocking(false)}
        >
          <Form.Item
            label={t("commonProblems.status.reason")}
            name="note"
            rules={[requiredRule(t, t("commonProblems.status.reasonRequired")), maxLengthRule(t, 500)]}
          >
            <Input.TextArea autoFocus rows={3} />
          </Form.Item>
        </FormModal>
      )}
      {conflict && (
        <ConflictModal
          description={t(
            reapplicable ? "commonProblems.conflict.description" : "commonProblems.conflict.cannotReapply",
          )}
          okText={t(reapplicable ? "commonProblems.conflict.reapply" : "commonProblems.conflict.close")}
          saving={update.isPending}
          rows={[
            {
              key: "status",
              label: t("commonProblems.columns.status"),
              mine: statusText(conflict.mine.status),
              current: statusText(conflict.current.status),
            },
            {
              key: "reason",
              label: t("commonProblems.status.reason"),
              mine: conflict.mine.note ?? NO_VALUE,
              current: conflict.current.blockedReason ?? NO_VALUE,
            },
            {
              key: "title",
              label: t("commonProblems.columns.title"),
              mine: problem.title,
              current: conflict.current.title,
            },
          ]}
          onReload={() => (reapplicable ? send(conflict.current, conflict.mine) : setConflict(null))}
          onCancel={() => setConflict(null)}
        />
      )}
    </div>
  );
}
