import { useEffect, useState } from "react";

const STORAGE_KEY = "resettle.sider.collapsed";
/** Below antd's xl breakpoint the side menu starts folded to its icons, leaving the tables room. */
const NARROW_QUERY = "(max-width: 1199.98px)";

function readStored(): boolean | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === "true" ? true : stored === "false" ? false : null;
  } catch {
    // Storage disabled by policy: the width decides.
    return null;
  }
}

function isNarrow(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(NARROW_QUERY).matches;
}

/**
 * Whether the side menu is folded. The user's own choice (the trigger) is remembered in
 * localStorage and wins; until they choose, it follows the window: folded below 1200 px.
 */
export function useSiderCollapsed(): [boolean, (collapsed: boolean) => void] {
  const [chosen, setChosen] = useState<boolean | null>(readStored);
  const [narrow, setNarrow] = useState(isNarrow);

  useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const query = window.matchMedia(NARROW_QUERY);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);

  const choose = (collapsed: boolean) => {
    setChosen(collapsed);
    try {
      window.localStorage.setItem(STORAGE_KEY, String(collapsed));
    } catch {
      // Not remembering is acceptable; the trigger still works for this visit.
    }
  };
  return [chosen ?? narrow, choose];
}
