import type { MyWork } from "@resettle/domain";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { MyWorkTable } from "./my-work-table";

/** 待复核: the office's list of every department's completions awaiting its verification, oldest first. */
export function AwaitingVerification({ entries }: { entries: MyWork["awaitingVerification"] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <section className="awaiting-verification" aria-labelledby="awaiting-verification-title">
      <Typography.Title level={4} id="awaiting-verification-title">
        {t("verification.listTitle", { count: entries.length })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("verification.listHint")}</Typography.Paragraph>
      <MyWorkTable entries={entries} canUpdate={() => false} allowReopen={false} canVerify />
    </section>
  );
}
