import {
  TEXT_MAX,
  ticketMovesFrom,
  UtilityTicketSchema,
  type TicketStatus,
  type UtilityTicket,
} from "@resettle/domain";
import { Alert, App, Form, Input, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { isApiError } from "../../../lib/api-error";
import { actionErrorMessage } from "../../../lib/error-message";
import { fieldIssueMessage } from "../../../lib/field-issue-message";
import { applyFieldErrors, conflictCurrent } from "../../../lib/form-errors";
import { requiredRule, textLimit } from "../../../lib/form-rules";
import { useMoveTicket } from "../api/use-tickets";

type Values = { status: TicketStatus; note?: string };

/** 办理: moves a ticket on (处理中, 已解决, 住户确认) or reopens it, which needs the reason. */
export function MoveTicketDialog({ ticket, onClose }: { ticket: UtilityTicket; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const move = useMoveTicket();
  const [failure, setFailure] = useState<string | null>(null);
  const status = Form.useWatch("status", form);
  const reopening = status === "open";
  const noteLimit = textLimit(t, TEXT_MAX.note);

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      await move.mutateAsync({
        id: ticket.id,
        body: {
          status: values.status,
          ...(values.note?.trim() ? { note: values.note.trim() } : {}),
          version: ticket.version,
        },
      });
      void message.success(t("tickets.moved", { status: t(`tickets.statuses.${values.status}`) }));
      onClose();
    } catch (error) {
      const current = conflictCurrent(error, UtilityTicketSchema);
      if (current) {
        setFailure(t("tickets.conflict", { status: t(`tickets.statuses.${current.status}`) }));
        return;
      }
      if (applyFieldErrors(form, error, t)) return;
      const issue = isApiError(error) ? error.details[0] : undefined;
      setFailure(issue ? fieldIssueMessage(t, issue) : actionErrorMessage(t, error));
    }
  };

  return (
    <FormModal<Values>
      name={`move-ticket-${ticket.id}`}
      title={t("tickets.moveTitle", { kind: t(`tickets.kinds.${ticket.kind}`), project: ticket.projectName })}
      form={form}
      saving={move.isPending}
      okText={t("tickets.moveOk")}
      onSubmit={(values) => void submit(values)}
      onCancel={onClose}
    >
      <p className="form-hint-block">{ticket.description}</p>
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      <Form.Item
        label={t("tickets.moveTo")}
        name="status"
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Select
          options={ticketMovesFrom(ticket.status).map((s) => ({
            value: s,
            label: s === "open" ? t("tickets.reopen") : t(`tickets.statuses.${s}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={reopening ? t("tickets.reopenReason") : t("tickets.note")}
        name="note"
        rules={reopening ? [requiredRule(t), noteLimit.rule] : [noteLimit.rule]}
      >
        <Input.TextArea rows={2} count={noteLimit.count} />
      </Form.Item>
    </FormModal>
  );
}
