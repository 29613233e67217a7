import type { PlanWindows } from "@resettle/domain";
import { App, Button, Form } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/ui/form-modal";
import { actionErrorMessage } from "../../../lib/error-message";
import { applyFieldErrors } from "../../../lib/form-errors";
import type { ReportValues } from "../lib/report-values";
import { ReportProgressFields } from "./report-progress-fields";
import { reportIssueMessage, useSubmitOnce, type ProjectFigures } from "./report-progress-form";

type Props = { projectId: string; project: ProjectFigures; windows: PlanWindows };

/**
 * 更正: takes households back out of the ledger (reported twice, moved out again). Its own
 * button and dialog, always with a reason; the entry is kept beside the one it corrects.
 */
export function CorrectProgressDialog(props: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="no-print" onClick={() => setOpen(true)} disabled={props.project.movedBack === 0}>
        {t("progress.correct.open")}
      </Button>
      {open && <CorrectProgressModal {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

function CorrectProgressModal({ projectId, project, windows, onClose }: Props & { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const { submit, isPending } = useSubmitOnce(projectId, "correction");

  const onSubmit = (values: ReportValues) =>
    submit(values, {
      onSuccess: () => {
        void message.success(t("progress.form.corrected"));
        onClose();
      },
      onError: (error) => {
        if (!applyFieldErrors(form, error, t, (issue) => reportIssueMessage(t, issue)))
          void message.error(actionErrorMessage(t, error));
      },
    });

  return (
    <FormModal<ReportValues>
      name={`correct-progress-${projectId}`}
      title={t("progress.correct.title")}
      form={form}
      initialValues={{ reportedOn: dayjs(windows.today) }}
      saving={isPending}
      okText={t("progress.correct.submit")}
      onSubmit={onSubmit}
      onCancel={onClose}
    >
      <p className="form-hint">{t("progress.correct.hint")}</p>
      <ReportProgressFields
        windows={windows}
        householdsLabel={t("progress.correct.households")}
        maximum={project.movedBack}
        tooMany={t("progress.correct.tooMany", { maximum: project.movedBack })}
        reasonAlways={{
          label: t("progress.correct.reason"),
          placeholder: t("progress.form.reasonPlaceholder"),
          required: t("progress.form.reasonRequired"),
        }}
      />
    </FormModal>
  );
}
