import type { Department, Person, WorkingGroup } from "@resettle/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { invalidAnswer, stubApi } from "../../../test/api-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { WorkingGroupFormModal } from "./working-group-form-modal";

const department = (id: string, name: string, kind: Department["kind"]): Department => ({
  id,
  code: `d${id.slice(0, 4)}`,
  name,
  shortName: name.slice(0, 4),
  kind,
  districtId: null,
  version: 1,
});
const stz = department("1a2b3c4d-0000-4000-8000-000000000001", "双台子区人民政府", "district_government");
const zhujian = department("1a2b3c4d-0000-4000-8000-000000000002", "市住房和城乡建设局", "municipal_department");
const guotu = department("1a2b3c4d-0000-4000-8000-000000000003", "市自然资源局", "municipal_department");

const person = (id: string, name: string, departmentId: string, active = true): Person => ({
  id,
  name,
  title: null,
  departmentId,
  phone: null,
  isDemo: true,
  active,
  version: 1,
});
const li = person("2b3c4d5e-0000-4000-8000-000000000001", "李区长", stz.id);
const wang = person("2b3c4d5e-0000-4000-8000-000000000002", "王建国", zhujian.id);
const zhao = person("2b3c4d5e-0000-4000-8000-000000000003", "赵离职", zhujian.id, false);
const sun = person("2b3c4d5e-0000-4000-8000-000000000004", "孙国土", guotu.id);

const hongwei = { id: "3c4d5e6f-0000-4000-8000-000000000001", name: "宏伟小区" };
const xiangyang = { id: "3c4d5e6f-0000-4000-8000-000000000002", name: "向阳小区" };
const otherGroup: WorkingGroup = {
  id: "4d5e6f70-0000-4000-8000-000000000001",
  name: "大洼区联合工作组",
  leadDepartment: { id: guotu.id, name: guotu.name },
  reviewIntervalDays: 30,
  departments: [{ id: guotu.id, name: guotu.name }],
  persons: [],
  projects: [xiangyang],
  version: 1,
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function renderCreate() {
  const onClose = vi.fn();
  renderWithProviders(
    <WorkingGroupFormModal
      group={null}
      departments={[stz, zhujian, guotu]}
      persons={[li, wang, zhao, sun]}
      projects={[hongwei, xiangyang]}
      groups={[otherGroup]}
      onClose={onClose}
    />,
  );
  return onClose;
}

/** Opens the select the label names: its popup, where its options are. */
async function open(label: string): Promise<HTMLElement> {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  const listbox = await waitFor(() => document.getElementById(input.getAttribute("aria-controls") ?? "")!);
  return listbox.closest<HTMLElement>(".ant-select-dropdown")!;
}

/** The options of the select the label names, as shown. */
async function optionsOf(label: string) {
  const popup = await open(label);
  return [...popup.querySelectorAll<HTMLElement>(".ant-select-item-option")];
}

/** Opens the select the label names and picks the option with this text. */
async function pick(label: string, option: string) {
  const item = (await optionsOf(label)).find((o) => o.getAttribute("title") === option);
  if (!item) throw new Error(`no option ${option} in ${label}`);
  fireEvent.click(item);
}

/** The texts of the tags a multiple select shows. */
const tagsOf = (label: string) =>
  [...screen.getByLabelText(label).closest(".ant-select")!.querySelectorAll(".ant-select-selection-item-content")].map(
    (tag) => tag.textContent,
  );

const saveButton = () => screen.getByRole("button", { name: /保\s*存/ });

describe("WorkingGroupFormModal", () => {
  it(
    "makes the lead a member that cannot be removed, and names a project another group has",
    { timeout: 30_000 },
    async () => {
      const api = stubApi([
        "POST",
        /\/api\/working-groups$/,
        invalidAnswer({
          path: "body.projectIds.0",
          reason: "project_in_other_group",
          params: { name: "宏伟小区", group: "大洼区联合工作组" },
        }),
      ]);
      setCsrfToken("csrf-1");
      const onClose = renderCreate();

      fireEvent.change(screen.getByLabelText("名称"), { target: { value: "双台子区联合工作组" } });
      await pick("牵头部门", "双台子区人民政府");
      await waitFor(() => expect(tagsOf("成员部门")).toEqual(["双台子区人民政府（牵头）"]));
      // The lead's tag has no remove button; a member's has.
      const members = screen.getByLabelText("成员部门").closest(".ant-select")!;
      expect(members.querySelectorAll(".ant-select-selection-item-remove")).toHaveLength(0);

      await pick("成员部门", "市住房和城乡建设局");
      await waitFor(() => expect(tagsOf("成员部门")).toEqual(["双台子区人民政府（牵头）", "市住房和城乡建设局"]));

      // Persons: the active ones of the member departments only.
      const personOptions = (await optionsOf("成员人员")).map((o) => o.textContent);
      expect(personOptions).toEqual(["李区长", "王建国"]);
      await pick("成员人员", "王建国");

      // A project another group reviews is shown as such and cannot be chosen.
      const projectOptions = await optionsOf("负责项目");
      const taken = projectOptions.find((o) => o.textContent === "向阳小区（已属于：大洼区联合工作组）")!;
      expect(taken.getAttribute("aria-disabled")).toBe("true");
      await pick("负责项目", "宏伟小区");

      fireEvent.click(saveButton());
      expect(await screen.findByText("“宏伟小区”已由其他工作组负责，请先从该组移出")).toBeTruthy();
      expect(api.sent("POST")[0]).toEqual({
        name: "双台子区联合工作组",
        leadDepartmentId: stz.id,
        reviewIntervalDays: 30,
        departmentIds: [stz.id, zhujian.id],
        personIds: [wang.id],
        projectIds: [hongwei.id],
      });
      expect(onClose).not.toHaveBeenCalled();
    },
  );

  it("drops the persons of a department taken out of the members", { timeout: 30_000 }, async () => {
    const group: WorkingGroup = {
      id: "4d5e6f70-0000-4000-8000-000000000002",
      name: "双台子区联合工作组",
      leadDepartment: { id: stz.id, name: stz.name },
      reviewIntervalDays: 45,
      departments: [
        { id: stz.id, name: stz.name },
        { id: zhujian.id, name: zhujian.name },
      ],
      persons: [
        { id: li.id, name: li.name, departmentId: stz.id, title: null, active: true },
        { id: wang.id, name: wang.name, departmentId: zhujian.id, title: null, active: true },
      ],
      projects: [hongwei],
      version: 4,
    };
    const api = stubApi(["PATCH", /\/api\/working-groups\//, { status: 200, body: { ...group, version: 5 } }]);
    const onClose = vi.fn();
    renderWithProviders(
      <WorkingGroupFormModal
        group={group}
        departments={[stz, zhujian, guotu]}
        persons={[li, wang, zhao, sun]}
        projects={[hongwei, xiangyang]}
        groups={[otherGroup, group]}
        onClose={onClose}
      />,
    );
    await waitFor(() => expect(tagsOf("成员部门")).toEqual(["双台子区人民政府（牵头）", "市住房和城乡建设局"]));
    const members = screen.getByLabelText("成员部门").closest(".ant-select")!;
    const zhujianTag = within(members as HTMLElement)
      .getByText("市住房和城乡建设局")
      .closest(".ant-select-selection-item")!;
    fireEvent.click(zhujianTag.querySelector(".ant-select-selection-item-remove")!);
    await waitFor(() => expect(tagsOf("成员人员")).toEqual(["李区长"]));

    fireEvent.click(saveButton());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.sent("PATCH")[0]).toMatchObject({
      departmentIds: [stz.id],
      personIds: [li.id],
      projectIds: [hongwei.id],
      reviewIntervalDays: 45,
      version: 4,
    });
  });
});
