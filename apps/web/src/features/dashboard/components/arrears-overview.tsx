import { fenToYuan, type Dashboard } from "@resettle/domain";
import { Card, Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../../components/ui/export-button";
import { SectionCard } from "../../../components/ui/section-card";
import { formatCount } from "../../../lib/format";

/**
 * 临时安置补助费欠发: what households still waiting are owed, city-wide: the amount, how many
 * households, the part owed more than 90 days (what turns a project red), the oldest unpaid month.
 */
export function ArrearsOverview({ arrears }: { arrears: Dashboard["arrears"] }) {
  const { t } = useTranslation();
  const owing = arrears.amountOwed > 0;
  return (
    <SectionCard
      title={t("dashboard.arrears.title")}
      extra={<ExportButton path="/subsidy/arrears/export">{t("dashboard.arrears.export")}</ExportButton>}
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t("dashboard.arrears.amountOwed")}
              value={fenToYuan(arrears.amountOwed)}
              suffix={t("units.yuan")}
              className={owing ? "statistic-alert" : undefined}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t("dashboard.arrears.households")}
              value={formatCount(arrears.households)}
              suffix={t("units.households")}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t("dashboard.arrears.over90")}
              value={fenToYuan(arrears.over90)}
              suffix={t("units.yuan")}
              className={arrears.over90 > 0 ? "statistic-alert" : undefined}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t("dashboard.arrears.oldest")}
              value={arrears.oldestDueMonth ?? t("dashboard.arrears.none")}
            />
          </Card>
        </Col>
      </Row>
      <p className="section-hint">{t("dashboard.arrears.hint")}</p>
    </SectionCard>
  );
}
