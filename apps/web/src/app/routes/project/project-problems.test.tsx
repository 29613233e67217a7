import type { Cause, CommonProblem, ProjectDetail, SessionUser } from "@resettle/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../../features/auth";
import { setCsrfToken } from "../../../lib/session-token";
import { conflictAnswer, stubApi } from "../../../test/api-stub";
import { cityTrajectory } from "../../../test/dashboard.fixture";
import { renderWithProviders } from "../../../test/render-with-providers";
import { ProjectProblems } from "./project-problems";

const cause = (n: number, name: string, active = true): Cause => ({
  id: `5e6f7a8b-0000-4000-8000-00000000000${n}`,
  code: `cause_${n}`,
  name,
  sortOrder: n * 10,
  active,
  version: 1,
});
const funding = cause(1, "资金缺口");
const developer = cause(2, "开发企业违约或破产");
const oldPermits = cause(3, "手续不全（旧）", false);
const retiredUnused = cause(4, "其他（旧）", false);

const commonProblem: CommonProblem = {
  id: "6f7a8b9c-0000-4000-8000-000000000001",
  title: "开发企业破产，安置房停工",
  description: null,
  measure: "区政府统筹续建资金",
  district: { id: "7a8b9c0d-0000-4000-8000-000000000001", name: "双台子区" },
  responsibleDepartment: { id: "7a8b9c0d-0000-4000-8000-000000000002", name: "双台子区人民政府" },
  status: "in_progress",
  blockedReason: null,
  projects: [
    { id: "8b9c0d1e-0000-4000-8000-000000000001", name: "宏伟小区", totalHouseholds: 1000, movedBack: 900 },
    { id: "8b9c0d1e-0000-4000-8000-000000000002", name: "广厦小区", totalHouseholds: 200, movedBack: 0 },
  ],
  updatedAt: "2026-11-20T01:00:00.000Z",
  version: 2,
};

const project: ProjectDetail = {
  id: "8b9c0d1e-0000-4000-8000-000000000001",
  code: "hongwei",
  sequence: 1,
  name: "宏伟小区",
  district: { id: "7a8b9c0d-0000-4000-8000-000000000001", name: "双台子区" },
  totalHouseholds: 1000,
  approach: "on_site_rebuild",
  status: "in_progress",
  problemCategory: "individual",
  causes: [{ id: oldPermits.id, name: oldPermits.name }],
  problemStatement: "开发企业资金链断裂",
  responsibleDepartment: null,
  responsiblePerson: null,
  yearTargets: [],
  movedBack: 900,
  healthLevel: "amber",
  version: 7,
  milestones: [],
  items: [],
  trajectory: cityTrajectory,
  health: { level: "amber", rules: [] },
  commonProblems: [commonProblem],
  workingGroup: { id: "9c0d1e2f-0000-4000-8000-000000000001", name: "双台子区联合工作组" },
  registeredHouseholds: 0,
};

const user = (role: SessionUser["role"]): SessionUser => ({
  id: "0d1e2f3a-0000-4000-8000-000000000001",
  username: role,
  displayName: role,
  role,
  departmentId: null,
});

function renderAs(role: SessionUser["role"], shown: ProjectDetail = project) {
  renderWithProviders(
    <SessionContext value={user(role)}>
      <ProjectProblems project={shown} />
    </SessionContext>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const saveButton = () => screen.getByRole("button", { name: /保\s*存/ });
const dialogTitled = async (title: string) => (await screen.findByText(title)).closest<HTMLElement>("[role=dialog]")!;

/** The options the causes select offers, as shown. */
async function causeOptions() {
  const input = screen.getByLabelText("问题成因", { selector: "input" });
  fireEvent.mouseDown(input);
  const listbox = await waitFor(() => document.getElementById(input.getAttribute("aria-controls") ?? "")!);
  return [...listbox.closest(".ant-select-dropdown")!.querySelectorAll<HTMLElement>(".ant-select-item-option")];
}

describe("ProjectProblems", () => {
  it("leaves out the common-problems card for a project that has none and is not classified common", () => {
    renderAs("leader", { ...project, commonProblems: [] });
    expect(screen.getByText("开发企业资金链断裂")).toBeTruthy();
    expect(screen.queryByText("共性问题", { selector: ".ant-card-head-title, .ant-card-head-title *" })).toBeNull();
    expect(screen.queryByText("本项目未关联共性问题")).toBeNull();
  });

  it("shows the profile, the group and the linked common problems with their combined progress", () => {
    renderAs("leader");
    const profile = screen.getByRole("region", { name: "问题研判" });
    expect(within(profile).getByText("个性问题")).toBeTruthy();
    expect(within(profile).getByText("手续不全（旧）")).toBeTruthy();
    expect(within(profile).getByText("双台子区联合工作组")).toBeTruthy();
    expect(within(profile).queryByRole("button", { name: /编\s*辑/ })).toBeNull();

    const common = screen.getByRole("region", { name: "共性问题" });
    expect(within(common).getByText("区政府统筹续建资金")).toBeTruthy();
    expect(within(common).getByText("已回迁 900 / 1,200 户")).toBeTruthy();
    expect(within(common).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("75");
    expect(within(common).getByRole("link", { name: "在共性问题台账中查看" }).getAttribute("href")).toBe(
      `/common-problems?projectId=${project.id}`,
    );
  });

  it(
    "edits the profile: active causes and the project's own, sent with the project's version",
    { timeout: 30_000 },
    async () => {
      const saved = {
        problemCategory: "common",
        causes: [{ id: funding.id, name: funding.name }],
        problemStatement: "开发企业破产",
        version: 8,
      };
      const api = stubApi(
        ["GET", /\/api\/causes$/, { status: 200, body: [funding, developer, oldPermits, retiredUnused] }],
        ["PATCH", /\/api\/projects\/.*\/problem$/, { status: 200, body: saved }],
      );
      setCsrfToken("csrf-1");
      renderAs("working_group");

      fireEvent.click(screen.getByRole("button", { name: /编\s*辑/ }));
      const dialog = await dialogTitled("编辑问题研判：宏伟小区");
      await waitFor(async () =>
        expect((await causeOptions()).map((o) => o.textContent)).toEqual([
          "资金缺口",
          "开发企业违约或破产",
          "手续不全（旧）（已停用）",
        ]),
      );
      fireEvent.click(within(dialog).getByRole("radio", { name: "共性问题" }));
      fireEvent.click((await causeOptions()).find((o) => o.textContent === "资金缺口")!);
      // Take the retired cause off: it cannot be put back later.
      const retiredTag = within(dialog).getByText("手续不全（旧）（已停用）").closest(".ant-select-selection-item")!;
      fireEvent.click(retiredTag.querySelector(".ant-select-selection-item-remove")!);
      fireEvent.change(within(dialog).getByLabelText("问题描述"), { target: { value: " 开发企业破产 " } });
      fireEvent.click(saveButton());

      await waitFor(() => expect(screen.queryByText("编辑问题研判：宏伟小区")).toBeNull());
      expect(api.calls.find((c) => c.method === "PATCH")!.url).toBe(`/api/projects/${project.id}/problem`);
      expect(api.sent("PATCH")[0]).toEqual({
        problemCategory: "common",
        causeIds: [funding.id],
        problemStatement: "开发企业破产",
        version: 7,
      });
    },
  );

  it("on a stale version shows what the project holds now and saves on top of it", { timeout: 30_000 }, async () => {
    const current = {
      problemCategory: "individual",
      causes: [{ id: developer.id, name: developer.name }],
      problemStatement: "开发企业资金链断裂，已进入破产程序",
      version: 9,
    };
    const api = stubApi(
      ["GET", /\/api\/causes$/, { status: 200, body: [funding, developer, oldPermits] }],
      [
        "PATCH",
        /\/api\/projects\/.*\/problem$/,
        conflictAnswer(current),
        { status: 200, body: { ...current, version: 10 } },
      ],
    );
    setCsrfToken("csrf-1");
    renderAs("admin");

    fireEvent.click(screen.getByRole("button", { name: /编\s*辑/ }));
    const form = await dialogTitled("编辑问题研判：宏伟小区");
    fireEvent.change(within(form).getByLabelText("问题描述"), { target: { value: "资金链断裂" } });
    fireEvent.click(saveButton());

    const conflict = await dialogTitled("数据已被他人修改");
    const row = within(conflict).getByText("资金链断裂").closest("tr")!;
    expect(within(row).getByText("开发企业资金链断裂，已进入破产程序")).toBeTruthy();
    fireEvent.click(within(conflict).getByRole("button", { name: "载入最新内容" }));
    await waitFor(() =>
      expect(within(form).getByLabelText("问题描述")).toHaveProperty("value", "开发企业资金链断裂，已进入破产程序"),
    );
    fireEvent.click(saveButton());
    await waitFor(() => expect(api.sent("PATCH")).toHaveLength(2));
    expect(api.sent("PATCH")[1]).toMatchObject({ causeIds: [developer.id], version: 9 });
  });
});
