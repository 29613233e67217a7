import { DepartmentKindSchema, type Department, type DepartmentKind } from "@resettle/domain";
import { Button, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { PAGE_SIZES } from "../../../components/ui/server-table";
import { NO_VALUE } from "../../../lib/format";

type Props = {
  departments: Department[];
  districtName: (id: string) => string | undefined;
  onEdit: (department: Department) => void;
};

const kindOrder = (kind: DepartmentKind) => DepartmentKindSchema.options.indexOf(kind);

/** Few enough to sort and page in the browser: the API lists them all at once. */
export function DepartmentTable({ departments, districtName, onEdit }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Department> = [
    {
      key: "code",
      title: t("admin.departments.columns.code"),
      dataIndex: "code",
      sorter: (a, b) => a.code.localeCompare(b.code),
    },
    {
      key: "name",
      title: t("admin.departments.columns.name"),
      dataIndex: "name",
      sorter: (a, b) => a.name.localeCompare(b.name, "zh-CN"),
    },
    { key: "shortName", title: t("admin.departments.columns.shortName"), dataIndex: "shortName" },
    {
      key: "kind",
      title: t("admin.departments.columns.kind"),
      render: (_, d) => t(`enums.departmentKind.${d.kind}`),
      sorter: (a, b) => kindOrder(a.kind) - kindOrder(b.kind),
      defaultSortOrder: "ascend",
    },
    {
      key: "district",
      title: t("admin.departments.columns.district"),
      render: (_, d) => (d.districtId && districtName(d.districtId)) || NO_VALUE,
    },
    {
      key: "actions",
      title: t("common.actions"),
      className: "no-print",
      render: (_, d) => (
        <Button type="link" size="small" onClick={() => onEdit(d)}>
          {t("common.edit")}
          <span className="sr-only">{` ${d.name}`}</span>
        </Button>
      ),
    },
  ];
  return (
    <Table<Department>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={departments}
      caption={<span className="sr-only">{t("admin.departments.caption")}</span>}
      pagination={{
        defaultPageSize: 50,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES,
        hideOnSinglePage: true,
        showTotal: (count) => t("admin.departments.count", { count }),
      }}
      scroll={{ x: true }}
    />
  );
}
