import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "../lib/i18n/i18n";
import { createQueryClient } from "../lib/query-client";
import { AntdProvider } from "./antd-provider";

/**
 * App-wide context, outermost first. The session (current user from /api/auth/me) is a query
 * of this client, read by the router's session guard (layout/require-session.tsx).
 */
export function Providers({ children }: { children: ReactNode }) {
  const [i18n] = useState(() => createI18n());
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AntdProvider>{children}</AntdProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
