import type { AuditEvent } from "@resettle/domain";
import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubFetchByUrl } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { ProjectHistory } from "./project-history";

const projectId = "14ec28ab-36ee-49fc-a9e3-a43d5bf69a17";
const actorId = "5d0e7a36-2b8f-4c1d-9e3a-7b6c5d4e3f21";
const departmentId = "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b";

const event = (patch: Partial<AuditEvent>): AuditEvent => ({
  id: "1",
  at: "2026-11-26T02:00:00.000Z",
  actorId,
  actorName: "张主任（演示）",
  action: "update",
  entityType: "project",
  entityId: projectId,
  entityLabel: null,
  before: null,
  after: null,
  requestId: null,
  clientRequestId: null,
  projectId,
  ...patch,
});

const events: AuditEvent[] = [
  event({
    id: "3",
    at: "2026-11-26T02:00:00.000Z",
    action: "report_progress",
    entityType: "progress_report",
    entityId: "9c1b2a3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    before: { projectId, project: "宏伟小区", movedBack: 900 },
    after: { movedBack: 920, households: 20, reportedOn: "2026-11-26", note: null, reason: null },
  }),
  event({
    id: "2",
    at: "2026-11-25T16:30:00.000Z",
    action: "status_done",
    entityType: "milestone",
    entityId: "7e6d5c4b-3a29-4180-8f7e-6d5c4b3a2918",
    before: { status: "in_progress", title: "完成主体施工" },
    after: { status: "done", title: "完成主体施工" },
  }),
  event({
    id: "1",
    at: "2026-11-20T01:00:00.000Z",
    action: "assign_responsibility",
    before: { responsibleDepartmentId: null },
    after: { responsibleDepartmentId: departmentId, reason: "领导小组会议决定" },
  }),
];

afterEach(() => vi.unstubAllGlobals());

describe("ProjectHistory", () => {
  it("lists the project's changes from the server, newest first, with their before and after", async () => {
    const calls = stubFetchByUrl([
      [/\/history\?/, { status: 200, body: { items: events, total: 23, page: 1, pageSize: 10 } }],
      [/\/departments$/, { status: 200, body: [] }],
      [/\/districts$/, { status: 200, body: [] }],
      [/\/persons\?/, { status: 200, body: { items: [], total: 0, page: 1, pageSize: 500 } }],
    ]);
    renderWithProviders(<ProjectHistory projectId={projectId} projectName="宏伟小区" />);

    const table = await screen.findByRole("table", { name: "宏伟小区变更记录，最新在前" });
    expect(calls.map((c) => c.url)).toContain(`/api/projects/${projectId}/history?page=1&pageSize=10`);
    const rows = within(table)
      .getAllByRole("row")
      .filter((row) => row.getAttribute("data-row-key"));
    expect(rows).toHaveLength(3);
    // China time: 02:00 UTC is 10:00 in Shanghai, 16:30 UTC the next morning.
    expect(within(rows[0]!).getByText("2026-11-26 10:00:00")).toBeTruthy();
    expect(within(rows[0]!).getByText("上报回迁进度")).toBeTruthy();
    expect(within(rows[0]!).getByText("回迁进度报告（2026-11-26，20 户）")).toBeTruthy();
    expect(within(rows[1]!).getByText("2026-11-26 00:30:00")).toBeTruthy();
    expect(within(rows[1]!).getByText("状态改为“已完成”")).toBeTruthy();
    expect(within(rows[1]!).getByText("推进节点“完成主体施工”")).toBeTruthy();
    expect(within(rows[2]!).getByText("调整责任")).toBeTruthy();
    expect(within(rows[2]!).getByText("项目“宏伟小区”")).toBeTruthy();
    expect(within(rows[2]!).getByText("张主任（演示）")).toBeTruthy();
    expect(screen.getByText("共 23 条记录")).toBeTruthy();

    fireEvent.click(within(rows[1]!).getByRole("button", { name: /展开|expand/i }));
    const diff = await screen.findByRole("table", { name: "修改前后对照" });
    expect(within(diff).getByText("进行中")).toBeTruthy();
  });

  it("names the milestone a status change is about, though the event recorded only the status", async () => {
    stubFetchByUrl([
      [
        /\/history\?/,
        {
          status: 200,
          body: {
            items: [
              event({
                action: "status_blocked",
                entityType: "milestone",
                entityId: "7e6d5c4b-3a29-4180-8f7e-6d5c4b3a2918",
                entityLabel: "施工许可证办理",
                before: { status: "in_progress" },
                after: { status: "blocked" },
              }),
            ],
            total: 1,
            page: 1,
            pageSize: 10,
          },
        },
      ],
      [/\/departments$/, { status: 200, body: [] }],
      [/\/districts$/, { status: 200, body: [] }],
      [/\/persons\?/, { status: 200, body: { items: [], total: 0, page: 1, pageSize: 500 } }],
    ]);
    renderWithProviders(<ProjectHistory projectId={projectId} projectName="宏伟小区" />);
    expect(await screen.findByText("推进节点“施工许可证办理”")).toBeTruthy();
    expect(screen.getByText("状态改为“受阻”")).toBeTruthy();
  });
});
