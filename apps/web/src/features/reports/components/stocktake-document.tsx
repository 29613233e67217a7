import type { Stocktake, StocktakeProject } from "@resettle/domain";
import { fenToYuan } from "@resettle/domain";
import { Skeleton } from "antd";
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { HealthTag } from "../../../components/ui/health-tag";
import { TrajectoryFigures } from "../../../components/ui/trajectory-figures";
import { formatCount, formatDateTime, formatLongDate } from "../../../lib/format";
import { HealthCard } from "../../projects";
import "../reports.css";
import { ReportTable } from "./report-table";

// echarts loads with the first chart, not with the page; printing waits until every chart is drawn.
const StocktakeChart = lazy(() => import("./stocktake-chart"));

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="stocktake-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function ProjectPages({
  project: p,
  index,
  onDrawn,
}: {
  project: StocktakeProject;
  index: number;
  onDrawn: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const long = (date: string | null) => formatLongDate(date, i18n.language);
  const none = <p className="report-none">{t("reports.stocktake.none")}</p>;
  const drawn = useCallback(() => onDrawn(p.id), [onDrawn, p.id]);
  const labels = useMemo(
    () => ({
      planned: t("trajectory.chart.planned"),
      actual: t("trajectory.chart.actual"),
      year: (year: number) => t("common.yearLabel", { year }),
    }),
    [t],
  );
  const description = t("trajectory.chart.label", {
    name: p.name,
    summary: p.trajectory.years
      .map((y) =>
        t("trajectory.chart.year", {
          year: y.year,
          planned: formatCount(y.cumulativePlanned),
          actual: formatCount(y.cumulativeActual),
        }),
      )
      .join(t("common.listSeparator")),
  });
  const kind = (k: "milestone" | "item") => t(`reports.stocktake.kinds.${k}`);
  const due = (w: { dueDate: string; overdue: boolean }) =>
    w.overdue ? `${long(w.dueDate)}（${t("reports.stocktake.overdue")}）` : long(w.dueDate);
  const owed = p.decisionsOwed;
  const nothingOwed = owed.verifications.length + owed.noticeReviews.length + owed.extensions.length === 0;

  return (
    <section className="stocktake-project" aria-labelledby={`stocktake-${p.id}`}>
      <h2 id={`stocktake-${p.id}`} className="stocktake-project-title">
        <span>{t("reports.stocktake.projectHeading", { index: index + 1, name: p.name })}</span>
        <HealthTag level={p.level} />
      </h2>
      <table className="report-table stocktake-facts">
        <tbody>
          <tr>
            <th scope="row">{t("reports.stocktake.facts.district")}</th>
            <td>{p.district.name}</td>
            <th scope="row">{t("reports.stocktake.facts.status")}</th>
            <td>{t(`enums.projectStatus.${p.status}`)}</td>
          </tr>
          <tr>
            <th scope="row">{t("reports.stocktake.facts.responsible")}</th>
            <td>{p.responsibleDepartment?.name ?? "—"}</td>
            <th scope="row">{t("reports.stocktake.facts.person")}</th>
            <td>{p.responsiblePerson?.name ?? "—"}</td>
          </tr>
          <tr>
            <th scope="row">{t("reports.stocktake.facts.problem")}</th>
            <td colSpan={3}>{p.problemStatement ?? "—"}</td>
          </tr>
          <tr>
            <th scope="row">{t("reports.stocktake.facts.lastReview")}</th>
            <td colSpan={3}>
              {p.lastReview
                ? t("reports.stocktake.lastReview", {
                    date: long(p.lastReview.heldOn),
                    decisions: p.lastReview.decisions,
                  })
                : t("reports.stocktake.facts.noReview")}
            </td>
          </tr>
        </tbody>
      </table>

      <Section title={t("reports.stocktake.sections.trajectory")}>
        <TrajectoryFigures trajectory={p.trajectory} showTotals column={2} />
        {p.trajectory.years.length > 0 && (
          <Suspense fallback={<Skeleton.Node active className="project-chart-placeholder" />}>
            <StocktakeChart years={p.trajectory.years} labels={labels} description={description} onDrawn={drawn} />
          </Suspense>
        )}
      </Section>

      <Section title={t("reports.stocktake.sections.health")}>
        <HealthCard health={{ level: p.level, rules: p.rules }} />
      </Section>

      <Section title={t("reports.stocktake.sections.blockers")}>
        {p.blockers.length === 0 ? (
          none
        ) : (
          <ReportTable
            label={t("reports.stocktake.sections.blockers")}
            head={[
              t("reports.stocktake.columns.kind"),
              t("reports.stocktake.columns.title"),
              t("reports.stocktake.columns.department"),
              t("reports.stocktake.columns.dueDate"),
              t("reports.stocktake.columns.reason"),
            ]}
            rows={p.blockers.map((b) => [kind(b.kind), b.title, b.department?.name ?? "—", due(b), b.reason ?? "—"])}
          />
        )}
      </Section>

      <Section title={t("reports.stocktake.sections.followUps")}>
        {p.followUps.length === 0 ? (
          none
        ) : (
          <ReportTable
            label={t("reports.stocktake.sections.followUps")}
            head={[
              t("reports.stocktake.columns.title"),
              t("reports.stocktake.columns.department"),
              t("reports.stocktake.columns.dueDate"),
              t("reports.stocktake.columns.status"),
              t("reports.stocktake.columns.review"),
            ]}
            rows={p.followUps.map((f) => [
              f.title,
              f.department?.name ?? "—",
              due(f),
              t(`enums.workStatus.${f.status}`),
              long(f.reviewHeldOn),
            ])}
          />
        )}
      </Section>

      <Section title={t("reports.stocktake.sections.tickets")}>
        <p className="report-paragraph">
          {t("reports.stocktake.ticketsSummary", { open: p.tickets.open, overdue: p.tickets.overdue })}
        </p>
        {p.tickets.items.length > 0 && (
          <ReportTable
            label={t("reports.stocktake.sections.tickets")}
            head={[
              t("reports.stocktake.columns.ticketKind"),
              t("reports.stocktake.columns.description"),
              t("reports.stocktake.columns.reportedAt"),
              t("reports.stocktake.columns.deadlineAt"),
              t("reports.stocktake.columns.department"),
            ]}
            rows={p.tickets.items.map((x) => [
              t(`tickets.kinds.${x.kind}`),
              x.description,
              formatDateTime(x.reportedAt).slice(0, 16),
              x.overdue
                ? `${formatDateTime(x.deadlineAt).slice(0, 16)}（${t("reports.stocktake.overdue")}）`
                : formatDateTime(x.deadlineAt).slice(0, 16),
              x.department?.name ?? "—",
            ])}
          />
        )}
      </Section>

      <Section title={t("reports.stocktake.sections.arrears")}>
        <p className="report-paragraph">
          {!p.arrears
            ? t("reports.stocktake.noStandard")
            : p.arrears.amountOwed === 0
              ? t("reports.stocktake.noArrears")
              : t("reports.stocktake.arrearsLine", {
                  households: formatCount(p.arrears.households),
                  amount: fenToYuan(p.arrears.amountOwed),
                  over90: fenToYuan(p.arrears.over90),
                  month: p.arrears.oldestDueMonth ?? "—",
                })}
        </p>
      </Section>

      <Section title={t("reports.stocktake.sections.decisions")}>
        {nothingOwed ? (
          none
        ) : (
          <ul className="stocktake-decisions">
            {owed.verifications.map((w) => (
              <li key={w.id}>
                {t("reports.stocktake.verification", {
                  kind: kind(w.kind),
                  title: w.title,
                  department: w.department?.name ?? "—",
                  date: long(w.completedOn),
                })}
              </li>
            ))}
            {owed.noticeReviews.map((n) => (
              <li key={n.id}>
                {t("reports.stocktake.noticeReview", {
                  number: n.number,
                  level: t(`notices.levels.${n.level}`),
                  department: n.department.name,
                })}
              </li>
            ))}
            {owed.extensions.map((n) => (
              <li key={n.id}>
                {t("reports.stocktake.extension", {
                  number: n.number,
                  department: n.department.name,
                  until: long(n.until),
                })}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </section>
  );
}

/**
 * 逐项目研判材料 on A4: a cover naming the group and its projects, then each project on pages of
 * its own. `onReady` is called once every trajectory chart is drawn (the page may print then).
 */
export function StocktakeDocument({ stocktake: s, onReady }: { stocktake: Stocktake; onReady: () => void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());
  const markDrawn = useCallback(
    (id: string) => setDrawn((before) => (before.has(id) ? before : new Set(before).add(id))),
    [],
  );
  const charts = s.projects.filter((p) => p.trajectory.years.length > 0).map((p) => p.id);
  const ready = charts.every((id) => drawn.has(id));
  useEffect(() => {
    if (ready) onReady();
  }, [ready, onReady]);

  return (
    <article className="report-document stocktake-document" aria-labelledby={titleId}>
      <header className="stocktake-cover">
        <h1 id={titleId}>{t("reports.stocktake.title")}</h1>
        <p>
          {t("reports.stocktake.subtitle", {
            group: s.group.name,
            lead: s.group.leadDepartment.name,
            date: formatLongDate(s.asOf, i18n.language),
          })}
        </p>
        {s.projects.length === 0 ? (
          <p className="report-none">{t("reports.stocktake.empty")}</p>
        ) : (
          <ol className="stocktake-contents" aria-label={t("reports.stocktake.contents")}>
            {s.projects.map((p) => (
              <li key={p.id}>
                {p.name}（{p.district.name}）
                <HealthTag level={p.level} />
              </li>
            ))}
          </ol>
        )}
      </header>
      {s.projects.map((p, index) => (
        <ProjectPages key={p.id} project={p} index={index} onDrawn={markDrawn} />
      ))}
    </article>
  );
}
