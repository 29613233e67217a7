import { useTranslation } from "react-i18next";
import { PageHeading } from "../../components/ui/page-heading";
import { PrintButton } from "../../components/ui/print-button";
import { ScorecardAddressSchema, ScorecardBoard } from "../../features/scorecards";
import { useUrlQuery } from "../../lib/url-query";
import { useDocumentTitle } from "../../lib/use-document-title";

/**
 * 绩效考评: every district or department scored for a quarter or a year, ranked, with the
 * figures and records behind each score and the rules used. The choices live in the address.
 */
export default function ScorecardsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("scorecards.title"));
  const { query, update } = useUrlQuery(ScorecardAddressSchema);
  return (
    <div className="page">
      <PageHeading title={t("scorecards.title")} subtitle={t("scorecards.subtitle")} extra={<PrintButton />} />
      <ScorecardBoard address={query} onChange={update} />
    </div>
  );
}
