import { PrinterOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";

export function PrintButton() {
  const { t } = useTranslation();
  return (
    <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
      {t("common.print")}
    </Button>
  );
}
