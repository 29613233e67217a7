import type { Household, HouseholdEvent } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Descriptions, Drawer, Empty, Timeline } from "antd";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/ui/query-view";
import { formatDate, formatDateTime, NO_VALUE } from "../../../lib/format";
import { householdsQueries } from "../api/households.queries";
import { HouseholdStateTag } from "./household-state-tag";

/** 状态记录: one household (masked) and its moves, oldest first: the day, who, when, why. */
export function HouseholdHistoryDrawer({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useTranslation();
  const events = useQuery(householdsQueries.events(household.id));
  return (
    <Drawer open width={560} title={t("households.historyTitle", { name: household.headName })} onClose={onClose}>
      <Descriptions
        size="small"
        bordered
        column={1}
        className="form-alert"
        items={[
          { key: "id", label: t("households.idNumber"), children: household.idNumberMasked },
          { key: "phone", label: t("households.phone"), children: household.phoneMasked ?? NO_VALUE },
          { key: "address", label: t("households.address"), children: household.address },
          {
            key: "state",
            label: t("households.state"),
            children: (
              <>
                <HouseholdStateTag state={household.state} /> {formatDate(household.stateOn)}
              </>
            ),
          },
        ]}
      />
      <h3 className="section-title">{t("households.history")}</h3>
      <QueryView query={events} skeletonRows={4}>
        {(list) =>
          list.length === 0 ? (
            <Empty description={t("households.historyEmpty")} />
          ) : (
            <Timeline
              aria-label={t("households.history")}
              items={list.map((e) => ({ key: e.id, content: <EventLine event={e} /> }))}
            />
          )
        }
      </QueryView>
    </Drawer>
  );
}

function EventLine({ event }: { event: HouseholdEvent }) {
  const { t } = useTranslation();
  return (
    <div>
      <div>
        <strong>{formatDate(event.on)}</strong>{" "}
        {event.from ? (
          <>
            <HouseholdStateTag state={event.from} /> → <HouseholdStateTag state={event.to} />
          </>
        ) : (
          <>
            {t("households.entered")} <HouseholdStateTag state={event.to} />
          </>
        )}
      </div>
      {event.reason && <div>{t("households.reasonWas", { reason: event.reason })}</div>}
      <div className="form-hint">
        {t("households.recordedBy", { by: event.by ?? NO_VALUE, at: formatDateTime(event.at) })}
      </div>
    </div>
  );
}
