import { yuanToFen } from "@resettle/domain";
import type { Rule } from "antd/es/form";
import type { TFunction } from "i18next";

/** An amount typed in yuan: above 0, whole fen (at most two decimals), refused otherwise — never rounded. */
export const yuanAmountRule = (t: TFunction): Rule => ({
  validator: async (_, value: string | undefined) => {
    if (!value?.trim()) return;
    const fen = yuanToFen(value);
    if (fen === null || fen <= 0) throw new Error(t("subsidy.amountInvalid"));
  },
});
