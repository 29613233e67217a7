import { PlusOutlined } from "@ant-design/icons";
import { can, type ProjectDetail } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Space } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { ExportButton } from "../../../components/ui/export-button";
import { QueryView } from "../../../components/ui/query-view";
import { SectionCard } from "../../../components/ui/section-card";
import { useSessionUser } from "../../../features/auth";
import { newReviewPath, PROJECT_REVIEWS_ANCHOR, ReviewListTable, reviewsQueries } from "../../../features/reviews";

const PAGE_SIZE = 10;

/** 研判记录: the working group's reviews of this project, newest first; the queue links here (#reviews). */
export function ProjectReviews({ project }: { project: Pick<ProjectDetail, "id" | "name" | "workingGroup"> }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZE });
  const reviews = useQuery(reviewsQueries.list({ projectId: project.id, ...paging }));
  const anchor = useRef<HTMLDivElement>(null);
  const scrolled = useRef(false);
  const group = project.workingGroup;

  // The section mounts after the project has loaded, too late for the router's own scrolling to
  // the hash; once the list has settled (so the page no longer grows above it) it scrolls here.
  const settled = !reviews.isPending;
  useEffect(() => {
    if (hash !== `#${PROJECT_REVIEWS_ANCHOR}` || !settled || scrolled.current) return;
    scrolled.current = true;
    anchor.current?.scrollIntoView({ block: "start" });
  }, [hash, settled]);

  return (
    <div id={PROJECT_REVIEWS_ANCHOR} ref={anchor} className="anchor-target">
      <SectionCard
        title={t("reviews.list.title")}
        extra={
          <Space wrap>
            <ExportButton path="/reviews/export" params={{ projectId: project.id }} what={t("reviews.list.title")} />
            {can(user, "reviews.record") && group && (
              <Button
                className="no-print"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => void navigate(newReviewPath(group.id, project.id))}
              >
                {t("queue.record")}
              </Button>
            )}
          </Space>
        }
      >
        <p className="section-hint">
          {group ? t("reviews.list.group", { name: group.name }) : t("reviews.list.noGroup")}
        </p>
        <QueryView query={reviews} compact>
          {(page) => (
            <ReviewListTable
              reviews={page.items}
              total={page.total}
              query={paging}
              loading={reviews.isFetching}
              onChange={setPaging}
              caption={t("reviews.list.caption", { name: project.name })}
            />
          )}
        </QueryView>
      </SectionCard>
    </div>
  );
}
