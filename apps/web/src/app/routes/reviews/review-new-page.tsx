import { useQuery } from "@tanstack/react-query";
import { Breadcrumb } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { PageHeading } from "../../../components/ui/page-heading";
import { QueryView } from "../../../components/ui/query-view";
import { departmentsQueries, personsQueries } from "../../../features/organisation";
import { ReviewForm, workingGroupsQueries } from "../../../features/reviews";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useConfirmLeave } from "./use-confirm-leave";

/** 记录研判会: opened from the queue or a project page with its group and project chosen. */
export default function ReviewNewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("reviews.form.title"));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const groups = useQuery(workingGroupsQueries.list());
  const departments = useQuery(departmentsQueries.list());
  const persons = useQuery(personsQueries.everyone());
  const dirty = useRef(false);
  useConfirmLeave(dirty);

  return (
    <div className="page">
      <Breadcrumb
        className="page-breadcrumb"
        items={[
          { key: "queue", title: <Link to="/problem-queue">{t("queue.title")}</Link> },
          { key: "new", title: <span aria-current="page">{t("reviews.form.title")}</span> },
        ]}
      />
      <PageHeading title={t("reviews.form.title")} subtitle={t("reviews.form.subtitle")} />
      <QueryView
        query={groups}
        skeletonRows={10}
        isEmpty={(list) => list.length === 0}
        emptyDescription={t("reviews.form.noGroups")}
      >
        {(list) => (
          <ReviewForm
            groups={list}
            departments={departments.isError ? [] : departments.data}
            persons={persons.isError ? [] : persons.data?.items}
            initialGroupId={params.get("groupId") ?? undefined}
            initialProjectId={params.get("projectId") ?? undefined}
            onDirtyChange={(value) => {
              dirty.current = value;
            }}
            onSaved={(review) => void navigate(`/reviews/${review.id}`, { replace: true })}
            // Back where the user came from; opened from a link elsewhere, to the queue.
            onCancel={() =>
              void ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate("/problem-queue"))
            }
          />
        )}
      </QueryView>
    </div>
  );
}
