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
            {/* Each counter opens the list behind it: the ledger filtered by this colour. */}
            <Link
              to={`/projects?health=${level}`}
              className="counter-link"
              aria-label={t("dashboard.health.showProjects", {
                count: health[level],
                level: t(`health.word.${level}`),
              })}
            >
              <Card size="small" hoverable className={`health-tile health-tile-${level}`}>
                <Statistic
                  title={<HealthTag level={level} />}
                  value={formatCount(health[level])}
                  suffix={t("units.projects") || undefined}
                />
              </Card>
            </Link>
          </Col>
        ))}
        <Col xs={12} md={8} lg={6}>
          <Link
            to="/overdue-board?kind=milestone"
            className="counter-link"
            aria-label={t("dashboard.health.showMilestones", { count: overdue.milestones })}
          >
            <Card size="small" hoverable>
              <Statistic
                title={t("dashboard.health.overdueMilestones")}
                value={formatCount(overdue.milestones)}
                className={overdue.milestones > 0 ? "statistic-alert" : undefined}
              />
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={8} lg={6}>
          <Link
            to="/overdue-board?kind=item"
            className="counter-link"
            aria-label={t("dashboard.health.showItems", { count: overdue.items })}
          >
            <Card size="small" hoverable>
              <Statistic
                title={t("dashboard.health.overdueItems")}
                value={formatCount(overdue.items)}
                className={overdue.items > 0 ? "statistic-alert" : undefined}
              />
            </Card>
          </Link>
        </Col>
      </Row>
      <p className="section-hint">{t("dashboard.health.hint")}</p>
    </SectionCard>
  );
}
