import type { Household, HouseholdPage } from "@resettle/domain";
import { Button, Space, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { DemoTag } from "../../../components/ui/demo-tag";
import { dateColumn, numberColumn, textColumn } from "../../../components/ui/table-columns";
import { serverPagination } from "../../../components/ui/server-table";
import { formatDate, NO_VALUE } from "../../../lib/format";
import { HouseholdStateTag } from "./household-state-tag";

type Props = {
  page: HouseholdPage;
  loading: boolean;
  canKeep: boolean;
  canReveal: boolean;
  onPage: (page: number, pageSize: number) => void;
  onMove: (household: Household) => void;
  onReveal: (household: Household) => void;
};

/** 回迁户台账, a page at a time from the server; ID numbers and phones only ever masked. */
export function HouseholdTable({ page, loading, canKeep, canReveal, onPage, onMove, onReveal }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Household> = [
    textColumn({
      key: "headName",
      title: t("households.headName"),
      text: (h) => h.headName,
      minWidth: 90,
      after: (h) => (h.isDemo ? <DemoTag /> : null),
    }),
    {
      key: "idNumber",
      title: t("households.idNumber"),
      className: "cell-nowrap mono",
      render: (_, h) => h.idNumberMasked,
    },
    {
      key: "phone",
      title: t("households.phone"),
      className: "cell-nowrap mono",
      render: (_, h) => h.phoneMasked ?? NO_VALUE,
    },
    textColumn({ key: "address", title: t("households.address"), text: (h) => h.address, minWidth: 140 }),
    numberColumn({ key: "areaM2", title: t("households.areaM2"), render: (h) => h.areaM2.toFixed(2) }),
    {
      key: "approach",
      title: t("households.approach"),
      className: "cell-nowrap",
      render: (_, h) => t(`enums.approach.${h.approach}`),
    },
    {
      key: "state",
      title: t("households.state"),
      className: "cell-nowrap",
      render: (_, h) => <HouseholdStateTag state={h.state} />,
    },
    dateColumn({ key: "stateOn", title: t("households.stateOn"), render: (h) => formatDate(h.stateOn) }),
  ];
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
