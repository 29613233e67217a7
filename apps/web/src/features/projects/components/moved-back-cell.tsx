import { percentOf } from "@resettle/domain";
import { useTranslation } from "react-i18next";
import { formatCount, formatPercent } from "../../../lib/format";

type Props = { movedBack: number; totalHouseholds: number };

export function MovedBackCell({ movedBack, totalHouseholds }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {t("common.countWithShare", {
        value: formatCount(movedBack),
        percent: formatPercent(percentOf(movedBack, totalHouseholds)),
      })}
    </>
  );
}
