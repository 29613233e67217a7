import { PlusOutlined } from "@ant-design/icons";
import { DepartmentKindSchema, type Department, type DepartmentKind } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Form, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ExportButton } from "../../../components/ui/export-button";
import { PageHeading } from "../../../components/ui/page-heading";
import { QueryView } from "../../../components/ui/query-view";
import {
  DepartmentFormModal,
  departmentsQueries,
  DepartmentTable,
  districtsQueries,
} from "../../../features/organisation";
import { useUrlQuery } from "../../../lib/url-query";
import { useDocumentTitle } from "../../../lib/use-document-title";

const FilterSchema = z.object({ kind: DepartmentKindSchema.optional() });

export default function DepartmentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("admin.departments.title"));
  const { query, update } = useUrlQuery(FilterSchema);
  const departments = useQuery(departmentsQueries.list());
  const districts = useQuery(districtsQueries.list());
  const [editing, setEditing] = useState<Department | "new" | null>(null);
  const districtName = (id: string) => districts.data?.find((d) => d.id === id)?.name;

  return (
    <div className="page">
      <PageHeading
        title={t("admin.departments.title")}
        subtitle={t("admin.departments.subtitle")}
        extra={
          <Space wrap>
            <ExportButton path="/departments/export" params={query} />
            <Button type="primary" icon={<PlusOutlined />} className="no-print" onClick={() => setEditing("new")}>
              {t("admin.departments.create")}
            </Button>
          </Space>
        }
      />
      <div className="panel">
        <Form layout="inline" className="list-filters no-print" role="search" aria-label={t("common.filters")}>
          <Form.Item label={t("admin.departments.columns.kind")} htmlFor="department-filter-kind">
            <Select
              id="department-filter-kind"
              allowClear
              placeholder={t("common.all")}
              style={{ width: 180 }}
              value={query.kind}
              options={DepartmentKindSchema.options.map((k) => ({ value: k, label: t(`enums.departmentKind.${k}`) }))}
              onChange={(kind?: DepartmentKind) => update({ kind })}
            />
          </Form.Item>
        </Form>
        <QueryView query={departments} skeletonRows={8}>
          {(list) => (
            <DepartmentTable
              departments={query.kind ? list.filter((d) => d.kind === query.kind) : list}
              districtName={districtName}
              onEdit={setEditing}
            />
          )}
        </QueryView>
      </div>
      {editing && (
        <DepartmentFormModal
          department={editing === "new" ? null : editing}
          districts={districts.data}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
