import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Each page names itself in the tab and for screen readers announcing navigation. */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const appName = t("app.name");
  useEffect(() => {
    document.title = title ? `${title} - ${appName}` : appName;
  }, [title, appName]);
}
