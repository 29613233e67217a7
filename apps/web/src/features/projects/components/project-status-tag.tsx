import { CheckCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined, SyncOutlined } from "@ant-design/icons";
import type { ProjectStatus } from "@resettle/domain";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const LOOK: Record<ProjectStatus, { color: string; Icon: typeof SyncOutlined }> = {
  not_started: { color: "default", Icon: MinusCircleOutlined },
  in_progress: { color: "processing", Icon: SyncOutlined },
  stalled: { color: "error", Icon: ExclamationCircleOutlined },
  completed: { color: "success", Icon: CheckCircleOutlined },
};

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  const { color, Icon } = LOOK[status];
  return (
    <Tag color={color} icon={<Icon aria-hidden />}>
      {t(`enums.projectStatus.${status}`)}
    </Tag>
  );
}
