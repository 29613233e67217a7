import type { Notice } from "@resettle/domain";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatLongDate } from "../../../lib/format";
import "../notices.css";

/** The day of a moment, in China (the day on the paper): 2026-11-20. */
const chinaDay = (at: string | null) => (at ? formatDateTime(at).slice(0, 10) : null);

/**
 * 督办单 as the office files and sends it, on one A4 sheet: the title, the number under it, the
 * bordered table of the notice and its answers so far, the office and the date at the bottom right.
 */
export function NoticeDocument({ notice }: { notice: Notice }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const long = (day: string | null) => formatLongDate(day, i18n.language);
  const approved = notice.extension?.status === "approved" ? notice.extension.until : null;
  const names = notice.cooperating.map((d) => d.name).join(t("notices.document.nameSeparator"));
  const rows: [string, string][] = [
    [t("notices.document.target"), notice.targetLabel],
    [t("notices.document.department"), notice.department.name],
    ...(notice.cooperating.length > 0 ? [[t("notices.document.cooperating"), names] as [string, string]] : []),
    [t("notices.document.level"), t(`notices.levels.${notice.level}`)],
    [t("notices.document.requirement"), notice.requirement],
    [
      t("notices.document.replyBy"),
      approved
        ? t("notices.document.extendedTo", { date: long(notice.replyBy), until: long(approved) })
        : long(notice.replyBy),
    ],
    [t("notices.document.issuedOn"), long(chinaDay(notice.issuedAt))],
  ];
  if (notice.receivedAt) rows.push([t("notices.document.receipt"), long(chinaDay(notice.receivedAt))]);
  if (notice.measures)
    rows.push([
      t("notices.document.reply"),
      `${notice.measures}\n${t("notices.document.on", { date: long(chinaDay(notice.repliedAt)) })}`,
    ]);
  if (notice.status === "closed")
    rows.push([
      t("notices.document.review"),
      [
        t("notices.document.closed"),
        notice.reviewComment,
        t("notices.document.on", { date: long(chinaDay(notice.closedAt)) }),
      ]
        .filter(Boolean)
        .join("\n"),
    ]);
  else if (notice.status === "returned" && notice.reviewComment)
    rows.push([t("notices.document.review"), `${t("notices.document.returned")}\n${notice.reviewComment}`]);
  return (
    <article className="notice-document" aria-labelledby={titleId}>
      <h1 id={titleId} className="notice-document-title">
        {t("notices.document.title")}
      </h1>
      <p className="notice-document-number">{notice.number}</p>
      <table className="notice-document-table">
        <tbody>
          {rows.map(([label, text]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="notice-document-seal">
        <div>{t("notices.document.office")}</div>
        <div>{long(chinaDay(notice.issuedAt))}</div>
      </div>
      {/* 版记: the cooperating departments receive a copy (抄送), between two rules at the foot. */}
      {notice.cooperating.length > 0 && (
        <p className="notice-document-copy">{t("notices.document.copyTo", { names })}</p>
      )}
    </article>
  );
}
