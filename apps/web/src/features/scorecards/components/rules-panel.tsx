import { can, type ScoringRuleSet } from "@resettle/domain";
import type { UseQueryResult } from "@tanstack/react-query";
import { Button, Collapse, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../../components/ui/error-result";
import { SectionCard } from "../../../components/ui/section-card";
import { formatDate } from "../../../lib/format";
import { useSessionUser } from "../../auth";
import { ReviseRulesDialog } from "./revise-rules-dialog";
import { RulesDescription } from "./rules-description";

type Props = {
  /** The version the scores beside were computed with. */
  used: ScoringRuleSet;
  versions: UseQueryResult<ScoringRuleSet[]>;
};

/**
 * 评分细则: the version the scores were computed with, in words; every version before and
 * after it; and, for the office, 修订评分细则 (a new version from a day on).
 */
export function RulesPanel({ used, versions }: Props) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [revising, setRevising] = useState(false);
  const latest = versions.data?.[0];
  return (
    <SectionCard
      title={t("scorecards.rules.title")}
      extra={
        can(user, "scoring.manage") && (
          <Button className="no-print" onClick={() => setRevising(true)} disabled={!latest}>
            {t("scorecards.revise.button")}
          </Button>
        )
      }
    >
      <RulesDescription set={used} />
      {versions.isError ? (
        <ErrorResult compact error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <Collapse
          className="score-history no-print"
          size="small"
          items={[
            {
              key: "history",
              label: t("scorecards.history.title", { count: versions.data?.length ?? 0 }),
              children: (
                <Collapse
                  size="small"
                  accordion
                  aria-label={t("scorecards.history.title", { count: versions.data?.length ?? 0 })}
                  items={versions.data?.map((set) => ({
                    key: set.id,
                    label: (
                      <>
                        {t("scorecards.rules.versionFrom", {
                          version: set.version,
                          date: formatDate(set.effectiveFrom),
                        })}
                        {set.version === used.version && (
                          <Tag color="blue" className="score-used-tag">
                            {t("scorecards.history.used")}
                          </Tag>
                        )}
                      </>
                    ),
                    children: <RulesDescription set={set} />,
                  }))}
                />
              ),
            },
          ]}
        />
      )}
      {revising && latest && <ReviseRulesDialog base={latest} onClose={() => setRevising(false)} />}
    </SectionCard>
  );
}
