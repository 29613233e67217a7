import type { HouseholdState } from "@resettle/domain";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const COLOURS: Record<HouseholdState, string> = {
  waiting: "default",
  allocated: "blue",
  contracted: "geekblue",
  keys_handed: "cyan",
  moved_back: "green",
  monetary: "purple",
};

/** 待回迁 … 已回迁 / 货币补偿, in words and a colour. */
export function HouseholdStateTag({ state }: { state: HouseholdState }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[state]}>{t(`households.states.${state}`)}</Tag>;
}
