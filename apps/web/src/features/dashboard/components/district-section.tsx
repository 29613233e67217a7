import type { Dashboard } from "@resettle/domain";
import { Col, Empty, Row } from "antd";
import { useTranslation } from "react-i18next";
import { SectionCard } from "../../../components/ui/section-card";
import { DistrictCard } from "./district-card";

type Props = { dashboard: Dashboard };

export function DistrictSection({ dashboard }: Props) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t("dashboard.districts.title")} className="district-section">
      {dashboard.districts.length === 0 ? (
        <Empty description={t("common.empty")} />
      ) : (
        <Row gutter={[16, 16]}>
          {dashboard.districts.map((district) => (
            <Col key={district.id} xs={24} xl={12} className="district-col">
              <DistrictCard district={district} asOf={dashboard.asOf} />
            </Col>
          ))}
        </Row>
      )}
    </SectionCard>
  );
}
