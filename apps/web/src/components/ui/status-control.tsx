import { TEXT_MAX, type WorkStatus } from "@resettle/domain";
import { App, Form, Input, Select, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../lib/api-error";
import { actionErrorMessage } from "../../lib/error-message";
import { requiredRule, textLimit } from "../../lib/form-rules";
import { NO_VALUE } from "../../lib/format";
import type zhCN from "../../lib/i18n/zh-CN.json";
import { canReapply, legalMoves, needsReason } from "../../lib/legal-moves";
import { CellText } from "./cell-text";
import { ConflictModal, type ConflictRow } from "./conflict-modal";
import { FormModal } from "./form-modal";
import { WorkStatusTag } from "./work-status-tag";

/** What the control shows of a record; `version` is the one a move is based on. */
export type StatusRecord = {
  id: string;
  title: string;
  status: WorkStatus;
  blockedReason: string | null;
  version: number;
};
export type StatusMove = { status: WorkStatus; note?: string };

type Texts = {
  status: Record<
    | "changeTo"
    | "changeLabel"
    | "saved"
    | "blockedBecause"
    | "blockTitle"
    | "blockSubmit"
    | "reason"
    | "reasonRequired",
    string
  >;
  conflict: Record<"description" | "cannotReapply" | "reapply" | "close" | "status" | "title", string>;
};
type Translations = typeof zhCN;
/** The parts of the translations that hold a status control's texts (`<scope>.status.*`, `<scope>.conflict.*`). */
type StatusTextScope = {
  [K in keyof Translations]: Translations[K] extends Texts ? K : never;
}[keyof Translations];

/**
 * The feature's update mutation (react-query's fits): how to start it, and whether it runs.
 * `mutateAsync`, not `mutate` with callbacks: a move that takes the record out of the list it
 * is shown in (done, in My work) unmounts this control before the refresh ends, and react-query
 * drops a `mutate` call's callbacks once its component is gone — the user would hear nothing.
 */
type Mutation<V> = {
  mutateAsync: (variables: V) => Promise<unknown>;
  isPending: boolean;
};

type Props<R extends StatusRecord, V> = {
  record: R;
  /** Whether the server would accept a change from this user. */
  canUpdate: boolean;
  allowReopen: boolean;
  /** Whether done needs a completion (milestones and items, the default) or is a status like the others (common problems). */
  completionRequired?: boolean;
  /** Actions beside the status (完成, 复核). */
  actions?: ReactNode;
  onChanged?: () => void;
  mutation: Mutation<V>;
  /** The mutation's variables for a move made on `base`, with the version the user saw. */
  variables: (base: R, move: StatusMove & { version: number }) => V;
  /** On a 409, the record as it is now, or null when the answer does not hold one. */
  readCurrent: (error: unknown) => R | null;
  textScope: StatusTextScope;
  /** Names the reason form: antd derives the field's id from it. */
  formName: string;
  reasonPlaceholder?: string;
  /** What else the conflict compares, after status, reason and title. */
  moreConflictRows?: (current: R) => ConflictRow[];
};

type Conflict<R> = { mine: StatusMove; current: R };

/**
 * A status shown as a tag, with a choice of the moves the rules allow for those who may
 * make them. Blocking asks for the reason; a 409 shows what changed meanwhile and offers
 * to make the same move on the record as it is now.
 */
export function StatusControl<R extends StatusRecord, V>(props: Props<R, V>) {
  const { record, canUpdate, allowReopen, completionRequired = true, onChanged, mutation, textScope: scope } = props;
  const { t } = useTranslation();
  const reasonLimit = textLimit(t, TEXT_MAX.note);
  const { message } = App.useApp();
  const [blocking, setBlocking] = useState(false);
  const [conflict, setConflict] = useState<Conflict<R> | null>(null);
  const [reasonForm] = Form.useForm<{ note: string }>();
  const moves = canUpdate ? legalMoves(record.status, { allowReopen, completionRequired }) : [];
  const statusText = (status: WorkStatus) => t(`enums.workStatus.${status}`);

  const send = (base: R, change: StatusMove) =>
    mutation.mutateAsync(props.variables(base, { ...change, version: base.version })).then(
      () => {
        setBlocking(false);
        setConflict(null);
        void message.success(t(`${scope}.status.saved`, { status: statusText(change.status) }));
        onChanged?.();
      },
      (error: unknown) => {
        const current = props.readCurrent(error);
        if (current) {
          setBlocking(false);
          setConflict({ mine: change, current });
          onChanged?.();
          return;
        }
        const noteIssue = isApiError(error) && error.details.some((d) => d.path === "body.note");
        if (blocking && noteIssue) {
          reasonForm.setFields([{ name: "note", errors: [t(`${scope}.status.reasonRequired`)] }]);
          return;
        }
        if (isApiError(error) && error.isConflict) onChanged?.();
        void message.error(actionErrorMessage(t, error));
      },
    );

  const choose = (to: WorkStatus) => {
    if (needsReason(to)) setBlocking(true);
    else send(record, { status: to });
  };

  const reapplicable =
    conflict && canReapply(conflict.current.status, conflict.mine, { allowReopen, completionRequired });

  return (
    <div className="work-status">
      <Space size={4} wrap>
        <WorkStatusTag status={record.status} />
        {moves.length > 0 && (
          <Select<WorkStatus>
            className="work-status-select no-print"
            size="small"
            value={null}
            placeholder={t(`${scope}.status.changeTo`)}
            aria-label={t(`${scope}.status.changeLabel`, { title: record.title })}
            loading={mutation.isPending}
            disabled={mutation.isPending}
            popupMatchSelectWidth={false}
            options={moves.map((to) => ({ value: to, label: statusText(to) }))}
            onChange={choose}
          />
        )}
        {props.actions}
      </Space>
      {record.status === "blocked" && record.blockedReason && (
        <Typography.Text type="danger" className="blocked-reason">
          <CellText
            text={t(`${scope}.status.blockedBecause`, { reason: record.blockedReason })}
            minWidth={120}
            maxWidth={260}
          />
        </Typography.Text>
      )}
      {blocking && (
        <FormModal<{ note: string }>
          name={props.formName}
          title={t(`${scope}.status.blockTitle`, { title: record.title })}
          form={reasonForm}
          saving={mutation.isPending}
          okText={t(`${scope}.status.blockSubmit`)}
          onSubmit={({ note }) => send(record, { status: "blocked", note: note.trim() })}
          onCancel={() => setBlocking(false)}
        >
          <Form.Item
            label={t(`${scope}.status.reason`)}
            name="note"
            rules={[requiredRule(t, t(`${scope}.status.reasonRequired`)), reasonLimit.rule]}
          >
            <Input.TextArea autoFocus rows={3} count={reasonLimit.count} placeholder={props.reasonPlaceholder} />
          </Form.Item>
        </FormModal>
      )}
      {conflict && (
        <ConflictModal
          description={t(reapplicable ? `${scope}.conflict.description` : `${scope}.conflict.cannotReapply`)}
          okText={t(reapplicable ? `${scope}.conflict.reapply` : `${scope}.conflict.close`)}
          saving={mutation.isPending}
          rows={[
            {
              key: "status",
              label: t(`${scope}.conflict.status`),
              mine: statusText(conflict.mine.status),
              current: statusText(conflict.current.status),
            },
            {
              key: "reason",
              label: t(`${scope}.status.reason`),
              mine: conflict.mine.note ?? NO_VALUE,
              current: conflict.current.blockedReason ?? NO_VALUE,
            },
            {
              key: "title",
              label: t(`${scope}.conflict.title`),
              mine: record.title,
              current: conflict.current.title,
            },
            ...(props.moreConflictRows?.(conflict.current) ?? []),
          ]}
          onReload={() => (reapplicable ? send(conflict.current, conflict.mine) : setConflict(null))}
          onCancel={() => setConflict(null)}
        />
      )}
    </div>
  );
}
