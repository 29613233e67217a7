import { PlusOutlined } from "@ant-design/icons";
import type { Cause } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { App, Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "../../../components/ui/page-heading";
import { QueryView } from "../../../components/ui/query-view";
import { CauseFormModal, causesQueries, CauseTable, useUpdateCause } from "../../../features/problems";
import { actionErrorMessage } from "../../../lib/error-message";
import { useDocumentTitle } from "../../../lib/use-document-title";

/** 问题成因: the taxonomy projects are classified by. Causes in use are retired, never deleted. */
export default function CausesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t("causes.title"));
  const causes = useQuery(causesQueries.list());
  const [editing, setEditing] = useState<Cause | "new" | null>(null);
  const toggle = useUpdateCause();
  const nextSortOrder = Math.min(9999, Math.max(0, ...(causes.data ?? []).map((c) => c.sortOrder)) + 10);

  const toggleActive = (cause: Cause) =>
    toggle.mutate(
      { id: cause.id, changes: { active: !cause.active, version: cause.version } },
      {
        onSuccess: (saved) => void message.success(t(saved.active ? "causes.activated" : "causes.retired")),
        onError: (error) => void message.error(actionErrorMessage(t, error)),
      },
    );

  return (
    <div className="page">
      <PageHeading
        title={t("causes.title")}
        subtitle={t("causes.subtitle")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} className="no-print" onClick={() => setEditing("new")}>
            {t("causes.create")}
          </Button>
        }
      />
      <div className="panel">
        <QueryView
          query={causes}
          skeletonRows={8}
          isEmpty={(list) => list.length === 0}
          emptyDescription={t("causes.empty")}
        >
          {(list) => (
            <CauseTable
              causes={list}
              loading={causes.isFetching || toggle.isPending}
              onEdit={setEditing}
              onToggleActive={toggleActive}
            />
          )}
        </QueryView>
      </div>
      {editing && (
        <CauseFormModal
          cause={editing === "new" ? null : editing}
          nextSortOrder={nextSortOrder}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
