import { LockOutlined } from "@ant-design/icons";
import type { Review, ReviewedProject } from "@resettle/domain";
import { Tag } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime, formatLongDate, NO_VALUE } from "../../../lib/format";
import { sectionNumber, subsectionNumber } from "../lib/chinese-numeral";
import { ReviewSignOff } from "./review-sign-off";
import "../reviews.css";

type Attendee = Review["attendees"][number];

/** Attendees under their department, departments in the order they first appear. */
function byDepartment(attendees: Attendee[]) {
  const groups = new Map<string, { name: string; persons: Attendee[] }>();
  for (const a of attendees) {
    const group = groups.get(a.department.id) ?? { name: a.department.name, persons: [] };
    group.persons.push(a);
    groups.set(a.department.id, group);
  }
  return [...groups.values()];
}

/**
 * 研判会纪要, laid out as a government meeting record: title, date, attendees, then per project
 * its findings, decisions and follow-up table, the sign-off and any addenda. Prints on A4.
 */
export function ReviewMinutes({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const language = i18n.language;
  const separator = t("reviews.minutes.nameSeparator");
  const colon = t("reviews.minutes.colon");

  return (
    <article className="review-minutes" aria-labelledby={titleId}>
      <header className="minutes-header">
        <h1 id={titleId} className="minutes-title">
          {t("reviews.minutesTitle", { group: review.group.name })}
        </h1>
        {review.locked && (
          <Tag icon={<LockOutlined aria-hidden />} color="default" className="minutes-locked-tag">
            {t("reviews.minutes.locked")}
          </Tag>
        )}
      </header>
      <dl className="minutes-facts">
        <div>
          <dt>
            {t("reviews.minutes.heldOn")}
            {colon}
          </dt>
          <dd>{formatLongDate(review.heldOn, language)}</dd>
        </div>
        <div>
          <dt>
            {t("reviews.minutes.attendees")}
            {colon}
          </dt>
          <dd>
            {byDepartment(review.attendees).map((d) => (
              <div key={d.name} className="minutes-attendee-line">
                <span className="minutes-attendee-department">{d.name}</span>
                {colon}
                {d.persons.map((p) => (p.title ? `${p.name}（${p.title}）` : p.name)).join(separator)}
              </div>
            ))}
          </dd>
        </div>
        <div>
          <dt>
            {t("reviews.minutes.recordedBy")}
            {colon}
          </dt>
          <dd>
            {review.createdBy ?? NO_VALUE}
            <span className="minutes-recorded-at">
              {t("reviews.minutes.recordedAt", { time: formatDateTime(review.createdAt) })}
            </span>
          </dd>
        </div>
      </dl>
      <p className="minutes-lead">
        {t("reviews.minutes.lead", {
          date: formatLongDate(review.heldOn, language),
          group: review.group.name,
          count: review.projects.length,
        })}
      </p>
      {review.projects.map((p, index) => (
        <MinutesProject key={p.project.id} project={p} number={sectionNumber(index + 1, language)} />
      ))}
      <ReviewSignOff review={review} number={sectionNumber(review.projects.length + 1, language)} />
      {review.addenda.length > 0 && (
        <section className="minutes-addenda" aria-labelledby={`${titleId}-addenda`}>
          <h2 id={`${titleId}-addenda`} className="minutes-heading">
            {sectionNumber(review.projects.length + 2, language)}
            {t("reviews.minutes.addenda")}
          </h2>
          <ol>
            {review.addenda.map((a) => (
              <li key={a.id}>
                <Paragraphs text={a.text} />
                <p className="minutes-addendum-by">
                  {t("reviews.minutes.addendumBy", {
                    by: a.createdBy ?? NO_VALUE,
                    time: formatDateTime(a.createdAt),
                  })}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}

/** Each line its own indented paragraph, as a document sets running text. */
function Paragraphs({ text }: { text: string }) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  return (
    <>
      {lines.map((line, index) => (
        <p key={index} className="minutes-text">
          {line}
        </p>
      ))}
    </>
  );
}

function MinutesProject({ project, number }: { project: ReviewedProject; number: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const sub = (n: number) => subsectionNumber(n, i18n.language);
  const columns = {
    index: t("reviews.minutes.columns.index"),
    title: t("reviews.minutes.columns.title"),
    department: t("reviews.minutes.columns.department"),
    person: t("reviews.minutes.columns.person"),
    dueDate: t("reviews.minutes.columns.dueDate"),
    status: t("reviews.minutes.columns.status"),
  };

  return (
    <section className="minutes-project" aria-labelledby={headingId}>
      <h2 id={headingId} className="minutes-heading">
        {number}
        <Link to={`/projects/${project.project.id}`}>{project.project.name}</Link>
      </h2>
      <h3 className="minutes-subheading">
        {sub(1)}
        {t("reviews.minutes.findings")}
      </h3>
      <Paragraphs text={project.findings} />
      <h3 className="minutes-subheading">
        {sub(2)}
        {t("reviews.minutes.decisions")}
      </h3>
      <Paragraphs text={project.decisions} />
      <h3 className="minutes-subheading">
        {sub(3)}
        {t("reviews.minutes.actions")}
      </h3>
      {project.actions.length === 0 ? (
        <p className="minutes-text">{t("reviews.minutes.noActions")}</p>
      ) : (
        <table className="minutes-table">
          <caption className="sr-only">
            {t("reviews.minutes.actionsCaption", { project: project.project.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="minutes-col-index">
                {columns.index}
              </th>
              <th scope="col">{columns.title}</th>
              <th scope="col">{columns.department}</th>
              <th scope="col">{columns.person}</th>
              <th scope="col" className="minutes-col-date">
                {columns.dueDate}
              </th>
              <th scope="col" className="minutes-col-status">
                {columns.status}
              </th>
            </tr>
          </thead>
          <tbody>
            {project.actions.map((a, index) => (
              <tr key={a.itemId} className={a.withdrawn ? "row-withdrawn" : undefined}>
                <td className="minutes-col-index">{index + 1}</td>
                <td>{a.title}</td>
                <td>{a.department?.name ?? NO_VALUE}</td>
                <td>{a.person?.name ?? NO_VALUE}</td>
                <td className="minutes-col-date">{formatDate(a.dueDate)}</td>
                <td className={`minutes-col-status work-status-${a.status}`}>
                  {a.withdrawn ? t("withdraw.withdrawn") : t(`enums.workStatus.${a.status}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
