import type { UseQueryResult } from "@tanstack/react-query";
import { Empty, Skeleton } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "./error-result";

type Props<T> = {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  emptyDescription?: ReactNode;
  skeletonRows?: number;
  compact?: boolean;
};

/** The loading, error and empty states every data view needs, in one place. */
export function QueryView<T>({ query, children, isEmpty, emptyDescription, skeletonRows = 4, compact }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <div aria-busy="true">
        <Skeleton active paragraph={{ rows: skeletonRows }} />
      </div>
    );
  }
  if (query.isError) {
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} compact={compact} />;
  }
  if (isEmpty?.(query.data)) {
    return <Empty description={emptyDescription ?? t("common.empty")} />;
  }
  return <>{children(query.data)}</>;
}
