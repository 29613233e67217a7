import type { Review } from "@resettle/domain";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";
import "../reviews.css";

/** 会签: every member department present, who signed for it and when, or 待签. */
export function ReviewSignOff({ review, number }: { review: Review; number: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const signed = new Map(review.signatures.map((s) => [s.departmentId, s]));
  const total = review.requiredDepartments.length;

  return (
    <section className="minutes-signoff" aria-labelledby={headingId}>
      <h2 id={headingId} className="minutes-heading">
        {number}
        {t("reviews.minutes.signOff")}
      </h2>
      <p className="minutes-text">
        {review.locked
          ? t("reviews.minutes.lockedAt", { time: formatDateTime(review.lockedAt) })
          : t("reviews.minutes.progress", { signed: total - review.pendingDepartmentIds.length, total })}
      </p>
      {total > 0 && (
        <table className="minutes-table">
          <caption className="sr-only">{t("reviews.minutes.signOffCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reviews.minutes.signOffColumns.department")}</th>
              <th scope="col">{t("reviews.minutes.signOffColumns.signer")}</th>
              <th scope="col">{t("reviews.minutes.signOffColumns.signedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {review.requiredDepartments.map((d) => {
              const signature = signed.get(d.id);
              return (
                <tr key={d.id} className={signature ? "signoff-signed" : "signoff-pending"}>
                  <th scope="row">{d.name}</th>
                  <td>
                    {signature ? (
                      signature.signedBy
                    ) : (
                      <span className="signoff-pending-text">{t("reviews.minutes.pending")}</span>
                    )}
                  </td>
                  <td>{signature ? formatDateTime(signature.signedAt) : ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
