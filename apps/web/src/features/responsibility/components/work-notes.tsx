import { TEXT_MAX, type WorkNote } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Form, Input, List, Tag, Typography } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import { requiredRule } from "../../../lib/form-rules";
import { inChinaTime } from "../../../lib/format";
import { responsibilityQueries, type NoteTarget } from "../api/responsibility.queries";
import { useAddWorkNote } from "../api/use-add-work-note";

const ROLE_COLOR = { lead: "blue", cooperating: "green", office: "purple" } as const;

type Props = {
  target: NoteTarget;
  /** The lead's or a cooperating department's coordinator, the office, the working group: as the server decides. */
  canWrite: boolean;
};

/**
 * 进展情况: the notes on a milestone, an item or a 督办单, oldest first — when, which department and whether
 * it leads or cooperates, what it wrote —, and for those who may write, a note to add. The
 * counter shows the limit but never cuts what was typed: a note too long is the server's to refuse.
 */
export function WorkNotes({ target, canWrite }: Props) {
  const { t } = useTranslation();
  const notes = useQuery(responsibilityQueries.notes(target));

  return (
    <section className="work-notes" aria-labelledby={`notes-${target.id}`}>
      <Typography.Title level={5} id={`notes-${target.id}`}>
        {t("cooperation.notes.title")}
      </Typography.Title>
      <List<WorkNote>
        size="small"
        loading={notes.isPending}
        locale={{ emptyText: notes.isError ? actionErrorMessage(t, notes.error) : t("cooperation.notes.empty") }}
        dataSource={notes.data ?? []}
        renderItem={(note) => (
          <List.Item>
            <div className="work-note">
              <div>
                <Typography.Text type="secondary">
                  {inChinaTime(note.at).format(t("cooperation.notes.timeFormat"))}
                </Typography.Text>{" "}
                {note.department && <Typography.Text strong>{note.department.name}</Typography.Text>}{" "}
                <Tag color={ROLE_COLOR[note.role]}>{t(`cooperation.roles.${note.role}`)}</Tag>
                {note.by && <Typography.Text type="secondary">{note.by}</Typography.Text>}
              </div>
              <Typography.Paragraph className="work-note-text">{note.text}</Typography.Paragraph>
            </div>
          </List.Item>
        )}
      />
      {canWrite && <AddWorkNote target={target} />}
    </section>
  );
}

function AddWorkNote({ target }: { target: NoteTarget }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const add = useAddWorkNote(target);
  // A second click before the first one's pending state renders sends nothing more.
  const sending = useRef(false);

  const submit = ({ text }: { text: string }) => {
    if (sending.current) return;
    sending.current = true;
    add.mutate(
      { text: text.trim() },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t("cooperation.notes.added"));
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, t)) void message.error(actionErrorMessage(t, error));
        },
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  return (
    <Form form={form} name={`note-${target.kind}-${target.id}`} layout="vertical" onFinish={submit}>
      <Form.Item
        label={t("cooperation.notes.add")}
        name="text"
        rules={[requiredRule(t, t("cooperation.notes.required"))]}
      >
        <Input.TextArea
          rows={3}
          count={{ show: true, max: TEXT_MAX.measure }}
          placeholder={t("cooperation.notes.placeholder")}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending} disabled={add.isPending}>
        {t("cooperation.notes.submit")}
      </Button>
    </Form>
  );
}
