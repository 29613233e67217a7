import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "../../lib/i18n/i18n";
import { useLanguage } from "../../lib/i18n/use-language";

export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Segmented<Language>
      className="language-switch no-print"
      size="small"
      aria-label={t("app.languageSwitch")}
      value={language}
      options={LANGUAGES.map((value) => ({ value, label: <span lang={value}>{t(`languages.${value}`)}</span> }))}
      onChange={setLanguage}
    />
  );
}
