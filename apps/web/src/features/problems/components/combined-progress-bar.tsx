import type { CommonProblem } from "@resettle/domain";
import { Progress } from "antd";
import { useTranslation } from "react-i18next";
import { formatCount, formatPercent, withUnit } from "../../../lib/format";
import { combinedProgress } from "../lib/combined-progress";

/** Households moved back across all the problem's projects, as a bar with the figures beside. */
export function CombinedProgressBar({ projects }: { projects: CommonProblem["projects"] }) {
  const { t } = useTranslation();
  const { movedBack, totalHouseholds, percent } = combinedProgress(projects);
  const figures = t("commonProblems.progressFigures", {
    movedBack: formatCount(movedBack),
    total: withUnit(formatCount(totalHouseholds), t("units.households")),
  });
  return (
    <div className="combined-progress">
      <Progress
        percent={percent}
        size="small"
        status={percent >= 100 ? "success" : "normal"}
        format={() => formatPercent(percent)}
        aria-label={t("commonProblems.progressLabel", { figures, percent: formatPercent(percent) })}
      />
      <div className="figure-note">{figures}</div>
    </div>
  );
}
