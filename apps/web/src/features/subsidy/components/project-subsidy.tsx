import { can, fenToYuan, type HouseholdSubsidy } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Input, Space, Switch, Table, Tag, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../../components/ui/export-button";
import { QueryView } from "../../../components/ui/query-view";
import { serverPagination } from "../../../components/ui/server-table";
import { numberColumn } from "../../../components/ui/table-columns";
import { formatCount, formatDate, NO_VALUE } from "../../../lib/format";
import { useSessionUser } from "../../auth";
import { subsidyQueries, type AccountListQuery } from "../api/subsidy.queries";
import { HouseholdSubsidyDrawer } from "./household-subsidy-drawer";
import { ImportPaymentsDialog } from "./import-payments-dialog";
import { PaymentDialog } from "./payment-dialog";
import { StandardDialog } from "./standard-dialog";

type Props = {
  projectId: string;
  /** Whether this user records the project's payments (its registry keepers, the office). */
  canKeep: boolean;
};

const yuan = (fen: number) => fenToYuan(fen);

/**
 * 临时安置补助费 of a project: its standards, its arrears aged, and its households' accounts —
 * by default those owed, the oldest unpaid month first — with 登记发放 for each.
 */
export function ProjectSubsidy({ projectId, canKeep }: Props) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const subsidy = useQuery(subsidyQueries.project(projectId));
  const [query, setQuery] = useState<AccountListQuery>({ owing: true, page: 1, pageSize: 20 });
  const accounts = useQuery({ ...subsidyQueries.accounts(projectId, query), enabled: !!subsidy.data?.startMonth });
  const [paying, setPaying] = useState<HouseholdSubsidy | null>(null);
  const [setting, setSetting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [viewing, setViewing] = useState<HouseholdSubsidy | null>(null);
  const canSet = can(user, "subsidy.standards");

  const columns: TableColumnsType<HouseholdSubsidy> = [
    {
      key: "headName",
      title: t("households.headName"),
      className: "cell-nowrap",
      render: (_, h) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setViewing(h)}>
          {h.headName}
        </Button>
      ),
    },
    {
      key: "idNumber",
      title: t("households.idNumber"),
      className: "cell-nowrap mono",
      render: (_, h) => h.idNumberMasked,
    },
    {
      key: "state",
      title: t("households.state"),
      className: "cell-nowrap",
      render: (_, h) => t(`households.states.${h.state}`),
    },
    numberColumn({ key: "monthsDue", title: t("subsidy.monthsDue"), render: (h) => formatCount(h.monthsDue) }),
    numberColumn({ key: "dueFen", title: t("subsidy.due"), render: (h) => yuan(h.dueFen) }),
    numberColumn({ key: "paidFen", title: t("subsidy.paidTotal"), render: (h) => yuan(h.paidFen) }),
    numberColumn({
      key: "owedFen",
      title: t("subsidy.owed"),
      render: (h) => (h.owedFen > 0 ? <span className="text-alert">{yuan(h.owedFen)}</span> : yuan(0)),
    }),
    {
      key: "oldest",
      title: t("subsidy.oldest"),
      className: "cell-nowrap",
      render: (_, h) =>
        h.oldestDueMonth ? (
          <>
            {h.oldestDueMonth} {h.buckets.over90 > 0 && <Tag color="red">{t("subsidy.over90Tag")}</Tag>}
          </>
        ) : (
          NO_VALUE
        ),
    },
  ];
  if (canKeep)
    columns.push({
      key: "actions",
      title: t("common.actions"),
      className: "cell-nowrap no-print",
      render: (_, h) => (
        <Button size="small" onClick={() => setPaying(h)} aria-label={t("subsidy.payLabel", { name: h.headName })}>
          {t("subsidy.pay")}
        </Button>
      ),
    });

  return (
    <section aria-label={t("subsidy.title")}>
      <QueryView query={subsidy} skeletonRows={4}>
        {(data) => (
          <>
            {data.standards.length === 0 ? (
              <Alert type="info" showIcon className="form-alert" title={t("subsidy.noStandard")} />
            ) : (
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, md: 2, xxl: 4 }}
                styles={{ label: { whiteSpace: "nowrap" } }}
                className="form-alert"
                items={[
                  {
                    key: "owed",
                    label: t("subsidy.owedTotal"),
                    children: `${yuan(data.arrears?.amountOwed ?? 0)} ${t("units.yuan")}`,
                  },
                  {
                    key: "households",
                    label: t("subsidy.owingHouseholds"),
                    children: `${formatCount(data.arrears?.households ?? 0)} ${t("units.households")}`,
                  },
                  { key: "oldest", label: t("subsidy.oldest"), children: data.arrears?.oldestDueMonth ?? NO_VALUE },
                  {
                    key: "buckets",
                    label: t("subsidy.ageing"),
                    children: t("subsidy.buckets", {
                      d1to30: yuan(data.arrears?.buckets.d1to30 ?? 0),
                      d31to90: yuan(data.arrears?.buckets.d31to90 ?? 0),
                      over90: yuan(data.arrears?.buckets.over90 ?? 0),
                    }),
                  },
                ]}
              />
            )}
            <Table
              rowKey="id"
              size="small"
              aria-label={t("subsidy.standardsLabel")}
              pagination={false}
              dataSource={data.standards}
              locale={{ emptyText: t("subsidy.noStandardShort") }}
              title={() => (
                <Space>
                  <strong>{t("subsidy.standards")}</strong>
                  {canSet && (
                    <Button size="small" onClick={() => setSetting(true)}>
                      {t("subsidy.setStandard")}
                    </Button>
                  )}
                </Space>
              )}
              columns={[
                { key: "from", title: t("subsidy.effectiveFrom"), render: (_, s) => s.effectiveFrom },
                { key: "basis", title: t("subsidy.basis"), render: (_, s) => t(`subsidy.bases.${s.basis}`) },
                { key: "rate", title: t("subsidy.rateYuan"), align: "right", render: (_, s) => yuan(s.rateFen) },
                { key: "note", title: t("subsidy.note"), render: (_, s) => s.note ?? NO_VALUE },
                {
                  key: "by",
                  title: t("subsidy.setBy"),
                  render: (_, s) => `${s.createdBy ?? NO_VALUE} ${formatDate(s.createdAt.slice(0, 10))}`,
                },
              ]}
            />
            {data.startMonth && (
              <>
                <Space wrap className="table-toolbar">
                  <Switch
                    checked={query.owing}
                    onChange={(owing) => setQuery((q) => ({ ...q, owing, page: 1 }))}
                    aria-label={t("subsidy.owingOnly")}
                  />
                  <span>{t("subsidy.owingOnly")}</span>
                  {canKeep && <Button onClick={() => setImporting(true)}>{t("subsidy.import.button")}</Button>}
                  <Input.Search
                    allowClear
                    aria-label={t("households.search")}
                    placeholder={t("households.searchPlaceholder")}
                    style={{ width: 280 }}
                    onSearch={(q) => setQuery((current) => ({ ...current, q: q.trim() || undefined, page: 1 }))}
                  />
                  <ExportButton
                    path={`/projects/${projectId}/subsidy/households/export`}
                    params={{ owing: query.owing, q: query.q }}
                    what={t("subsidy.accountsLabel")}
                  />
                </Space>
                <QueryView query={accounts} skeletonRows={6}>
                  {(page) => (
                    <Table<HouseholdSubsidy>
                      rowKey="householdId"
                      size="small"
                      aria-label={t("subsidy.accountsLabel")}
                      columns={columns}
                      dataSource={page.items}
                      loading={accounts.isFetching}
                      scroll={{ x: "max-content" }}
                      pagination={serverPagination(page, page.total, (n) => t("households.total", { count: n }))}
                      onChange={(p) =>
                        setQuery((q) => ({
                          ...q,
                          page: (p.pageSize ?? q.pageSize) === q.pageSize ? (p.current ?? 1) : 1,
                          pageSize: p.pageSize ?? q.pageSize,
                        }))
                      }
                      locale={{ emptyText: query.owing ? t("subsidy.noneOwing") : t("households.empty") }}
                    />
                  )}
                </QueryView>
              </>
            )}
            {setting && (
              <StandardDialog
                projectId={projectId}
                latestMonth={data.standards.at(-1)?.effectiveFrom ?? null}
                onClose={() => setSetting(false)}
              />
            )}
          </>
        )}
      </QueryView>
      {paying && <PaymentDialog account={paying} onClose={() => setPaying(null)} />}
      {viewing && <HouseholdSubsidyDrawer account={viewing} onClose={() => setViewing(null)} />}
      {importing && <ImportPaymentsDialog projectId={projectId} onClose={() => setImporting(false)} />}
    </section>
  );
}
