import { ThunderboltOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useTranslation } from "react-i18next";
import { actionErrorMessage } from "../../../lib/error-message";
import { useRunAlerts } from "../api/use-notifications";

/**
 * 立即运行预警 (the office): the rules now rather than at the job's next turn. Each alert is
 * raised once, so a second run soon after raises none; a run while another holds the job is skipped.
 */
export function RunAlertsButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useRunAlerts();
  const onClick = () =>
    run.mutate(undefined, {
      onSuccess: (result) =>
        void (result.skipped
          ? message.warning(t("alerts.run.skipped"))
          : message.success(t("alerts.run.done", { raised: result.raised, notified: result.notified }))),
      onError: (error) => void message.error(actionErrorMessage(t, error)),
    });
  return (
    <Button icon={<ThunderboltOutlined />} loading={run.isPending} onClick={onClick}>
      {t("alerts.run.button")}
    </Button>
  );
}
