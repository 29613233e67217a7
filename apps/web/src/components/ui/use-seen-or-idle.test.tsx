import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useSeenOrIdle } from "./use-seen-or-idle";

function Part() {
  const [ref, due] = useSeenOrIdle<HTMLDivElement>();
  return <div ref={ref}>{due ? "chart" : "placeholder"}</div>;
}

/** An IntersectionObserver the test drives: `enter()` reports the observed element in view. */
function stubObserver() {
  const observers: { callback: IntersectionObserverCallback; disconnected: boolean }[] = [];
  class Observer {
    private readonly entry: { callback: IntersectionObserverCallback; disconnected: boolean };
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, disconnected: false };
      observers.push(this.entry);
    }
    observe() {}
    disconnect() {
      this.entry.disconnected = true;
    }
  }
  vi.stubGlobal("IntersectionObserver", Observer);
  return {
    enter: () =>
      act(() => {
        for (const o of observers.filter((o) => !o.disconnected))
          o.callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver);
      }),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("useSeenOrIdle", () => {
  it("draws the part once it comes into view, not before", () => {
    vi.stubGlobal("requestIdleCallback", () => 1);
    vi.stubGlobal("cancelIdleCallback", () => undefined);
    const observer = stubObserver();
    render(<Part />);
    expect(screen.getByText("placeholder")).toBeTruthy();
    observer.enter();
    expect(screen.getByText("chart")).toBeTruthy();
  });

  it("draws the part once the browser is idle, out of view", () => {
    let idle: (() => void) | undefined;
    vi.stubGlobal("requestIdleCallback", (callback: () => void) => ((idle = callback), 1));
    vi.stubGlobal("cancelIdleCallback", () => undefined);
    stubObserver();
    render(<Part />);
    expect(screen.getByText("placeholder")).toBeTruthy();
    act(() => idle!());
    expect(screen.getByText("chart")).toBeTruthy();
  });

  it("without requestIdleCallback, after a timeout", () => {
    vi.useFakeTimers();
    vi.stubGlobal("requestIdleCallback", undefined);
    stubObserver();
    render(<Part />);
    expect(screen.getByText("placeholder")).toBeTruthy();
    act(() => vi.advanceTimersByTime(1500));
    expect(screen.getByText("chart")).toBeTruthy();
  });
});
