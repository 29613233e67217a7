import type { Cooperators } from "@resettle/domain";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { invalidAnswer, stubApi } from "../../../test/api-stub";
import { departments, ids } from "../../../test/reviews.fixture";
import { renderWithProviders } from "../../../test/render-with-providers";
import { CooperatorsModal } from "./cooperators-modal";

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const milestone = { kind: "milestone", id: ids.item } as const;
const zhujian = { id: ids.zhujian, name: "市住房和城乡建设局" };
const guotu = { id: ids.guotu, name: "市自然资源局" };
const shuangtaizi = { id: ids.shuangtaizi, name: "双台子区人民政府" };

function renderModal(current: Cooperators = { lead: zhujian, cooperating: [guotu] }) {
  const onClose = vi.fn();
  renderWithProviders(
    <CooperatorsModal
      target={milestone}
      name="施工许可证办理"
      current={current}
      departments={departments}
      onClose={onClose}
    />,
  );
  return onClose;
}

/** The popup of the select the label names, opened. */
async function optionsOf(label: string) {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  const listbox = await waitFor(() => document.getElementById(input.getAttribute("aria-controls") ?? "")!);
  return [...listbox.closest(".ant-select-dropdown")!.querySelectorAll<HTMLElement>(".ant-select-item-option")];
}

const saveButton = () => screen.getByRole("button", { name: /保\s*存/ });

describe("CooperatorsModal (设置配合单位)", () => {
  it("does not offer the lead, and sends the whole set", { timeout: 30_000 }, async () => {
    const api = stubApi([
      "PUT",
      /\/api\/milestones\/[^/]+\/cooperators$/,
      { status: 200, body: { lead: zhujian, cooperating: [guotu, shuangtaizi] } },
    ]);
    setCsrfToken("csrf-1");
    const onClose = renderModal();

    const options = await optionsOf("配合单位");
    expect(options.map((o) => o.getAttribute("title"))).toEqual(["双台子区人民政府", "市自然资源局"]);
    fireEvent.click(options.find((o) => o.getAttribute("title") === "双台子区人民政府")!);
    fireEvent.click(saveButton());

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.calls.map((c) => [c.method, c.url])).toEqual([["PUT", `/api/milestones/${ids.item}/cooperators`]]);
    expect(api.sent("PUT")).toEqual([{ departmentIds: [guotu.id, shuangtaizi.id] }]);
  });

  it("puts the server's cooperator_is_lead refusal on the field", { timeout: 30_000 }, async () => {
    // The lead changed meanwhile to a department already cooperating: the set still names it.
    const api = stubApi([
      "PUT",
      /\/cooperators$/,
      invalidAnswer({ path: "body.departmentIds.0", reason: "cooperator_is_lead" }),
    ]);
    setCsrfToken("csrf-1");
    const onClose = renderModal({ lead: guotu, cooperating: [guotu] });

    fireEvent.click(saveButton());

    expect(await screen.findByText("牵头单位不能同时作为配合单位")).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText("配合单位").getAttribute("aria-invalid")).toBe("true"));
    expect(api.sent("PUT")).toEqual([{ departmentIds: [guotu.id] }]);
    expect(onClose).not.toHaveBeenCalled();
  });
});
