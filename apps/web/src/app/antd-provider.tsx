import { App as AntdApp, ConfigProvider, type ThemeConfig } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { useLanguage } from "../lib/i18n/use-language";

const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1f5fbf",
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: "#0f2a4a", headerHeight: 56, headerPadding: "0 24px", bodyBg: "#f0f2f5" },
    Table: { headerBg: "#f5f7fa", cellPaddingBlockMD: 10 },
  },
};

/** antd's own texts (pagination, empty states, pickers) follow the interface language. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const [language] = useLanguage();
  return (
    <ConfigProvider locale={language === "en" ? enUS : zhCN} theme={theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
