import type { Dashboard } from "@resettle/domain";
import { Card, Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { formatCount, formatPercent } from "../../../lib/format";

type Props = { totals: Dashboard["totals"] };

export function HeadlineStats({ totals }: Props) {
  const { t } = useTranslation();
  const stats = [
    { key: "projects", value: formatCount(totals.projects), suffix: t("units.projects") },
    { key: "households", value: formatCount(totals.households), suffix: t("units.households") },
    { key: "movedBack", value: formatCount(totals.movedBack), suffix: t("units.households") },
    { key: "movedBackPercent", value: formatPercent(totals.movedBackPercent), suffix: undefined },
  ] as const;
  return (
    <section aria-label={t("dashboard.stats.label")}>
      <Row gutter={[16, 16]} className="headline-stats">
        {stats.map((stat) => (
          <Col key={stat.key} xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t(`dashboard.stats.${stat.key}`)}
                value={stat.value}
                suffix={stat.suffix || undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}
