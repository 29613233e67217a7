import type { WorkingGroup } from "@resettle/domain";
import { App, Select } from "antd";
import { useTranslation } from "react-i18next";
import { actionErrorMessage } from "../../../lib/error-message";
import { useAssignGroup } from "../api/use-assign-group";

type Props = { projectId: string; projectName: string; groups: WorkingGroup[] | undefined };

/** 分配工作组: the office chooses a group for a queued project without one, and confirms. */
export function AssignGroupControl({ projectId, projectName, groups }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const assign = useAssignGroup();

  const confirm = (groupId: string) => {
    const group = groups?.find((g) => g.id === groupId);
    if (!group) return;
    modal.confirm({
      title: t("queue.assign.confirm", { project: projectName, group: group.name }),
      okText: t("queue.assign.ok"),
      cancelText: t("common.cancel"),
      onOk: () =>
        assign
          .mutateAsync(
            { group, projectId },
            {
              onSuccess: () =>
                void message.success(t("queue.assign.done", { project: projectName, group: group.name })),
              onError: (error) => void message.error(actionErrorMessage(t, error)),
            },
          )
          .catch(() => undefined),
    });
  };

  return (
    <Select
      size="small"
      className="no-print"
      style={{ minWidth: 180 }}
      popupMatchSelectWidth={false}
      aria-label={`${t("queue.assign.label")} ${projectName}`}
      placeholder={t("queue.assign.placeholder")}
      loading={!groups || assign.isPending}
      disabled={assign.isPending}
      notFoundContent={t("queue.assign.noGroups")}
      // Always empty: choosing asks for confirmation, and the row then shows the group.
      value={null}
      options={groups?.map((g) => ({ value: g.id, label: g.name }))}
      onChange={(groupId: string | null) => groupId && confirm(groupId)}
    />
  );
}
