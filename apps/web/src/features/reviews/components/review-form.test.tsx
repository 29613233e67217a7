import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { stubFetchBeside } from "../../../test/fetch-stub";
import { departments, group, ids, persons, review } from "../../../test/reviews.fixture";
import { renderWithProviders } from "../../../test/render-with-providers";
import { ReviewForm } from "./review-form";

/** Each reviewed project's card asks for its unresolved water, power and heating problems: none here. */
const noTickets: [RegExp, { status: number; body: unknown }][] = [
  [/\/api\/utility-tickets/, { status: 200, body: { items: [], total: 0, page: 1, pageSize: 3 } }],
];
const stubFetch = (...answers: Parameters<typeof stubFetchBeside>[1][]) => stubFetchBeside(noTickets, ...answers);

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function renderForm() {
  const onSaved = vi.fn();
  renderWithProviders(
    <ReviewForm
      groups={[group]}
      departments={departments}
      persons={persons}
      initialGroupId={ids.group}
      initialProjectId={ids.xiangyang}
      onSaved={onSaved}
      onCancel={vi.fn()}
    />,
  );
  return { onSaved };
}

/**
 * Clicks 保存研判记录. After a refused request, jsdom (no CSS transitions) keeps the button's
 * loading icon leaving for ever, so its name may still begin with "loading".
 */
const submit = () => fireEvent.click(screen.getByRole("button", { name: /保存研判记录$/ }));

async function choose(combobox: HTMLElement, option: string) {
  fireEvent.mouseDown(combobox);
  const options = await screen.findAllByTitle(option);
  fireEvent.click(options.at(-1)!);
}

/** Fills the one reviewed project and its one follow-up action, as a user would. */
async function fillReview() {
  fireEvent.click(screen.getByRole("checkbox", { name: "王建国（副局长）" }));
  fireEvent.click(screen.getByRole("checkbox", { name: "李明" }));
  fireEvent.change(screen.getByLabelText("研判情况"), { target: { value: " 开发企业资金链断裂，二期停工。 " } });
  fireEvent.change(screen.getByLabelText("议定事项"), { target: { value: "由区政府牵头引入代建单位。" } });
  fireEvent.click(screen.getByRole("button", { name: /添加后续工作/ }));
  const label = (field: string) => `向阳小区第 1 项后续工作：${field}`;
  fireEvent.change(await screen.findByLabelText(label("事项")), { target: { value: "确定代建单位" } });
  await choose(screen.getByRole("combobox", { name: label("责任单位") }), "双台子区人民政府");
  await waitFor(() =>
    expect(screen.getByRole("combobox", { name: label("责任人") }).closest(".ant-select-disabled")).toBeNull(),
  );
  await choose(screen.getByRole("combobox", { name: label("责任人") }), "赵红（副区长）");
  const due = screen.getByLabelText(label("完成时限"));
  fireEvent.mouseDown(due);
  fireEvent.change(due, { target: { value: "2026-12-31" } });
  fireEvent.keyDown(due, { key: "Enter", code: "Enter" });
}

// Filling antd selects and date pickers in jsdom is slow on a busy machine.
describe("ReviewForm", { timeout: 20_000 }, () => {
  it("starts with the group and project from the address and checks what the schema requires", async () => {
    const calls = stubFetch();
    renderForm();

    expect(screen.getByRole("heading", { name: "项目1：向阳小区" })).toBeTruthy();
    // The attendee choices are the group's persons, under their member department.
    const attendees = screen.getByRole("group", { name: "参会人员" });
    expect(within(attendees).getByText("市自然资源局")).toBeTruthy();
    expect(within(attendees).getAllByRole("checkbox")).toHaveLength(3);

    fireEvent.click(screen.getByRole("button", { name: /添加后续工作/ }));
    submit();

    expect(await screen.findByText("请至少选择一名参会人员")).toBeTruthy();
    expect(screen.getByText("请填写研判情况")).toBeTruthy();
    expect(screen.getByText("请填写议定事项")).toBeTruthy();
    expect(screen.getByText("请填写事项")).toBeTruthy();
    expect(screen.getByText("请选择责任单位")).toBeTruthy();
    expect(screen.getByText("请选择完成时限")).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it("sends the review and puts the server's refusals on the fields they name", async () => {
    const calls = stubFetch(
      {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "invalid",
            details: [
              {
                path: "body.projects.0.actions.0.personId",
                reason: "person_other_department",
                message: "not an active member of the department",
              },
              {
                path: "body.projects.0.decisions",
                reason: "too_big",
                params: { maximum: 4000, inclusive: true, origin: "string" },
                message: "Too big: expected string to have <=4000 characters",
              },
            ],
            requestId: "r1",
          },
        },
      },
      { status: 201, body: review },
    );
    setCsrfToken("csrf-1");
    const { onSaved } = renderForm();

    await fillReview();
    submit();

    const personError = await screen.findByText("该人员不属于所选单位或已停用");
    const fieldOf = (element: HTMLElement) => element.closest<HTMLElement>(".ant-form-item")!;
    expect(
      within(fieldOf(personError)).getByRole("combobox", { name: "向阳小区第 1 项后续工作：责任人" }),
    ).toBeTruthy();
    // Worded by its reason, never from the server's English.
    const decisionsError = screen.getByText("最多 4000 个字符");
    expect(within(fieldOf(decisionsError)).getByLabelText("议定事项")).toBeTruthy();
    expect(calls[0]).toMatchObject({ method: "POST", url: "/api/reviews" });
    expect(calls[0]!.body).toEqual({
      groupId: ids.group,
      heldOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      attendeePersonIds: [ids.wang, ids.li],
      projects: [
        {
          projectId: ids.xiangyang,
          findings: "开发企业资金链断裂，二期停工。",
          decisions: "由区政府牵头引入代建单位。",
          actions: [
            { title: "确定代建单位", departmentId: ids.shuangtaizi, personId: ids.zhao, dueDate: "2026-12-31" },
          ],
        },
      ],
    });
    expect(onSaved).not.toHaveBeenCalled();

    // Submitting again checks the fields afresh; this time the server takes it.
    submit();
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(review));
  });
});
