import type { Household } from "@resettle/domain";
import { Button, type TableColumnsType } from "antd";
import type { TFunction } from "i18next";
import { DemoTag } from "../../../components/ui/demo-tag";
import { dateColumn, numberColumn, textColumn } from "../../../components/ui/table-columns";
import { formatDate, NO_VALUE } from "../../../lib/format";
import { HouseholdStateTag } from "./household-state-tag";

type Sorters = Partial<Record<"headName" | "stateOn", object>>;

/**
 * A household's columns, shared by a project's registry and the list across projects: the
 * head's name opens the household's history; ID numbers and phones only ever masked.
 */
export function householdColumns<T extends Household>(
  t: TFunction,
  { onHistory, sorters = {} }: { onHistory: (household: T) => void; sorters?: Sorters },
): TableColumnsType<T> {
  return [
    {
      key: "headName",
      title: t("households.headName"),
      className: "cell-nowrap",
      ...sorters.headName,
      render: (_, h) => (
        <>
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => onHistory(h)}
            aria-label={t("households.historyLabel", { name: h.headName })}
          >
            {h.headName}
          </Button>
          {h.isDemo && <DemoTag />}
        </>
      ),
    },
    {
      key: "idNumber",
      title: t("households.idNumber"),
      className: "cell-nowrap mono",
      render: (_, h) => h.idNumberMasked,
    },
    {
      key: "phone",
      title: t("households.phone"),
      className: "cell-nowrap mono",
      render: (_, h) => h.phoneMasked ?? NO_VALUE,
    },
    textColumn({ key: "address", title: t("households.address"), text: (h) => h.address, minWidth: 140 }),
    numberColumn({ key: "areaM2", title: t("households.areaM2"), render: (h) => h.areaM2.toFixed(2) }),
    {
      key: "approach",
      title: t("households.approach"),
      className: "cell-nowrap",
      render: (_, h) => t(`enums.approach.${h.approach}`),
    },
    {
      key: "state",
      title: t("households.state"),
      className: "cell-nowrap",
      render: (_, h) => <HouseholdStateTag state={h.state} />,
    },
    dateColumn({
      key: "stateOn",
      title: t("households.stateOn"),
      ...sorters.stateOn,
      render: (h) => formatDate(h.stateOn),
    }),
  ];
}
