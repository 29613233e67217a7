import type { Cause } from "@resettle/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { conflictAnswer, invalidAnswer, stubApi } from "../../../test/api-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import CausesPage from "./causes-page";

const funding: Cause = {
  id: "3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a70",
  code: "funding_gap",
  name: "资金缺口",
  sortOrder: 10,
  active: true,
  version: 2,
};
const permits: Cause = {
  id: "4a2e3d5c-6b7a-4f80-9b2c-3d4e5f6a7b81",
  code: "missing_procedures",
  name: "手续不全",
  sortOrder: 20,
  active: false,
  version: 1,
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

// Several dialogs and refetches in one test: slow on a busy machine.
const LONG = 20_000;
const saveButton = () => screen.getByRole("button", { name: /保\s*存/ });
const dialogTitled = async (title: string) => (await screen.findByText(title)).closest<HTMLElement>("[role=dialog]")!;

describe("CausesPage", () => {
  it("lists the taxonomy in order, retired causes marked", async () => {
    stubApi(["GET", /\/api\/causes$/, { status: 200, body: [permits, funding] }]);
    renderWithProviders(<CausesPage />);
    const rows = (await screen.findByRole("table")).querySelectorAll("tbody tr");
    expect(within(rows[0] as HTMLElement).getByRole("cell", { name: "资金缺口" })).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText("停用")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByRole("button", { name: /启用\s*手续不全/ })).toBeTruthy();
  });

  it("creates a cause after the next sort order, and says so when the code is taken", { timeout: LONG }, async () => {
    const created: Cause = {
      ...funding,
      id: "5b3f4e6d-7c8b-4091-8c3d-4e5f6a7b8c92",
      code: "land_title",
      name: "土地权属争议",
      sortOrder: 30,
      version: 1,
    };
    const api = stubApi(
      [
        "GET",
        /\/api\/causes$/,
        { status: 200, body: [funding, permits] },
        { status: 200, body: [funding, permits, created] },
      ],
      ["POST", /\/api\/causes$/, invalidAnswer({ path: "body.code", reason: "taken" }), { status: 201, body: created }],
    );
    setCsrfToken("csrf-1");
    renderWithProviders(<CausesPage />);
    await screen.findByRole("cell", { name: "资金缺口" });

    fireEvent.click(screen.getByRole("button", { name: /新建成因/ }));
    await dialogTitled("新建问题成因");
    expect(screen.getByLabelText("排序")).toHaveProperty("value", "30");
    fireEvent.change(screen.getByLabelText("代码"), { target: { value: "land_title" } });
    fireEvent.change(screen.getByLabelText("名称"), { target: { value: " 土地权属争议 " } });
    fireEvent.click(saveButton());

    expect(await screen.findByText("该代码已被使用")).toBeTruthy();
    expect(api.sent("POST")[0]).toEqual({ code: "land_title", name: "土地权属争议", sortOrder: 30 });
    expect(api.calls.find((c) => c.method === "POST")!.headers.get("x-csrf-token")).toBe("csrf-1");

    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.queryByText("新建问题成因")).toBeNull());
    expect(await screen.findByRole("cell", { name: "土地权属争议" })).toBeTruthy();
    expect(api.sent("POST")).toHaveLength(2);
  });

  it(
    "on a stale edit shows the saved cause beside the input, reloads it, and saves on its version",
    { timeout: LONG },
    async () => {
      const current = { ...funding, name: "资金缺口（含融资）", version: 3 };
      const api = stubApi(
        ["GET", /\/api\/causes$/, { status: 200, body: [funding, permits] }, { status: 200, body: [current, permits] }],
        [
          "PATCH",
          /\/api\/causes\//,
          conflictAnswer(current),
          { status: 200, body: { ...current, name: "建设资金缺口", version: 4 } },
        ],
      );
      setCsrfToken("csrf-1");
      renderWithProviders(<CausesPage />);

      fireEvent.click(await screen.findByRole("button", { name: /编辑\s*资金缺口/ }));
      await dialogTitled("编辑问题成因：资金缺口");
      expect(screen.getByDisplayValue("funding_gap")).toHaveProperty("disabled", true);
      fireEvent.change(screen.getByLabelText("名称"), { target: { value: "建设资金缺口" } });
      fireEvent.click(saveButton());

      const conflict = await dialogTitled("数据已被他人修改");
      expect(api.calls.find((c) => c.method === "PATCH")!.url).toBe(`/api/causes/${funding.id}`);
      expect(api.sent("PATCH")[0]).toEqual({ name: "建设资金缺口", sortOrder: 10, version: 2 });
      const row = within(conflict).getByText("建设资金缺口").closest("tr")!;
      expect(within(row).getByText("资金缺口（含融资）")).toBeTruthy();

      fireEvent.click(within(conflict).getByRole("button", { name: "载入最新内容" }));
      await waitFor(() => expect(screen.getByLabelText("名称")).toHaveProperty("value", "资金缺口（含融资）"));
      fireEvent.change(screen.getByLabelText("名称"), { target: { value: "建设资金缺口" } });
      fireEvent.click(saveButton());
      await waitFor(() => expect(api.sent("PATCH")).toHaveLength(2));
      expect(api.sent("PATCH")[1]).toEqual({ name: "建设资金缺口", sortOrder: 10, version: 3 });
      await waitFor(() => expect(screen.queryByText("编辑问题成因：资金缺口")).toBeNull());
    },
  );

  it("retires a cause only after the user confirms", async () => {
    const api = stubApi(
      ["GET", /\/api\/causes$/, { status: 200, body: [funding] }],
      ["PATCH", /\/api\/causes\//, { status: 200, body: { ...funding, active: false, version: 3 } }],
    );
    renderWithProviders(<CausesPage />);
    fireEvent.click(await screen.findByRole("button", { name: /停用\s*资金缺口/ }));
    expect(await screen.findByText(/停用“资金缺口”？/)).toBeTruthy();
    expect(api.sent("PATCH")).toHaveLength(0);
    const confirm = screen.getAllByRole("button", { name: /停\s*用/ }).find((b) => b.closest(".ant-popconfirm"))!;
    fireEvent.click(confirm);
    await waitFor(() => expect(api.sent("PATCH")).toEqual([{ active: false, version: 2 }]));
    expect(await screen.findByText("成因已停用")).toBeTruthy();
  });
});
