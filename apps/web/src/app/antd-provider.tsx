import { ConfigProvider, theme as antdTheme, type ThemeConfig } from "antd";
import type { ReactNode } from "react";
import { TABLE_HEADER_BG } from "../components/ui/table-header-bg";
import { cspNonce } from "../lib/content-security-policy";
import { antdLocaleOf } from "../lib/i18n/i18n";
import { useLanguage } from "../lib/i18n/use-language";

/** The page's style nonce for every <style> antd injects (lib/content-security-policy.ts). */
const csp = { nonce: cspNonce };

const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1f5fbf",
    // Links in the brand's blue, not antd's lighter default (#1677ff: 4.1:1 on white, under the 4.5:1
    // that text needs; this one is about 6:1).
    colorLink: "#1f5fbf",
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: "#0f2a4a", headerHeight: 56, headerPadding: "0 24px", bodyBg: "#f0f2f5" },
    Table: { headerBg: TABLE_HEADER_BG, cellPaddingBlockMD: 10 },
  },
};

/** antd's own texts (pagination, empty states, pickers) follow the interface language. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const [language] = useLanguage();
  return (
    <ConfigProvider locale={antdLocaleOf(language)} theme={theme} csp={csp}>
      <BaseText>{children}</BaseText>
    </ConfigProvider>
  );
}

/**
 * The text style antd's App gives the page (colour, size, line height, font), for every page.
 * App itself — the message, notification and modal hooks, and their code — wraps the signed-in
 * pages only (layout/app-layout.tsx): the login page does without (issue 13).
 */
function BaseText({ children }: { children: ReactNode }) {
  const { token } = antdTheme.useToken();
  return (
    <div
      style={{
        color: token.colorText,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        fontFamily: token.fontFamily,
      }}
    >
      {children}
    </div>
  );
}
