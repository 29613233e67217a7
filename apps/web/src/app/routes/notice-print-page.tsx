import { useQuery } from "@tanstack/react-query";
import { Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PrintButton } from "../../components/ui/print-button";
import { QueryView } from "../../components/ui/query-view";
import { NoticeDocument, noticesQueries } from "../../features/notices";
import { useDocumentTitle } from "../../lib/use-document-title";

/** 督办单 as the A4 sheet the office files and sends; only the sheet prints. */
export default function NoticePrintPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const notice = useQuery(noticesQueries.detail(id));
  useDocumentTitle(notice.data?.number ?? t("notices.title"));
  return (
    <div className="page">
      <Space className="no-print">
        <Link to={`/notices/${id}`}>{t("notices.backToNotice")}</Link>
        <PrintButton />
      </Space>
      <QueryView query={notice} skeletonRows={10}>
        {(data) => (
          <div className="notice-paper">
            <NoticeDocument notice={data} />
          </div>
        )}
      </QueryView>
    </div>
  );
}
