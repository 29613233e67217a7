import { can, canActFor, DEFAULT_HEALTH_MARGINS, type WorkEntry } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Result } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "../../components/ui/page-heading";
import { PrintButton } from "../../components/ui/print-button";
import { QueryView } from "../../components/ui/query-view";
import { useSessionUser } from "../../features/auth";
import { WorkDetailDrawer, type WorkDetail } from "../../features/responsibility";
import { AwaitingVerification, CityOverdueLink, CooperatingWork, MyWorkTable, workQueries } from "../../features/work";
import { ReviewsToSign } from "../../features/reviews";
import { CooperatingNotices, DepartmentOpenNotices } from "../../features/notices";
import { DepartmentOverdueTickets } from "../../features/tickets";
import { formatLongDate } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";

/** 我的待办: a coordinator's home, the open work of their department, most urgent first. */
export default function MyWorkPage() {
  const { t, i18n } = useTranslation();
  const user = useSessionUser();
  const query = useQuery({ ...workQueries.mine(), refetchOnWindowFocus: "always" });
  useDocumentTitle(t("work.mine.title"));
  const data = query.data;
  // 详情: the entry whose lead, cooperating departments, evidence and notes show beside the list.
  const [detail, setDetail] = useState<WorkDetail | null>(null);
  const open = (e: WorkEntry) =>
    setDetail({
      type: e.type,
      id: e.id,
      title: e.title,
      projectName: e.projectName,
      status: e.status,
      withdrawn: false,
    });

  return (
    <div className="page">
      <PageHeading
        title={t("work.mine.title")}
        subtitle={data && t("common.asOf", { date: formatLongDate(data.asOf, i18n.language) })}
        extra={data && data.entries.length > 0 && <PrintButton />}
      />
      <div className="panel">
        {/* The office and leaders answer for the whole city: their My work leads to the overdue board. */}
        {(user.role === "admin" || user.role === "leader") && <CityOverdueLink />}
        {/* 督办单 come first: the office wrote to the department, red before yellow before blue. */}
        {can(user, "notices.answer") && user.departmentId && <DepartmentOpenNotices departmentId={user.departmentId} />}
        <QueryView query={query} skeletonRows={8}>
          {(work) => (
            <>
              <AwaitingVerification entries={work.awaitingVerification} />
              {work.departmentId === null ? (
                <Result status="info" title={t("work.mine.noDepartment")} subTitle={t("work.mine.noDepartmentHint")} />
              ) : (
                <>
                  <ReviewsToSign reviews={work.reviewsToSign} />
                  <DepartmentOverdueTickets departmentId={work.departmentId} />
                  {(work.overdueCount > 0 || work.dueSoonCount > 0) && (
                    <Alert
                      className="my-work-summary"
                      type={work.overdueCount > 0 ? "error" : "warning"}
                      showIcon
                      title={t("work.mine.summary", {
                        overdue: work.overdueCount,
                        dueSoon: work.dueSoonCount,
                        days: DEFAULT_HEALTH_MARGINS.dueSoonDays,
                      })}
                    />
                  )}
                  <MyWorkTable
                    entries={work.entries}
                    canUpdate={() => canActFor(user, "work.update", [work.departmentId])}
                    allowReopen={user.role === "admin"}
                    canVerify={can(user, "work.verify")}
                    onOpen={open}
                  />
                  <CooperatingWork entries={work.cooperating} onOpen={open} />
                  {/* 配合督办单: notices another department answers for, this one helping. */}
                  <CooperatingNotices departmentId={work.departmentId} />
                </>
              )}
            </>
          )}
        </QueryView>
        {detail && <WorkDetailDrawer work={detail} onClose={() => setDetail(null)} />}
      </div>
    </div>
  );
}
