import { can, canActFor, type WorkStatus } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Descriptions, Drawer, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/ui/query-view";
import { WorkStatusTag } from "../../../components/ui/work-status-tag";
import { useSessionUser } from "../../auth";
import { departmentsQueries } from "../../organisation";
import { EvidenceAttach, EvidenceList } from "../../work";
import { responsibilityQueries } from "../api/responsibility.queries";
import { CooperatingTags, LeadTag } from "./cooperator-tags";
import { CooperatorsModal } from "./cooperators-modal";
import { WorkNotes } from "./work-notes";

/** The milestone or item the drawer is about, as the list that opens it has it. */
export type WorkDetail = {
  type: "milestone" | "item";
  id: string;
  title: string;
  projectName?: string;
  status: WorkStatus;
  withdrawn: boolean;
};

/**
 * 详情 of a milestone or an item: its lead (牵头单位) and the departments cooperating (配合单位;
 * the office sets them), its evidence (证明材料) and progress notes (进展情况). The lead's and
 * the cooperating departments' coordinators, the office and the working group add notes and
 * evidence; the status stays the lead's, moved where the record is listed.
 */
export function WorkDetailDrawer({ work, onClose }: { work: WorkDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const target = { kind: work.type, id: work.id };
  const ref = { type: work.type, id: work.id };
  // Always read afresh: the lead may have changed through the record's own form meanwhile.
  const cooperators = useQuery({ ...responsibilityQueries.cooperators(target), refetchOnMount: "always" });
  const [setting, setSetting] = useState(false);
  const departments = useQuery({ ...departmentsQueries.list(), enabled: setting });
  const open = work.status !== "done" && !work.withdrawn;

  return (
    <Drawer
      open
      width={720}
      title={t("cooperation.drawerTitle", { kind: t(`work.type.${work.type}`), title: work.title })}
      onClose={onClose}
    >
      <QueryView query={cooperators} compact skeletonRows={3}>
        {(data) => {
          const canWrite = canActFor(user, "work.update", [data.lead?.id, ...data.cooperating.map((d) => d.id)]);
          return (
            <>
              <Descriptions
                bordered
                size="small"
                column={1}
                items={[
                  ...(work.projectName
                    ? [{ key: "project", label: t("work.mine.columns.project"), children: work.projectName }]
                    : []),
                  {
                    key: "status",
                    label: t("work.mine.columns.status"),
                    children: <WorkStatusTag status={work.status} />,
                  },
                  { key: "lead", label: t("cooperation.lead"), children: <LeadTag lead={data.lead} /> },
                  {
                    key: "cooperating",
                    label: t("cooperation.cooperating"),
                    children: (
                      <>
                        <CooperatingTags cooperating={data.cooperating} />
                        {can(user, "responsibility.assign") && !work.withdrawn && (
                          <Button size="small" type="link" onClick={() => setSetting(true)}>
                            {t("cooperation.set")}
                          </Button>
                        )}
                      </>
                    ),
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" className="form-hint-block">
                {t("cooperation.statusStaysLead")}
              </Typography.Paragraph>
              <EvidenceList work={ref} canWithdraw={canWrite && open} />
              {canWrite && open && <EvidenceAttach work={ref} />}
              <WorkNotes target={target} canWrite={canWrite && !work.withdrawn} />
              {setting && (
                <CooperatorsModal
                  target={target}
                  name={work.title}
                  current={data}
                  departments={departments.data}
                  onClose={() => setSetting(false)}
                />
              )}
            </>
          );
        }}
      </QueryView>
    </Drawer>
  );
}
