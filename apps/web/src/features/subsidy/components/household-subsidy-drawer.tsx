import { fenToYuan, type HouseholdSubsidy, type SubsidyMonth, type SubsidyPayment } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Descriptions, Drawer, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/ui/query-view";
import { formatDate, formatDateTime, NO_VALUE } from "../../../lib/format";
import { subsidyQueries } from "../api/subsidy.queries";

/** 补助明细: one household's months (latest first: due, paid, owed, how late) and its payments. */
export function HouseholdSubsidyDrawer({ account, onClose }: { account: HouseholdSubsidy; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery(subsidyQueries.household(account.householdId));
  return (
    <Drawer open width={720} title={t("subsidy.detailTitle", { name: account.headName })} onClose={onClose}>
      <QueryView query={detail} skeletonRows={6}>
        {(data) => (
          <>
            <Descriptions
              size="small"
              bordered
              column={2}
              className="form-alert"
              items={[
                { key: "id", label: t("households.idNumber"), children: data.account.idNumberMasked },
                { key: "state", label: t("households.state"), children: t(`households.states.${data.account.state}`) },
                { key: "due", label: t("subsidy.due"), children: fenToYuan(data.account.dueFen) },
                { key: "paid", label: t("subsidy.paidTotal"), children: fenToYuan(data.account.paidFen) },
                { key: "owed", label: t("subsidy.owed"), children: fenToYuan(data.account.owedFen) },
                { key: "oldest", label: t("subsidy.oldest"), children: data.account.oldestDueMonth ?? NO_VALUE },
              ]}
            />
            <Table<SubsidyMonth>
              size="small"
              rowKey="month"
              aria-label={t("subsidy.monthsLabel")}
              dataSource={data.months}
              pagination={{ pageSize: 12, hideOnSinglePage: true }}
              rowClassName={(m) => (m.daysOverdue > 0 ? "row-overdue" : "")}
              columns={[
                { key: "month", title: t("subsidy.month"), render: (_, m) => m.month },
                { key: "due", title: t("subsidy.due"), align: "right", render: (_, m) => fenToYuan(m.dueFen) },
                { key: "paid", title: t("subsidy.paidTotal"), align: "right", render: (_, m) => fenToYuan(m.paidFen) },
                { key: "owed", title: t("subsidy.owed"), align: "right", render: (_, m) => fenToYuan(m.owedFen) },
                {
                  key: "late",
                  title: t("subsidy.lateness"),
                  render: (_, m) =>
                    m.daysOverdue > 0 ? (
                      <Tag color={m.daysOverdue > 90 ? "red" : "orange"}>
                        {t("subsidy.daysLate", { days: m.daysOverdue })}
                      </Tag>
                    ) : (
                      NO_VALUE
                    ),
                },
              ]}
            />
            <h3 className="section-title">{t("subsidy.payments")}</h3>
            <Table<SubsidyPayment>
              size="small"
              rowKey="id"
              aria-label={t("subsidy.payments")}
              dataSource={data.payments}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t("subsidy.noPayments") }}
              columns={[
                { key: "month", title: t("subsidy.month"), render: (_, p) => p.month },
                {
                  key: "amount",
                  title: t("subsidy.amountYuan"),
                  align: "right",
                  render: (_, p) => fenToYuan(p.amountFen),
                },
                { key: "paidOn", title: t("subsidy.paidOn"), render: (_, p) => formatDate(p.paidOn) },
                { key: "voucher", title: t("subsidy.voucherNo"), render: (_, p) => p.voucherNo },
                {
                  key: "by",
                  title: t("subsidy.recordedBy"),
                  render: (_, p) => `${p.by ?? NO_VALUE} ${formatDateTime(p.at)}`,
                },
              ]}
            />
          </>
        )}
      </QueryView>
    </Drawer>
  );
}
