import {
  AuditOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  MinusCircleOutlined,
  StopOutlined,
} from "@ant-design/icons";
import type { WorkStatus } from "@resettle/domain";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const LOOK: Record<WorkStatus, { color: string; Icon: typeof StopOutlined }> = {
  planned: { color: "default", Icon: MinusCircleOutlined },
  in_progress: { color: "processing", Icon: ClockCircleOutlined },
  done: { color: "success", Icon: CheckCircleOutlined },
  blocked: { color: "error", Icon: StopOutlined },
  awaiting_verification: { color: "warning", Icon: AuditOutlined },
};

export function WorkStatusTag({ status }: { status: WorkStatus }) {
  const { t } = useTranslation();
  const { color, Icon } = LOOK[status];
  return (
    <Tag color={color} icon={<Icon aria-hidden />}>
      {t(`enums.workStatus.${status}`)}
    </Tag>
  );
}
