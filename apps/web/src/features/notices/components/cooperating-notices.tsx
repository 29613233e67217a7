import type { Notice } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../../components/ui/section-card";
import { noticesQueries } from "../api/notices.queries";
import { NoticeLevelTag } from "./notice-tags";
import { ReplyBy } from "./notice-table";

/**
 * My work's 配合督办单: open notices another department leads and this one cooperates on, red
 * first, each with its lead; the notice's page takes progress notes. Nothing when there is none.
 */
export function CooperatingNotices({ departmentId }: { departmentId: string }) {
  const { t } = useTranslation();
  const query = { cooperatingDepartmentId: departmentId, open: true, page: 1, pageSize: 20 };
  const list = useQuery({ ...noticesQueries.list(query), refetchOnWindowFocus: "always" });
  if (!list.data || list.data.items.length === 0) return null;
  const page = list.data;
  return (
    <SectionCard
      title={t("notices.mine.cooperatingTitle")}
      className="my-work-notices"
      extra={<Link to={`/notices?cooperatingDepartmentId=${departmentId}&open=true`}>{t("notices.mine.all")}</Link>}
    >
      <Typography.Paragraph type="secondary">{t("notices.mine.cooperatingHint")}</Typography.Paragraph>
      <List<Notice>
        size="small"
        aria-label={t("notices.mine.cooperatingTitle")}
        dataSource={page.items}
        renderItem={(notice) => (
          <List.Item key={notice.id}>
            <span>
              <NoticeLevelTag level={notice.level} /> <Link to={`/notices/${notice.id}`}>{notice.number}</Link>{" "}
              {notice.targetLabel} · {t("cooperation.lead")} {notice.department.name} · {t("notices.replyBy")}{" "}
              <ReplyBy notice={notice} />
            </span>
          </List.Item>
        )}
      />
      {page.total > page.items.length && <p>{t("notices.mine.more", { count: page.total })}</p>}
    </SectionCard>
  );
}
