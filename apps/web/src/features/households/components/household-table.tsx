import type { Household, HouseholdPage } from "@resettle/domain";
import { Button, Space, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { serverPagination } from "../../../components/ui/server-table";
import { householdColumns } from "./household-columns";

type Props = {
  page: HouseholdPage;
  loading: boolean;
  canKeep: boolean;
  canReveal: boolean;
  onPage: (page: number, pageSize: number) => void;
  onMove: (household: Household) => void;
  onReveal: (household: Household) => void;
  onHistory: (household: Household) => void;
};

/** 回迁户台账, a page at a time from the server; ID numbers and phones only ever masked. */
export function HouseholdTable({ page, loading, canKeep, canReveal, onPage, onMove, onReveal, onHistory }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Household> = householdColumns<Household>(t, { onHistory });
  if (canKeep || canReveal)
    columns.push({
      key: "actions",
      title: t("common.actions"),
      className: "cell-nowrap no-print",
      render: (_, h) => (
        <Space size={4}>
          {canKeep && (
            <Button size="small" onClick={() => onMove(h)} aria-label={t("households.moveLabel", { name: h.headName })}>
              {t("households.move")}
            </Button>
          )}
          {canReveal && (
            <Button
              size="small"
              type="link"
              onClick={() => onReveal(h)}
              aria-label={t("households.revealLabel", { name: h.headName })}
            >
              {t("households.reveal")}
            </Button>
          )}
        </Space>
      ),
    });
  return (
    <Table<Household>
      rowKey="id"
      size="small"
      aria-label={t("households.tableLabel")}
      columns={columns}
      dataSource={page.items}
      loading={loading}
      scroll={{ x: "max-content" }}
      pagination={serverPagination(page, page.total, (n) => t("households.total", { count: n }))}
      onChange={(pagination) => onPage(pagination.current ?? 1, pagination.pageSize ?? page.pageSize)}
      locale={{ emptyText: t("households.empty") }}
    />
  );
}
