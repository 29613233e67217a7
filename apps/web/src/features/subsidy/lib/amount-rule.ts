import { FEN_MAX, fenToYuan, yuanToFen } from "@resettle/domain";
import type { Rule } from "antd/es/form";
import type { TFunction } from "i18next";

/** An amount typed in yuan: above 0, whole fen (at most two decimals), at most FEN_MAX, refused otherwise — never rounded. */
export const yuanAmountRule = (t: TFunction): Rule => ({
  validator: async (_, value: string | undefined) => {
    if (!value?.trim()) return;
    const fen = yuanToFen(value);
    if (fen === null || fen <= 0) throw new Error(t("subsidy.amountInvalid"));
    if (fen > FEN_MAX) throw new Error(t("subsidy.amountTooBig", { max: fenToYuan(FEN_MAX) }));
  },
});
