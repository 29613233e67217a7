import { COOPERATORS_MAX, type Notice } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Form } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";
import { FormModal } from "../../../components/ui/form-modal";
import { departmentsQueries } from "../../organisation";
import { useSetNoticeCooperators } from "../api/use-set-notice-cooperators";
import { stepFailure } from "./step-failure";

type Values = { departmentIds: string[] };

/**
 * 设置配合单位 of a notice (the office): the whole set at once. The department it is issued to
 * leads and is not offered; a refusal lands on the field, a 409 (closed meanwhile) says so.
 */
export function NoticeCooperatorsDialog({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetNoticeCooperators(notice.id);
  const departments = useQuery(departmentsQueries.list());
  const [failure, setFailure] = useState<string | null>(null);
  const offered = departments.data?.filter((d) => d.id !== notice.department.id);

  const submit = ({ departmentIds }: Values) => {
    setFailure(null);
    save.mutate(
      { departmentIds },
      {
        onSuccess: () => {
          void message.success(t("cooperation.saved"));
          onClose();
        },
        onError: (error) => setFailure(stepFailure(t, error, form)),
      },
    );
  };

  return (
    <FormModal<Values>
      name="notice-cooperators"
      title={t("cooperation.modalTitle", { name: notice.number })}
      form={form}
      initialValues={{ departmentIds: notice.cooperating.map((d) => d.id) }}
      saving={save.isPending}
      onSubmit={submit}
      onCancel={onClose}
    >
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-alert" />}
      <p className="form-hint-block">{t("notices.cooperatingHint")}</p>
      <Form.Item
        label={t("notices.cooperating")}
        name="departmentIds"
        rules={[{ type: "array", max: COOPERATORS_MAX, message: t("cooperation.tooMany", { max: COOPERATORS_MAX }) }]}
      >
        <DepartmentSelect<string[]>
          autoFocus
          mode="multiple"
          allowClear
          departments={departments.isError ? [] : offered}
          placeholder={t("cooperation.placeholder")}
        />
      </Form.Item>
    </FormModal>
  );
}
