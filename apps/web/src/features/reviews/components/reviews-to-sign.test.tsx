import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../../test/render-with-providers";
import { ReviewsToSign } from "./reviews-to-sign";

const review = {
  id: "11111111-1111-4111-8111-111111111111",
  group: { id: "22222222-2222-4222-8222-222222222222", name: "双台子区联合工作组" },
  heldOn: "2026-10-20",
  projects: [
    { id: "33333333-3333-4333-8333-333333333333", name: "宏伟小区" },
    { id: "44444444-4444-4444-8444-444444444444", name: "广厦小区" },
  ],
};

describe("ReviewsToSign", () => {
  it("lists the records awaiting the department's signature, each leading to its minutes", () => {
    renderWithProviders(<ReviewsToSign reviews={[review]} />);
    const list = screen.getByRole("list", { name: "有 1 份研判会纪要待本单位会签" });
    const link = within(list).getByRole("link", {
      name: "2026-10-20 双台子区联合工作组研判会纪要（宏伟小区、广厦小区）",
    });
    expect(link.getAttribute("href")).toBe(`/reviews/${review.id}`);
  });

  it("shows nothing when there is nothing to sign", () => {
    const { container } = renderWithProviders(<ReviewsToSign reviews={[]} />);
    expect(container.textContent).toBe("");
  });
});
