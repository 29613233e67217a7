import { DeleteOutlined } from "@ant-design/icons";
import type { Department, NamedRef, Person, Review, WorkingGroup } from "@resettle/domain";
import { Alert, App, Button, Card, Form, Input, Select, Space } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BoundedDatePicker } from "../../../components/ui/bounded-date-picker";
import { actionErrorMessage } from "../../../lib/error-message";
import { dateBoundsRule, requiredRule, textLimit } from "../../../lib/form-rules";
import { untilToday } from "../../../lib/plan-windows";
import { useCreateReview } from "../api/use-record-review";
import { applyNestedFieldErrors } from "../lib/nested-field-errors";
import { reviewIssueMessage } from "../lib/review-issue-message";
import { REVIEW_LIMITS, toReviewCreate, type ReviewedProjectValues, type ReviewFormValues } from "../lib/review-form";
import { AttendeePicker } from "./attendee-picker";
import { OpenTicketsNotice } from "../../tickets";
import { ReviewActionsEditor } from "./review-actions-editor";
import "../reviews.css";

type Props = {
  groups: WorkingGroup[];
  departments: Department[] | undefined;
  persons: Person[] | undefined;
  /** From the address: the group and the project the review starts with. */
  initialGroupId?: string | undefined;
  initialProjectId?: string | undefined;
  onSaved: (review: Review) => void;
  onCancel: () => void;
  /** Told when the user first changes something, and when the record is saved. */
  onDirtyChange?: (dirty: boolean) => void;
};

const emptyProject = (projectId: string): ReviewedProjectValues => ({
  projectId,
  findings: "",
  decisions: "",
  actions: [],
});

/** The group asked for, or else the one the asked-for project belongs to. */
function startingValues(groups: WorkingGroup[], groupId?: string, projectId?: string): ReviewFormValues {
  const group =
    groups.find((g) => g.id === groupId) ??
    (projectId ? groups.find((g) => g.projects.some((p) => p.id === projectId)) : undefined);
  const project = group?.projects.find((p) => p.id === projectId);
  return {
    groupId: group?.id,
    heldOn: dayjs(),
    attendeePersonIds: [],
    projects: project ? [emptyProject(project.id)] : [],
  };
}

/** 记录研判会: the meeting, who came, and for each project reviewed what was found, decided and assigned. */
export function ReviewForm(props: Props) {
  const { groups, departments, persons, initialGroupId, initialProjectId, onSaved, onCancel, onDirtyChange } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewFormValues>();
  const heldOnBounds = untilToday();
  const create = useCreateReview();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const groupId = Form.useWatch("groupId", form);
  const chosenProjects = Form.useWatch("projects", form) ?? [];
  const group = groups.find((g) => g.id === groupId);
  const projectName = (id: string) => group?.projects.find((p) => p.id === id)?.name ?? "";
  const available = (group?.projects ?? []).filter((p) => !chosenProjects.some((c) => c?.projectId === p.id));

  const submit = (values: ReviewFormValues) => {
    if (create.isPending) return; // Enter pressed again while the record is being sent
    setUnplaced([]);
    create.mutate(toReviewCreate(values), {
      onSuccess: (review) => {
        onDirtyChange?.(false);
        void message.success(t("reviews.form.saved"));
        onSaved(review);
      },
      onError: (error) => {
        const { placed, unplaced: rest } = applyNestedFieldErrors(
          form,
          error,
          t,
          (name, issue) => reviewIssueMessage(t, name, issue),
          (name) => name.at(-1) === "projectId",
        );
        setUnplaced(rest);
        if (!placed && rest.length === 0) void message.error(actionErrorMessage(t, error));
      },
    });
  };

  return (
    <Form<ReviewFormValues>
      form={form}
      name="review-form"
      layout="vertical"
      className="review-form"
      initialValues={startingValues(groups, initialGroupId, initialProjectId)}
      onFinish={submit}
      onFinishFailed={() => void message.error(t("reviews.form.invalid"))}
      onValuesChange={() => onDirtyChange?.(true)}
      // A record this long is saved with its button only: Enter in a field (a date just typed,
      // an action's title) must not send a half-written review.
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.target as HTMLElement).tagName === "INPUT") event.preventDefault();
      }}
      scrollToFirstError
    >
      <Card title={<h2 className="section-title">{t("reviews.form.meeting")}</h2>}>
        <Space size="large" wrap align="start">
          <Form.Item
            label={t("reviews.form.group")}
            name="groupId"
            rules={[{ required: true, message: t("reviews.form.groupRequired") }]}
          >
            <Select
              style={{ width: 360 }}
              popupMatchSelectWidth={false}
              options={groups.map((g) => ({ value: g.id, label: g.name }))}
              // Attendees and projects belong to a group: another group starts them afresh.
              onChange={() => form.setFieldsValue({ attendeePersonIds: [], projects: [] })}
            />
          </Form.Item>
          <Form.Item
            label={t("reviews.form.heldOn")}
            name="heldOn"
            rules={[{ required: true, message: t("reviews.form.heldOnRequired") }, dateBoundsRule(t, heldOnBounds)]}
          >
            <BoundedDatePicker bounds={heldOnBounds} />
          </Form.Item>
        </Space>
        <Form.Item
          label={t("reviews.form.attendees")}
          name="attendeePersonIds"
          extra={t("reviews.form.attendeesHint")}
          rules={[{ required: true, type: "array", min: 1, message: t("reviews.form.attendeesRequired") }]}
        >
          <AttendeePicker group={group} aria-label={t("reviews.form.attendees")} />
        </Form.Item>
      </Card>

      <Form.List
        name="projects"
        rules={[
          {
            validator: async (_, list: unknown[] | undefined) => {
              if (!list || list.length === 0) throw new Error(t("reviews.form.projectsRequired"));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <section className="review-form-projects" aria-label={t("reviews.form.projects")}>
            {fields.map((field, index) => {
              const id = form.getFieldValue(["projects", field.name, "projectId"]) as string;
              const name = projectName(id);
              return (
                <ReviewedProjectCard
                  key={field.key}
                  index={index}
                  fieldName={field.name}
                  project={{ id, name }}
                  departments={departments}
                  persons={persons}
                  onRemove={() => remove(field.name)}
                />
              );
            })}
            <Card size="small" className="review-add-project">
              <Form.Item label={t("reviews.form.addProject")} htmlFor="review-add-project" className="inline-field">
                <Select
                  id="review-add-project"
                  style={{ width: 320 }}
                  value={null}
                  disabled={!group || available.length === 0}
                  placeholder={
                    !group
                      ? t("reviews.form.chooseGroupFirst")
                      : available.length === 0
                        ? t("reviews.form.noMoreProjects")
                        : t("reviews.form.addProjectPlaceholder")
                  }
                  options={available.map((p) => ({ value: p.id, label: p.name }))}
                  onChange={(projectId: string | null) => projectId && add(emptyProject(projectId))}
                />
              </Form.Item>
              <div className="review-projects-error">
                <Form.ErrorList errors={errors} />
              </div>
            </Card>
          </section>
        )}
      </Form.List>

      {unplaced.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t("reviews.form.serverRefused")}
          description={unplaced.join(t("common.listSeparator"))}
        />
      )}
      <Space className="form-actions no-print">
        <Button type="primary" htmlType="submit" loading={create.isPending} disabled={create.isPending}>
          {t("reviews.form.submit")}
        </Button>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </Space>
    </Form>
  );
}

type CardProps = {
  index: number;
  fieldName: number;
  project: NamedRef;
  departments: Department[] | undefined;
  persons: Person[] | undefined;
  onRemove: () => void;
};

function ReviewedProjectCard({ index, fieldName, project, departments, persons, onRemove }: CardProps) {
  const { t } = useTranslation();
  const textLength = textLimit(t, REVIEW_LIMITS.text);
  const textRules = (required: string) => [requiredRule(t, required), textLength.rule];
  return (
    <Card
      className="review-project-card"
      title={
        <h2 className="section-title">{t("reviews.form.projectHeading", { index: index + 1, name: project.name })}</h2>
      }
      extra={
        <Button type="text" danger icon={<DeleteOutlined aria-hidden />} onClick={onRemove}>
          {t("reviews.form.removeProject")}
          <span className="sr-only">{` ${project.name}`}</span>
        </Button>
      }
    >
      <Form.Item name={[fieldName, "projectId"]} hidden>
        <Input />
      </Form.Item>
      <OpenTicketsNotice projectId={project.id} />
      <Form.Item
        label={t("reviews.form.findings")}
        name={[fieldName, "findings"]}
        rules={textRules(t("reviews.form.findingsRequired"))}
      >
        <Input.TextArea rows={3} count={textLength.count} placeholder={t("reviews.form.findingsPlaceholder")} />
      </Form.Item>
      <Form.Item
        label={t("reviews.form.decisions")}
        name={[fieldName, "decisions"]}
        rules={textRules(t("reviews.form.decisionsRequired"))}
      >
        <Input.TextArea rows={3} count={textLength.count} placeholder={t("reviews.form.decisionsPlaceholder")} />
      </Form.Item>
      <h3 className="subsection-title">{t("reviews.form.actions")}</h3>
      <p className="form-hint">{t("reviews.form.actionsHint")}</p>
      <ReviewActionsEditor
        projectIndex={fieldName}
        projectName={project.name}
        departments={departments}
        persons={persons}
      />
    </Card>
  );
}
