import { can, NoticeLevelSchema, NoticeStatusSchema, type NoticeLevel, type NoticeStatus } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Select, Space, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DepartmentSelect } from "../../../components/ui/department-select";
import { QueryView } from "../../../components/ui/query-view";
import { useSessionUser } from "../../auth";
import { departmentsQueries } from "../../organisation";
import { noticesQueries, type NoticeListQuery } from "../api/notices.queries";
import { IssueNoticeDialog } from "./issue-notice-dialog";
import { NoticeTable } from "./notice-table";

type Props = {
  query: NoticeListQuery;
  onChange: (patch: Partial<NoticeListQuery>) => void;
  label: string;
};

/** 督办单: the filters (status, level, department, cooperating department, open only), the table a page at a time, and 交办 for the office. */
export function NoticeList({ query, onChange, label }: Props) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const list = useQuery(noticesQueries.list(query));
  const departments = useQuery(departmentsQueries.list());
  const [issuing, setIssuing] = useState(false);
  return (
    <section aria-label={label}>
      <Space wrap className="table-toolbar">
        <Select<NoticeStatus>
          allowClear
          aria-label={t("notices.status")}
          placeholder={t("notices.allStatuses")}
          style={{ minWidth: 120 }}
          value={query.status}
          onChange={(status) => onChange({ status, page: 1 })}
          options={NoticeStatusSchema.options.map((s) => ({ value: s, label: t(`notices.statuses.${s}`) }))}
        />
        <Select<NoticeLevel>
          allowClear
          aria-label={t("notices.level")}
          placeholder={t("notices.allLevels")}
          style={{ minWidth: 120 }}
          value={query.level}
          onChange={(level) => onChange({ level, page: 1 })}
          options={NoticeLevelSchema.options.map((l) => ({ value: l, label: t(`notices.levels.${l}`) }))}
        />
        <DepartmentSelect
          allowClear
          aria-label={t("notices.department")}
          placeholder={t("notices.allDepartments")}
          style={{ minWidth: 180 }}
          departments={departments.isError ? [] : departments.data}
          value={query.departmentId}
          onChange={(departmentId) => onChange({ departmentId, page: 1 })}
        />
        <DepartmentSelect
          allowClear
          aria-label={t("notices.cooperating")}
          placeholder={t("notices.allCooperating")}
          style={{ minWidth: 180 }}
          departments={departments.isError ? [] : departments.data}
          value={query.cooperatingDepartmentId}
          onChange={(cooperatingDepartmentId) => onChange({ cooperatingDepartmentId, page: 1 })}
        />
        <Switch
          checked={query.open === true}
          aria-label={t("notices.openOnly")}
          onChange={(on) => onChange({ open: on ? true : undefined, page: 1 })}
        />
        <span>{t("notices.openOnly")}</span>
        {can(user, "notices.issue") && (
          <Button type="primary" className="no-print" onClick={() => setIssuing(true)}>
            {t("notices.issue")}
          </Button>
        )}
      </Space>
      <QueryView query={list} skeletonRows={5}>
        {(page) => (
          <NoticeTable
            page={page}
            loading={list.isFetching}
            label={label}
            onPage={(p, pageSize) => onChange({ page: pageSize === query.pageSize ? p : 1, pageSize })}
          />
        )}
      </QueryView>
      {issuing && <IssueNoticeDialog onClose={() => setIssuing(false)} />}
    </section>
  );
}
