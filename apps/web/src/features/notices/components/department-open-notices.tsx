import type { Notice } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { List } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryView } from "../../../components/ui/query-view";
import { SectionCard } from "../../../components/ui/section-card";
import { noticesQueries } from "../api/notices.queries";
import { NoticeLevelTag } from "./notice-tags";
import { ReplyBy } from "./notice-table";

/**
 * My work's 督办单: the department's open notices, red before yellow before blue (the list's own
 * order), each with what it is about and the day the reply is due, red once past it.
 */
export function DepartmentOpenNotices({ departmentId }: { departmentId: string }) {
  const { t } = useTranslation();
  const query = { departmentId, open: true, page: 1, pageSize: 20 };
  const list = useQuery({ ...noticesQueries.list(query), refetchOnWindowFocus: "always" });
  return (
    <SectionCard
      title={t("notices.mine.title")}
      className="my-work-notices"
      extra={<Link to={`/notices?departmentId=${departmentId}&open=true`}>{t("notices.mine.all")}</Link>}
    >
      <QueryView
        query={list}
        compact
        skeletonRows={2}
        isEmpty={(page) => page.items.length === 0}
        emptyDescription={t("notices.mine.empty")}
      >
        {(page) => (
          <>
            <List<Notice>
              size="small"
              aria-label={t("notices.mine.title")}
              dataSource={page.items}
              renderItem={(notice) => (
                <List.Item key={notice.id}>
                  <span>
                    <NoticeLevelTag level={notice.level} /> <Link to={`/notices/${notice.id}`}>{notice.number}</Link>{" "}
                    {notice.targetLabel} · {t("notices.replyBy")} <ReplyBy notice={notice} />
                  </span>
                </List.Item>
              )}
            />
            {page.total > page.items.length && <p>{t("notices.mine.more", { count: page.total })}</p>}
          </>
        )}
      </QueryView>
    </SectionCard>
  );
}
