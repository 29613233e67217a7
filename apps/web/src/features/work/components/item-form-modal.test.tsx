import type { Department, Item, Person } from "@resettle/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { stubFetch } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { noCompletion } from "../../../test/work.fixture";
import { ItemFormModal } from "./item-form-modal";

const zhujian: Department = {
  id: "6a1f0c2e-1b3d-4c5e-8f70-9a1b2c3d4e5f",
  code: "zhujian",
  name: "市住房和城乡建设局",
  shortName: "住建",
  kind: "municipal_department",
  districtId: null,
  version: 1,
};
const wang: Person = {
  id: "7b2e1d3f-2c4e-4d6f-9a81-0b2c3d4e5f60",
  name: "王建国",
  title: "副局长",
  departmentId: zhujian.id,
  phone: null,
  isDemo: true,
  active: true,
  version: 1,
};
const item: Item = {
  id: "95b4cb48-7664-4c33-b7d2-f9065f88c918",
  projectId: "14ec28ab-36ee-49fc-a9e3-a43d5bf69a17",
  title: "安置房未办理不动产登记",
  cause: "土地出让金未缴清",
  measure: "协调开发企业补缴",
  responsibleDepartmentId: zhujian.id,
  responsiblePersonId: wang.id,
  dueDate: "2026-12-31",
  status: "in_progress",
  blockedReason: null,
  completedAt: null,
  completedBy: null,
  review: null,
  version: 3,
  withdrawn: null,
  ...noCompletion,
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function renderEdit() {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  renderWithProviders(
    <ItemFormModal
      projectId={item.projectId}
      projectName="宏伟小区"
      item={item}
      departments={[zhujian]}
      persons={[wang]}
      onSaved={onSaved}
      onClose={onClose}
    />,
  );
  return { onSaved, onClose };
}

const saveButton = () => screen.getByRole("button", { name: /保\s*存/ });
const problemInput = () => screen.getByLabelText("存在问题");

describe("ItemFormModal, editing an item", () => {
  it("opens with the item's values and sends only the changed fields with the version", async () => {
    const calls = stubFetch({ status: 200, body: { ...item, title: "安置房尚未办证", cause: null, version: 4 } });
    setCsrfToken("csrf-1");
    const { onSaved, onClose } = renderEdit();

    expect(problemInput()).toHaveProperty("value", item.title);
    expect(screen.getByLabelText("整改措施")).toHaveProperty("value", item.measure);
    fireEvent.change(problemInput(), { target: { value: "  安置房尚未办证 " } });
    fireEvent.change(screen.getByLabelText("问题原因"), { target: { value: "" } });
    fireEvent.click(saveButton());

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "PATCH", url: `/api/items/${item.id}` });
    expect(calls[0]!.body).toEqual({ title: "安置房尚未办证", cause: null, version: 3 });
    expect(onSaved).toHaveBeenCalled();
  });

  it("on a 409 shows what changed meanwhile, reloads it, and saves on top of its version", async () => {
    const current: Item = { ...item, dueDate: "2027-03-31", measure: "由区政府牵头协调补缴", version: 4 };
    const calls = stubFetch(
      { status: 409, body: { error: { code: "CONFLICT", message: "stale", current, requestId: "r1" } } },
      { status: 200, body: { ...current, title: "安置房尚未办证", version: 5 } },
    );
    const { onClose } = renderEdit();

    fireEvent.change(problemInput(), { target: { value: "安置房尚未办证" } });
    fireEvent.click(saveButton());

    const dialog = (await screen.findByText("数据已被他人修改")).closest<HTMLElement>("[role=dialog]")!;
    expect(calls[0]!.body).toEqual({ title: "安置房尚未办证", version: 3 });
    const dueDateRow = within(dialog).getByText("完成时限").closest("tr")!;
    expect(within(dueDateRow).getByText("2026-12-31")).toBeTruthy();
    expect(within(dueDateRow).getByText("2027-03-31")).toBeTruthy();
    expect(within(dueDateRow).getByText("不同")).toBeTruthy();
    const measureRow = within(dialog).getByText("整改措施").closest("tr")!;
    expect(within(measureRow).getByText("由区政府牵头协调补缴")).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByRole("button", { name: "载入最新内容" }));
    await waitFor(() => expect(screen.getByLabelText("整改措施")).toHaveProperty("value", current.measure));
    expect(problemInput()).toHaveProperty("value", item.title);

    fireEvent.change(problemInput(), { target: { value: "安置房尚未办证" } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[1]!.body).toEqual({ title: "安置房尚未办证", version: 4 });
  });

  it("puts the server's refusal of the person on the person field", async () => {
    stubFetch({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "invalid",
          details: [
            {
              path: "body.responsiblePersonId",
              reason: "person_other_department",
              message: "not an active member of the department",
            },
          ],
          requestId: "r2",
        },
      },
    });
    const { onClose } = renderEdit();
    fireEvent.change(problemInput(), { target: { value: "安置房尚未办证" } });
    fireEvent.click(saveButton());
    expect(await screen.findByText("该人员不属于所选部门或已停用")).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});
