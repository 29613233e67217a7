import type { ProjectHealth } from "@resettle/domain";
import { useTranslation } from "react-i18next";
import { HealthTag } from "../../../components/ui/health-tag";
import { describeHealthRule, healthSummaryKey } from "../lib/health-rules";

/** 预警状态: the colour with its word, and every rule that made it so ("why red"). */
export function HealthCard({ health }: { health: ProjectHealth }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="health-card">
      <p className="health-headline">
        <HealthTag level={health.level} />
        <span>{t(healthSummaryKey(health.level))}</span>
      </p>
      {health.rules.length > 0 && (
        <ol className="health-rules" aria-label={t("health.rulesLabel")}>
          {health.rules.map((rule) => (
            <li key={rule.code} className={`health-rule health-rule-${rule.level}`}>
              <HealthTag level={rule.level} />
              <span>{describeHealthRule(t, rule, i18n.language)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
