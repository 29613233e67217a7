import type { WorkNote } from "@resettle/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { stubApi } from "../../../test/api-stub";
import { ids } from "../../../test/reviews.fixture";
import { renderWithProviders } from "../../../test/render-with-providers";
import { WorkNotes } from "./work-notes";

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const target = { kind: "milestone", id: ids.item } as const;

const note = (
  id: string,
  text: string,
  role: WorkNote["role"],
  department: WorkNote["department"],
  at: string,
): WorkNote => ({
  id,
  text,
  department,
  role,
  by: "王建国",
  at,
});
const notes = [
  note(
    "0a000000-0000-4000-8000-000000000001",
    "已提交施工许可申请材料",
    "lead",
    { id: ids.zhujian, name: "市住房和城乡建设局" },
    "2026-11-30T02:05:00.000Z",
  ),
  note(
    "0a000000-0000-4000-8000-000000000002",
    "区政府已完成征收补偿公示",
    "cooperating",
    { id: ids.shuangtaizi, name: "双台子区人民政府" },
    "2026-12-01T08:30:00.000Z",
  ),
];

describe("WorkNotes (进展情况)", () => {
  it("lists each note with its time, department and role, oldest first", async () => {
    stubApi(["GET", /\/notes$/, { status: 200, body: notes }]);
    renderWithProviders(<WorkNotes target={target} canWrite={false} />);

    const first = (await screen.findByText("已提交施工许可申请材料")).closest("li")!;
    // China time, as Chinese users write it.
    expect(within(first).getByText("2026年11月30日 10:05")).toBeTruthy();
    expect(within(first).getByText("市住房和城乡建设局")).toBeTruthy();
    expect(within(first).getByText("牵头")).toBeTruthy();
    const second = screen.getByText("区政府已完成征收补偿公示").closest("li")!;
    expect(within(second).getByText("2026年12月1日 16:30")).toBeTruthy();
    expect(within(second).getByText("配合")).toBeTruthy();
    // Not one who may write: no form.
    expect(screen.queryByLabelText("填写进展情况")).toBeNull();
  });

  it("posts the trimmed text once, with an idempotency key, and shows the new note", { timeout: 30_000 }, async () => {
    const added = note(
      "0a000000-0000-4000-8000-000000000003",
      "已与住建局对接",
      "cooperating",
      { id: ids.shuangtaizi, name: "双台子区人民政府" },
      "2026-12-02T01:00:00.000Z",
    );
    const api = stubApi(
      ["GET", /\/notes$/, { status: 200, body: [] }, { status: 200, body: [added] }],
      ["POST", /\/notes$/, { status: 201, body: added }],
    );
    setCsrfToken("csrf-1");
    renderWithProviders(<WorkNotes target={target} canWrite />);
    expect(await screen.findByText("暂无进展情况")).toBeTruthy();

    const text = screen.getByLabelText("填写进展情况") as HTMLTextAreaElement;
    fireEvent.change(text, { target: { value: "  已与住建局对接 \n" } });
    // The limit is shown, and nothing typed is cut at it.
    expect(text.getAttribute("maxlength")).toBeNull();
    const submit = screen.getByRole("button", { name: /提\s*交/ });
    fireEvent.click(submit);
    fireEvent.click(submit);

    expect(await screen.findByText("已与住建局对接")).toBeTruthy();
    // The form starts over (antd mounts the field afresh).
    await waitFor(() => expect((screen.getByLabelText("填写进展情况") as HTMLTextAreaElement).value).toBe(""));
    const posts = api.calls.filter((c) => c.method === "POST");
    expect(posts.map((c) => c.url)).toEqual([`/api/milestones/${ids.item}/notes`]);
    expect(posts[0]!.body).toEqual({ text: "已与住建局对接" });
    expect(posts[0]!.headers.get("idempotency-key")).toMatch(/^[0-9a-f]{32}$/);
  });
});
