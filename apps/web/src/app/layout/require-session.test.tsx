import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Route, Routes } from "react-router";
import { getCsrfToken, setCsrfToken } from "../../lib/session-token";
import { stubFetch } from "../../test/fetch-stub";
import { renderWithProviders } from "../../test/render-with-providers";
import { RequireSession } from "./require-session";

const user = {
  id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
  username: "new-coord",
  displayName: "新联络员",
  role: "coordinator",
  departmentId: "1b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
  mustChangePassword: false,
};

function renderAt(route: string) {
  renderWithProviders(
    <Routes>
      <Route path="/login" element={<p>登录页</p>} />
      <Route element={<RequireSession />}>
        <Route path="/projects" element={<p>项目台账页</p>} />
        <Route path="/account/password" element={<p>修改密码页</p>} />
      </Route>
    </Routes>,
    "zh-CN",
    { route },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("RequireSession", () => {
  it("reads a signed-out answer (200, no user) as signed out: to the login page, no CSRF token", async () => {
    const calls = stubFetch({ status: 200, body: { user: null, csrfToken: null } });
    renderAt("/projects");
    expect(await screen.findByText("登录页")).toBeTruthy();
    expect(calls[0]).toMatchObject({ method: "GET", url: "/api/auth/me" });
    expect(getCsrfToken()).toBeNull();
  });

  it("shows the page to a signed-in user and keeps the session's CSRF token", async () => {
    stubFetch({ status: 200, body: { user, csrfToken: "csrf-9" } });
    renderAt("/projects");
    expect(await screen.findByText("项目台账页")).toBeTruthy();
    expect(getCsrfToken()).toBe("csrf-9");
  });

  it("keeps a user whose password an administrator chose on the change-password page", async () => {
    stubFetch({ status: 200, body: { user: { ...user, mustChangePassword: true }, csrfToken: "csrf-9" } });
    renderAt("/projects");
    expect(await screen.findByText("修改密码页")).toBeTruthy();
    expect(screen.queryByText("项目台账页")).toBeNull();
  });
});
