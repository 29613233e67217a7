import type { Briefing } from "@resettle/domain";
import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { HealthTag } from "../../../components/ui/health-tag";
import { formatCount, formatLongDate, formatPercent } from "../../../lib/format";
import { describeHealthRule } from "../../projects";
import "../reports.css";
import { ReportTable } from "./report-table";

/** A month and day in running text: 11月19日 (19 Nov). */
const monthDay = (date: string, language: string) =>
  language.startsWith("zh")
    ? `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
    : formatLongDate(date, language);

/** Percentage points, one decimal, without the sign: the words say above or below. */
const points = (n: number) => formatPercent(Math.abs(n)).replace("%", "");

/** Against the floor in running text (高于底线2.5个百分点) or in a table's cell (高2.5个百分点). */
function gapWords(t: TFunction, gap: number, cell: boolean) {
  const words = { points: points(gap) };
  if (cell)
    return gap === 0
      ? t("reports.briefing.cellEven")
      : t(gap > 0 ? "reports.briefing.cellAbove" : "reports.briefing.cellBelow", words);
  return gap === 0
    ? t("reports.briefing.floorEven")
    : t(gap > 0 ? "reports.briefing.floorAbove" : "reports.briefing.floorBelow", words);
}

/**
 * 工作简报 on A4, laid out as the server's .docx and PDF: the red masthead, the issue, the office
 * and the date over a red rule, then five numbered sections.
 */
export function BriefingDocument({ briefing: b }: { briefing: Briefing }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const language = i18n.language;
  const long = (date: string) => formatLongDate(date, language);
  const from = monthDay(b.window.from, language);
  const to = monthDay(b.window.to, language);
  const open = b.notices.open;

  return (
    <article className="report-document briefing-document" aria-labelledby={titleId}>
      <header className="briefing-masthead">
        <h1 id={titleId} className="briefing-title">
          {t("reports.briefing.title")}
        </h1>
        <p className="briefing-issue">{t("reports.briefing.issue", b.issue)}</p>
        <p className="briefing-office">
          <span>{t("reports.briefing.office")}</span>
          <span>{long(b.date)}</span>
        </p>
      </header>
      {b.demoData && <p className="report-note">{t("reports.briefing.demo")}</p>}

      <h2>{t("reports.briefing.headings.overview")}</h2>
      <p className="report-paragraph">
        {t("reports.briefing.overview", {
          date: long(b.date),
          plan: b.plan ? t("reports.briefing.planPrefix", { title: b.plan.title }) : "",
          projects: formatCount(b.totals.projects),
          households: formatCount(b.totals.households),
          movedBack: formatCount(b.totals.movedBack),
          percent: formatPercent(b.totals.movedBackPercent),
          from,
          to,
          week: formatCount(b.changes.movedBack.households),
        })}
        {b.districts
          .map(
            (d) =>
              t("reports.briefing.districtLine", {
                name: d.name,
                households: formatCount(d.households),
                movedBack: formatCount(d.movedBack),
                percent: formatPercent(d.movedBackPercent),
              }) +
              (d.floor && d.floorGapPoints !== null
                ? t("reports.briefing.clauseSeparator") +
                  gapWords(t, d.floorGapPoints, false) +
                  t("reports.briefing.floorOf", { year: d.floor.year, percent: formatPercent(d.floor.percent) })
                : ""),
          )
          .join(t("common.listSeparator"))}
        {t("reports.briefing.sentenceEnd")}
      </p>
      <ReportTable
        label={t("reports.briefing.districtTable")}
        head={[
          t("reports.briefing.districtColumns.district"),
          t("reports.briefing.districtColumns.projects"),
          t("reports.briefing.districtColumns.households"),
          t("reports.briefing.districtColumns.movedBack"),
          t("reports.briefing.districtColumns.percent"),
          t("reports.briefing.districtColumns.floor"),
          t("reports.briefing.districtColumns.gap"),
          t("reports.briefing.districtColumns.week"),
        ]}
        widths={[12, 8, 10, 10, 10, 15, 20, 15]}
        centred={[1, 2, 3, 4, 5, 6, 7]}
        rows={[
          ...b.districts.map((d) => [
            d.name,
            formatCount(d.projects),
            formatCount(d.households),
            formatCount(d.movedBack),
            formatPercent(d.movedBackPercent),
            d.floor
              ? t("reports.briefing.floorCell", { year: d.floor.year, percent: formatPercent(d.floor.percent) })
              : "—",
            d.floorGapPoints === null ? "—" : gapWords(t, d.floorGapPoints, true),
            formatCount(d.movedBackInWindow),
          ]),
          [
            t("reports.briefing.cityTotal"),
            formatCount(b.totals.projects),
            formatCount(b.totals.households),
            formatCount(b.totals.movedBack),
            formatPercent(b.totals.movedBackPercent),
            "—",
            "—",
            formatCount(b.changes.movedBack.households),
          ],
        ]}
      />

      <h2>{t("reports.briefing.headings.health")}</h2>
      <p className="report-paragraph">{t("reports.briefing.healthSummary", b.health)}</p>
      <ReportTable
        label={t("reports.briefing.projectTable")}
        head={[
          t("reports.briefing.projectColumns.no"),
          t("reports.briefing.projectColumns.project"),
          t("reports.briefing.projectColumns.district"),
          t("reports.briefing.projectColumns.level"),
          t("reports.briefing.projectColumns.movedBack"),
          t("reports.briefing.projectColumns.reasons"),
        ]}
        widths={[6, 15, 10, 11, 13, 45]}
        centred={[0, 3, 4]}
        rows={b.projects.map((p, i) => [
          i + 1,
          p.name,
          p.district.name,
          <HealthTag key="level" level={p.level} />,
          `${formatCount(p.movedBack)}/${formatCount(p.totalHouseholds)}`,
          p.rules.length
            ? p.rules.map((rule) => describeHealthRule(t, rule, language)).join(t("common.listSeparator"))
            : t("reports.briefing.noRules"),
        ])}
      />

      <h2>{t("reports.briefing.headings.changes", { from, to })}</h2>
      <p className="report-paragraph">
        {t("reports.briefing.changes", {
          households: formatCount(b.changes.movedBack.households),
          entries: b.changes.movedBack.entries,
          milestones: b.changes.milestonesCompleted,
          items: b.changes.itemsCompleted,
          notices: b.changes.noticesIssued,
          opened: b.changes.ticketsOpened,
          resolved: b.changes.ticketsResolved,
        })}
      </p>

      <h2>{t("reports.briefing.headings.overdue")}</h2>
      <p className="report-paragraph">
        {b.overdue.milestones + b.overdue.items === 0
          ? t("reports.briefing.overdueNone")
          : t("reports.briefing.overdueSummary", {
              milestones: b.overdue.milestones,
              items: b.overdue.items,
              departments: b.overdueByDepartment.length,
            })}
      </p>
      {b.overdueByDepartment.length > 0 && (
        <ReportTable
          label={t("reports.briefing.overdueTable")}
          head={[
            t("reports.briefing.overdueColumns.department"),
            t("reports.briefing.overdueColumns.milestones"),
            t("reports.briefing.overdueColumns.items"),
            t("reports.briefing.overdueColumns.total"),
            t("reports.briefing.overdueColumns.oldest"),
            t("reports.briefing.overdueColumns.days"),
          ]}
          widths={[24, 14, 14, 9, 22, 17]}
          centred={[1, 2, 3, 4, 5]}
          rows={b.overdueByDepartment.map((d) => [
            d.department?.name ?? t("reports.briefing.noDepartment"),
            d.milestones,
            d.items,
            d.milestones + d.items,
            long(d.oldestDueDate),
            formatCount(d.mostDaysOverdue),
          ])}
        />
      )}

      <h2>{t("reports.briefing.headings.notices")}</h2>
      <p className="report-paragraph">
        {t("reports.briefing.noticesSummary", {
          issued: b.notices.issued.length,
          open: open.red + open.yellow + open.blue,
          ...open,
        })}
      </p>
      {b.notices.issued.length > 0 && (
        <ReportTable
          label={t("reports.briefing.noticeTable")}
          head={[
            t("reports.briefing.noticeColumns.number"),
            t("reports.briefing.noticeColumns.level"),
            t("reports.briefing.noticeColumns.department"),
            t("reports.briefing.noticeColumns.target"),
            t("reports.briefing.noticeColumns.replyBy"),
            t("reports.briefing.noticeColumns.status"),
          ]}
          widths={[23, 11, 15, 24, 16, 11]}
          centred={[1, 4, 5]}
          rows={b.notices.issued.map((n) => [
            n.number,
            t(`notices.levels.${n.level}`),
            n.department.name,
            n.targetLabel,
            long(n.replyBy),
            t(`notices.statuses.${n.status}`),
          ])}
        />
      )}

      <p className="report-note">
        {t("reports.briefing.footnote", { date: long(b.date) })}
        {b.generatedOn !== b.date && t("reports.briefing.generatedNote", { date: long(b.generatedOn) })}
      </p>
    </article>
  );
}
