import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, type RenderResult } from "@testing-library/react";
import { App as AntdApp } from "antd";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter } from "react-router";
import { createI18n, type Language } from "../lib/i18n/i18n";

type Options = {
  /** The address the router starts at. */
  route?: string;
  queryClient?: QueryClient;
};

export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

export function renderWithProviders(
  ui: ReactElement,
  language: Language = "zh-CN",
  { route = "/", queryClient = createTestQueryClient() }: Options = {},
): RenderResult {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <QueryClientProvider client={queryClient}>
        <AntdApp>
          <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
        </AntdApp>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
