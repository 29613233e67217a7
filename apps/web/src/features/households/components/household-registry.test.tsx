import type { SessionUser } from "@resettle/domain";
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../auth";
import { stubFetchByUrl } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { HouseholdRegistry } from "./household-registry";

const projectId = "8c1f0f7e-1111-4222-8333-944455556666";
const coordinator: SessionUser = {
  id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
  displayName: "某人",
  mustChangePassword: false,
  username: "coord-shuangtaizi",
  role: "coordinator",
  departmentId: "1b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
};

function renderRegistry(registered: number, totalHouseholds: number) {
  stubFetchByUrl([[/\/api\/households\?/, { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } }]]);
  renderWithProviders(
    <SessionContext value={coordinator}>
      <HouseholdRegistry
        projectId={projectId}
        canKeep
        registered={registered}
        movedBack={0}
        totalHouseholds={totalHouseholds}
      />
    </SessionContext>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("HouseholdRegistry", () => {
  it("offers 新增回迁户 and 导入 while the registry has room", () => {
    renderRegistry(2, 3);
    expect(screen.getByRole("button", { name: "新增回迁户" })).toHaveProperty("disabled", false);
    expect(screen.getByRole("button", { name: "导入 Excel" })).toHaveProperty("disabled", false);
  });

  it("holding the plan's total, it offers neither (the server would refuse one more)", () => {
    renderRegistry(3, 3);
    expect(screen.getByRole("button", { name: "新增回迁户" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "导入 Excel" })).toHaveProperty("disabled", true);
  });
});
