import type { Dashboard, HealthLevel } from "@resettle/domain";
import { Card, Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { HealthTag } from "../../../components/ui/health-tag";
import { SectionCard } from "../../../components/ui/section-card";
import { formatCount } from "../../../lib/format";

type Props = { health: Dashboard["health"]; overdue: Dashboard["overdue"] };

const LEVELS: HealthLevel[] = ["red", "amber", "green"];

/** 预警情况: projects by colour (each project page says why) and the work past its date. */
export function HealthOverview({ health, overdue }: Props) {
  const { t } = useTranslation();
  return (
    <SectionCard
      title={t("dashboard.health.title")}
      extra={
        <Link to="/projects" className="no-print">
          {t("dashboard.health.toProjects")}
        </Link>
      }
    >
      <Row gutter={[16, 16]} className="health-overview">
        {LEVELS.map((level) => (
          <Col key={level} xs={12} md={8} lg={4}>
            <Card size="small" className={`health-tile health-tile-${level}`}>
              <Statistic
                title={<HealthTag level={level} />}
                value={formatCount(health[level])}
                suffix={t("units.projects") || undefined}
              />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={8} lg={6}>
          <Card size="small">
            <Statistic
              title={t("dashboard.health.overdueMilestones")}
              value={formatCount(overdue.milestones)}
              className={overdue.milestones > 0 ? "statistic-alert" : undefined}
            />
          </Card>
        </Col>
        <Col xs={12} md={8} lg={6}>
          <Card size="small">
            <Statistic
              title={t("dashboard.health.overdueItems")}
              value={formatCount(overdue.items)}
              className={overdue.items > 0 ? "statistic-alert" : undefined}
            />
          </Card>
        </Col>
      </Row>
      <p className="section-hint">{t("dashboard.health.hint")}</p>
    </SectionCard>
  );
}
