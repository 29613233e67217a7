import type { VerificationRule } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { App, Popconfirm, Switch, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { PageHeading } from "../../../components/ui/page-heading";
import { QueryView } from "../../../components/ui/query-view";
import { completionQueries, useUpdateVerificationRule } from "../../../features/work";
import { actionErrorMessage } from "../../../lib/error-message";
import { formatDateTime } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";

/** 复核规则: which kinds of work the office verifies before a completion counts as done (the office only). */
export default function VerificationRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t("verificationRules.title"));
  const rules = useQuery(completionQueries.rules());
  const update = useUpdateVerificationRule();

  const toggle = (rule: VerificationRule) =>
    update
      .mutateAsync({ kind: rule.kind, requiresVerification: !rule.requiresVerification, version: rule.version })
      .then(
        () => void message.success(t("verificationRules.saved")),
        (error: unknown) => void message.error(actionErrorMessage(t, error)),
      );

  const columns: TableColumnsType<VerificationRule> = [
    { key: "kind", title: t("verificationRules.kind"), render: (_, r) => t(`verificationRules.kinds.${r.kind}`) },
    {
      key: "requires",
      title: t("verificationRules.requires"),
      render: (_, r) => (
        // A change of rule is confirmed first: it decides whether later completions count at once.
        <Popconfirm
          title={t(r.requiresVerification ? "verificationRules.confirmOff" : "verificationRules.confirmOn")}
          onConfirm={() => toggle(r)}
        >
          <Switch
            checked={r.requiresVerification}
            loading={update.isPending}
            aria-label={`${t("verificationRules.requires")}: ${t(`verificationRules.kinds.${r.kind}`)}`}
          />
        </Popconfirm>
      ),
    },
    { key: "updatedAt", title: t("verificationRules.updatedAt"), render: (_, r) => formatDateTime(r.updatedAt) },
  ];

  return (
    <div className="page">
      <PageHeading title={t("verificationRules.title")} subtitle={t("verificationRules.subtitle")} />
      <div className="panel">
        <QueryView query={rules} skeletonRows={3}>
          {(list) => <Table<VerificationRule> rowKey="kind" pagination={false} columns={columns} dataSource={list} />}
        </QueryView>
      </div>
    </div>
  );
}
