import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { NotFoundResult } from "../../components/ui/not-found-result";

/** Last line of defence: a page that crashed while rendering, or a chunk that failed to load. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main className="app-main">
        <NotFoundResult
          title={t("notFound.title")}
          description={t("notFound.description")}
          backTo="/"
          backLabel={t("common.backToDashboard")}
        />
      </main>
    );
  }
  console.error(error);
  return (
    <main className="app-main">
      <Result
        status="500"
        title={<h1 className="result-title">{t("errors.pageCrashed")}</h1>}
        subTitle={t("errors.pageCrashedHint")}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t("common.reload")}
          </Button>
        }
      />
    </main>
  );
}
