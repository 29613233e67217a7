import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { YearAssessment } from "./assess-year";

const ICONS: Record<YearAssessment, typeof CheckCircleOutlined> = {
  not_begun: MinusCircleOutlined,
  in_progress: ClockCircleOutlined,
  on_plan: CheckCircleOutlined,
  behind_plan: WarningOutlined,
  below_floor: ExclamationCircleOutlined,
};

/** Icon and words, never colour alone: a printout in black and white still says it. */
export function AssessmentLabel({ assessment }: { assessment: YearAssessment }) {
  const { t } = useTranslation();
  const Icon = ICONS[assessment];
  return (
    <span className={`assessment assessment-${assessment}`}>
      <Icon aria-hidden /> {t(`dashboard.assessment.${assessment}`)}
    </span>
  );
}
