import { PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { PageHeading } from "../../components/ui/page-heading";
import { QueryView } from "../../components/ui/query-view";
import { NoticeDetail, noticesQueries } from "../../features/notices";
import { useDocumentTitle } from "../../lib/use-document-title";

/** One 督办单: its fields, extension and steps, and the steps the user may take now. */
export default function NoticePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const notice = useQuery(noticesQueries.detail(id));
  useDocumentTitle(notice.data?.number ?? t("notices.title"));
  return (
    <div className="page">
      <PageHeading
        title={notice.data?.number ?? t("notices.title")}
        subtitle={<Link to="/notices">{t("notices.backToList")}</Link>}
        extra={
          notice.data && (
            <Button
              className="no-print"
              icon={<PrinterOutlined />}
              onClick={() => void navigate(`/notices/${id}/print`)}
            >
              {t("notices.printView")}
            </Button>
          )
        }
      />
      <div className="panel">
        <QueryView query={notice} skeletonRows={8}>
          {(data) => <NoticeDetail notice={data} />}
        </QueryView>
      </div>
    </div>
  );
}
