import type { Department, Person, User } from "@resettle/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { stubFetch } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { UserFormModal } from "./user-form-modal";

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
const user: User = {
  id: "8c3f2e4a-3d5f-4e7a-8b92-1c3d4e5f6a71",
  username: "coord-zhujian",
  displayName: "住建联络员",
  role: "coordinator",
  departmentId: zhujian.id,
  personId: null,
  active: true,
  lastLoginAt: null,
  version: 2,
};

function renderEdit() {
  const onClose = vi.fn();
  renderWithProviders(<UserFormModal user={user} departments={[zhujian]} persons={[wang]} onClose={onClose} />);
  return onClose;
}

const saveButton = () => screen.getByRole("button", { name: /保\s*存/ });
const nameInput = () => screen.getByLabelText("姓名");

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("UserFormModal, when someone else saved first", () => {
  it("shows the saved record beside the user's input, reloads it, and saves on top of its version", async () => {
    const current = { ...user, displayName: "住建局联络员（刘）", version: 3 };
    const calls = stubFetch(
      { status: 409, body: { error: { code: "CONFLICT", message: "changed meanwhile", current, requestId: "r1" } } },
      { status: 200, body: { ...current, displayName: "住建局联络员（张）", version: 4 } },
    );
    setCsrfToken("csrf-1");
    const onClose = renderEdit();

    fireEvent.change(nameInput(), { target: { value: "住建联络员（张）" } });
    fireEvent.click(saveButton());

    // antd gives every dialog the same label id under test: find the dialog by its title instead.
    const dialog = (await screen.findByText("数据已被他人修改")).closest<HTMLElement>("[role=dialog]")!;
    expect(calls[0]).toMatchObject({ method: "PATCH", url: `/api/users/${user.id}` });
    expect(calls[0]!.body).toMatchObject({ displayName: "住建联络员（张）", version: 2 });
    expect(calls[0]!.headers.get("x-csrf-token")).toBe("csrf-1");
    const row = within(dialog).getByText("住建联络员（张）").closest("tr")!;
    expect(within(row).getByText("住建局联络员（刘）")).toBeTruthy();
    expect(within(row).getByText("不同")).toBeTruthy();

    fireEvent.click(within(dialog).getByRole("button", { name: "载入最新内容" }));
    await waitFor(() => expect(nameInput()).toHaveProperty("value", "住建局联络员（刘）"));
    expect(onClose).not.toHaveBeenCalled();

    fireEvent.change(nameInput(), { target: { value: "住建局联络员（张）" } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[1]!.body).toMatchObject({ displayName: "住建局联络员（张）", version: 3 });
  });
});

describe("UserFormModal, when the server refuses a field", () => {
  it("puts the issue on that field, in words", async () => {
    stubFetch({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "invalid",
          details: [
            {
              path: "body.personId",
              reason: "person_other_department",
              message: "the person is not in that department or inactive",
            },
          ],
          requestId: "r2",
        },
      },
    });
    const onClose = renderEdit();
    fireEvent.click(saveButton());
    expect(await screen.findByText("该人员不属于所选部门或已停用")).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it("requires a department for a coordinator before asking the server", async () => {
    const calls = stubFetch();
    renderWithProviders(
      <UserFormModal
        user={{ ...user, departmentId: null }}
        departments={[zhujian]}
        persons={[wang]}
        onClose={() => {}}
      />,
    );
    fireEvent.click(saveButton());
    expect(await screen.findByText("部门联络员须指定所属部门")).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});
