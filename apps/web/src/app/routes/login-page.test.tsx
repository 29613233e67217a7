import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Route, Routes } from "react-router";
import { getCsrfToken, setCsrfToken } from "../../lib/session-token";
import { stubFetch } from "../../test/fetch-stub";
import { renderWithProviders } from "../../test/render-with-providers";
import LoginPage from "./login-page";

const admin = {
  id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
  username: "admin",
  displayName: "系统管理员",
  role: "admin",
  departmentId: null,
};

function renderLogin() {
  renderWithProviders(
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/projects" element={<p>项目台账页</p>} />
    </Routes>,
    "zh-CN",
    { route: "/login?next=%2Fprojects" },
  );
}

function signIn(username: string, password: string) {
  fireEvent.change(screen.getByLabelText("用户名"), { target: { value: username } });
  fireEvent.change(screen.getByLabelText("密码"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: /登\s*录/ }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("LoginPage", () => {
  it("says the credentials are wrong, keeps the username and asks for the password again", async () => {
    const calls = stubFetch({
      status: 401,
      body: { error: { code: "UNAUTHORIZED", message: "Wrong username or password", requestId: "r1" } },
    });
    renderLogin();
    expect(screen.getByLabelText("用户名")).toBe(document.activeElement);

    signIn("admin", "wrong-password");

    expect(await screen.findByRole("alert")).toHaveProperty("textContent", "用户名或密码错误，请重新输入。");
    expect(calls[0]).toMatchObject({ method: "POST", url: "/api/auth/login" });
    expect(calls[0]!.body).toEqual({ username: "admin", password: "wrong-password" });
    expect(screen.getByLabelText("用户名")).toHaveProperty("value", "admin");
    expect(screen.getByLabelText("密码")).toHaveProperty("value", "");
  });

  it.each([
    ["800", "登录失败次数过多，请 14 分钟后再试。"],
    ["4", "登录失败次数过多，请 4 秒后再试。"],
  ])("says how long to wait after too many attempts (Retry-After %s)", async (retryAfter, words) => {
    stubFetch({
      status: 429,
      headers: { "retry-after": retryAfter },
      body: { error: { code: "RATE_LIMITED", message: "Too many failed sign-ins", requestId: "r2" } },
    });
    renderLogin();
    signIn("admin", "wrong-password");
    expect(await screen.findByText(words)).toBeTruthy();
  });

  it("sends an account whose password an administrator chose to change it first", async () => {
    stubFetch({ status: 200, body: { user: { ...admin, mustChangePassword: true }, csrfToken: "csrf-1" } });
    renderWithProviders(
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/projects" element={<p>项目台账页</p>} />
        <Route path="/account/password" element={<p>修改密码页</p>} />
      </Routes>,
      "zh-CN",
      { route: "/login?next=%2Fprojects" },
    );
    signIn("admin", "Chosen-by-admin-1");
    expect(await screen.findByText("修改密码页")).toBeTruthy();
  });

  it("keeps the CSRF token and goes where the user was heading", async () => {
    stubFetch({ status: 200, body: { user: admin, csrfToken: "csrf-1" } });
    renderLogin();
    signIn("admin", "Panjin#2018");
    expect(await screen.findByText("项目台账页")).toBeTruthy();
    expect(getCsrfToken()).toBe("csrf-1");
  });

  it("asks for what is missing without calling the server", async () => {
    const calls = stubFetch();
    renderLogin();
    fireEvent.click(screen.getByRole("button", { name: /登\s*录/ }));
    expect(await screen.findByText("请输入用户名")).toBeTruthy();
    expect(await screen.findByText("请输入密码")).toBeTruthy();
    await waitFor(() => expect(calls).toHaveLength(0));
  });
});
