import { can, canActFor, type Item, type Milestone, type ProjectDetail } from "@resettle/domain";
import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Space } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SectionCard } from "../../../components/ui/section-card";
import { useSessionUser } from "../../../features/auth";
import { departmentsQueries, personsQueries, renderPerson } from "../../../features/organisation";
import { WorkDetailDrawer, type WorkDetail } from "../../../features/responsibility";
import {
  ItemFormModal,
  ItemTable,
  MilestoneFormModal,
  MilestoneTable,
  MilestoneTimeline,
  WithdrawnToggle,
  WithdrawWorkDialog,
  WorkStatusControl,
} from "../../../features/work";
import { planWindowsQuery } from "../../../lib/plan-windows";
import { MilestoneResponsibilityModal } from "./milestone-responsibility";

type Props = { project: ProjectDetail; today: string };

/** 推进时间表 and 整改事项: drawn, listed, moved in place by those responsible, planned by the office. */
export function ProjectWork({ project, today }: Props) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [assigning, setAssigning] = useState<Milestone | null>(null);
  // 详情: lead and cooperating departments, evidence, progress notes (进展情况), for every reader.
  const [detail, setDetail] = useState<WorkDetail | null>(null);
  const openDetail = (type: WorkDetail["type"], w: Milestone | Item) =>
    setDetail({
      type,
      id: w.id,
      title: w.title,
      projectName: project.name,
      status: w.status,
      withdrawn: !!w.withdrawn,
    });
  const detailButton = (type: WorkDetail["type"], w: Milestone | Item) => (
    <Button type="link" size="small" onClick={() => openDetail(type, w)}>
      {t("work.details")}
      <span className="sr-only">{` ${w.title}`}</span>
    </Button>
  );
  const [withdrawing, setWithdrawing] = useState<
    { kind: "milestone"; work: Milestone } | { kind: "item"; work: Item } | null
  >(null);
  // Withdrawn (撤销) records stay in view, struck through, unless the user hides them.
  const [showWithdrawn, setShowWithdrawn] = useState(true);
  const shown = <W extends { withdrawn: unknown }>(work: W[]) => work.filter((w) => showWithdrawn || !w.withdrawn);
  const anyWithdrawn = [...project.milestones, ...project.items].some((w) => w.withdrawn);
  const toggle = anyWithdrawn && <WithdrawnToggle checked={showWithdrawn} onChange={setShowWithdrawn} />;
  // One dialog at a time: a milestone or an item, new (no record) or being edited.
  const [dialog, setDialog] = useState<
    { kind: "milestone"; milestone?: Milestone } | { kind: "item"; item?: Item } | null
  >(null);
  const departments = useQuery(departmentsQueries.list());
  const persons = useQuery({ ...personsQueries.everyone(), enabled: dialog !== null });
  const windows = useQuery({ ...planWindowsQuery(), enabled: dialog !== null });
  const departmentName = (id: string) => departments.data?.find((d) => d.id === id)?.name;
  const canPlan = can(user, "work.plan");
  const canAssign = can(user, "responsibility.assign");
  const allowReopen = user.role === "admin";
  const control = (work: Parameters<typeof WorkStatusControl>[0]["work"], w: Milestone | Item, fromReview: boolean) => (
    <WorkStatusControl
      work={work}
      // A withdrawn record changes no more: neither a move nor a completion is offered.
      canUpdate={!w.withdrawn && canActFor(user, "work.update", [w.responsibleDepartmentId])}
      allowReopen={allowReopen}
      canVerify={!w.withdrawn && can(user, "work.verify")}
      completion={{
        completedOn: w.completedOn,
        note: w.completionNote,
        by: w.completedBy,
        returnReason: w.returned?.reason ?? null,
        verifiedBy: w.verifiedBy,
        evidenceCount: w.evidenceCount,
        fromReview,
        departmentName: w.responsibleDepartmentId ? (departmentName(w.responsibleDepartmentId) ?? null) : null,
      }}
    />
  );
  const milestoneStatus = (m: Milestone) => control({ ...m, type: "milestone" }, m, false);
  const itemStatus = (i: Item) => control({ ...i, type: "item" }, i, !!i.review);
  const createButton = (kind: "milestone" | "item", label: ReactNode) =>
    canPlan && (
      <Button className="no-print" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind })}>
        {label}
      </Button>
    );
  const editButton = (onClick: () => void, name: string) => (
    <Button type="link" size="small" onClick={onClick}>
      {t("common.edit")}
      <span className="sr-only">{` ${name}`}</span>
    </Button>
  );
  const withdrawButton = (onClick: () => void, name: string) => (
    <Button type="link" size="small" danger onClick={onClick}>
      {t("withdraw.button")}
      <span className="sr-only">{` ${name}`}</span>
    </Button>
  );

  return (
    <>
      <SectionCard
        title={t("project.milestones.title")}
        extra={
          <Space wrap>
            {toggle}
            {createButton("milestone", t("work.milestones.create"))}
          </Space>
        }
      >
        <MilestoneTimeline milestones={project.milestones.filter((m) => !m.withdrawn)} today={today} />
        <MilestoneTable
          milestones={shown(project.milestones)}
          today={today}
          departmentName={departmentName}
          renderPerson={renderPerson}
          renderStatus={milestoneStatus}
          renderActions={(m) => (
            <Space size={0} wrap>
              {detailButton("milestone", m)}
              {/* A withdrawn record changes no more: no other action on its row. */}
              {!m.withdrawn && (canPlan || canAssign) && (
                <>
                  {canPlan && editButton(() => setDialog({ kind: "milestone", milestone: m }), m.title)}
                  {canAssign && (
                    <Button type="link" size="small" onClick={() => setAssigning(m)}>
                      {t("responsibility.assignMilestone")}
                      <span className="sr-only">{` ${m.title}`}</span>
                    </Button>
                  )}
                  {canPlan &&
                    m.status !== "done" &&
                    m.status !== "awaiting_verification" &&
                    withdrawButton(() => setWithdrawing({ kind: "milestone", work: m }), m.title)}
                </>
              )}
            </Space>
          )}
        />
      </SectionCard>
      <SectionCard
        title={t("work.items.title")}
        extra={
          <Space wrap>
            {toggle}
            {createButton("item", t("work.items.create"))}
          </Space>
        }
      >
        <ItemTable
          items={shown(project.items)}
          today={today}
          departmentName={departmentName}
          renderPerson={(id) => renderPerson(id)}
          renderStatus={itemStatus}
          renderActions={(i) => (
            <Space size={0} wrap>
              {detailButton("item", i)}
              {canPlan && !i.withdrawn && (
                <>
                  {editButton(() => setDialog({ kind: "item", item: i }), i.title)}
                  {i.status !== "done" &&
                    i.status !== "awaiting_verification" &&
                    withdrawButton(() => setWithdrawing({ kind: "item", work: i }), i.title)}
                </>
              )}
            </Space>
          )}
        />
      </SectionCard>
      {withdrawing?.kind === "milestone" && (
        <WithdrawWorkDialog kind="milestone" work={withdrawing.work} onClose={() => setWithdrawing(null)} />
      )}
      {withdrawing?.kind === "item" && (
        <WithdrawWorkDialog kind="item" work={withdrawing.work} onClose={() => setWithdrawing(null)} />
      )}
      {detail && <WorkDetailDrawer work={detail} onClose={() => setDetail(null)} />}
      {assigning && <MilestoneResponsibilityModal milestone={assigning} onClose={() => setAssigning(null)} />}
      {dialog?.kind === "milestone" && (
        <MilestoneFormModal
          projectId={project.id}
          projectName={project.name}
          milestone={dialog.milestone}
          departments={departments.data}
          persons={persons.data?.items}
          dueWindow={windows.data?.dueDate}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "item" && (
        <ItemFormModal
          projectId={project.id}
          projectName={project.name}
          item={dialog.item}
          departments={departments.data}
          persons={persons.data?.items}
          dueWindow={windows.data?.dueDate}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
