import { useEffect, useRef, useState } from "react";

/** How long an idle browser is waited for before drawing anyway (a busy machine is never idle). */
const IDLE_TIMEOUT_MS = 3000;

/**
 * Whether a part below the fold may be drawn yet: once its place comes near the viewport, or once
 * the browser has been idle after the page was drawn, whichever comes first. The page draws its
 * figures and tables first and the heavy part (an ECharts chart: 160 kB gzip and its start-up
 * work) follows (issue 13, docs/performance.md). Without IntersectionObserver (old browsers,
 * jsdom), at once.
 */
export function useSeenOrIdle<T extends Element>() {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    if (seen) return;
    const show = () => setSeen(true);
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && show(), {
      rootMargin: "200px",
    });
    if (ref.current) observer.observe(ref.current);
    const idle =
      typeof requestIdleCallback === "function"
        ? requestIdleCallback(show, { timeout: IDLE_TIMEOUT_MS })
        : window.setTimeout(show, IDLE_TIMEOUT_MS / 2);
    return () => {
      observer.disconnect();
      if (typeof cancelIdleCallback === "function") cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [seen]);
  return [ref, seen] as const;
}
