import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { fetchFile, type QueryParams } from "../../lib/api-client";
import { isApiError } from "../../lib/api-error";
import { actionErrorMessage } from "../../lib/error-message";

/**
 * 导出 Excel: downloads a list's `/export` with the filters on screen. A refusal (too many rows:
 * narrow the filters) is said in a message, and the page stays as it is.
 */
export function ExportButton({
  path,
  params,
  children,
  what,
}: {
  /** The export's path under /api, e.g. `/projects/export`. */
  path: string;
  params?: QueryParams;
  children?: ReactNode;
  /** What it exports, for its accessible name where a page has several (导出 Excel：台账记录). */
  what?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await fetchFile(path, params);
      const href = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = href;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    } catch (error) {
      const issue = isApiError(error) ? error.details[0] : undefined;
      void message.error(
        issue?.reason === "too_big"
          ? t("export.tooMany", { maximum: (issue.params as { maximum?: number } | undefined)?.maximum })
          : actionErrorMessage(t, error),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      className="no-print"
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => void download()}
      aria-label={what ? t("export.buttonFor", { what }) : undefined}
    >
      {children ?? t("export.button")}
    </Button>
  );
}
