import { can, type Capability, type SessionUser } from "@resettle/domain";
import type { ParseKeys } from "i18next";

/** One page in the side menu; its key is its address. */
type NavEntry = {
  to: string;
  /** i18n key of its label */
  label: ParseKeys;
  /** "/" is selected on the dashboard only; every other entry also on the pages below it. */
  end?: boolean;
  capability?: Capability;
  /** Shown to users that have it (我的待办: a coordinator or working group with a department). */
  when?: (user: SessionUser) => boolean;
};

export type NavGroup = { key: string; label: ParseKeys; entries: NavEntry[] };

/**
 * 报表 are written for the office, the leaders and the working groups; a department's coordinator
 * may still open them by their address (reading them is `read`).
 */
const readsReports = (user: SessionUser) => user.role !== "coordinator";

/**
 * The side menu, grouped. Each entry keeps the check the page itself makes (the route's
 * capability): a user never sees an entry that would answer 403.
 */
const NAV_GROUPS: NavGroup[] = [
  {
    key: "overview",
    label: "nav.groups.overview",
    entries: [
      { to: "/", label: "nav.dashboard", end: true },
      { to: "/overdue-board", label: "board.nav" },
    ],
  },
  {
    key: "work",
    label: "nav.groups.work",
    entries: [
      { to: "/projects", label: "nav.projects" },
      { to: "/my-work", label: "nav.myWork", when: (user) => !!user.departmentId && can(user, "work.update") },
      { to: "/households", label: "households.roster.nav" },
      { to: "/tickets", label: "tickets.nav" },
    ],
  },
  {
    key: "problems",
    label: "nav.groups.problems",
    entries: [
      { to: "/problem-queue", label: "queue.nav" },
      { to: "/reviews", label: "reviews.all.nav" },
      { to: "/common-problems", label: "commonProblems.title" },
      { to: "/notices", label: "notices.nav" },
      { to: "/scorecards", label: "scorecards.nav" },
    ],
  },
  {
    key: "reports",
    label: "reports.nav",
    entries: [
      { to: "/reports/briefing", label: "reports.briefing.nav", capability: "read", when: readsReports },
      { to: "/reports/stocktake", label: "reports.stocktake.nav", capability: "read", when: readsReports },
    ],
  },
  {
    key: "admin",
    label: "nav.admin",
    entries: [
      { to: "/admin/users", label: "nav.users", capability: "accounts.manage" },
      { to: "/admin/departments", label: "nav.departments", capability: "organisation.manage" },
      { to: "/admin/persons", label: "nav.persons", capability: "organisation.manage" },
      { to: "/admin/causes", label: "causes.title", capability: "causes.manage" },
      { to: "/admin/working-groups", label: "groups.title", capability: "groups.manage" },
      { to: "/admin/verification-rules", label: "verificationRules.title", capability: "work.verify" },
      { to: "/admin/channels", label: "channels.title", capability: "channels.manage" },
      { to: "/admin/plan", label: "planImport.title", capability: "plan.import" },
      { to: "/audit", label: "nav.audit", capability: "audit.read" },
    ],
  },
];

/** The groups and entries this user may open; empty groups are left out. */
export function navGroupsFor(user: SessionUser): NavGroup[] {
  return NAV_GROUPS.map((group) => ({
    ...group,
    entries: group.entries.filter(
      (entry) => (!entry.capability || can(user, entry.capability)) && (!entry.when || entry.when(user)),
    ),
  })).filter((group) => group.entries.length > 0);
}

/** The entry the address belongs to: the longest entry address it starts with. */
export function selectedNavKey(groups: NavGroup[], pathname: string): string | undefined {
  const matches = groups
    .flatMap((group) => group.entries)
    .filter((entry) =>
      entry.end ? pathname === entry.to : pathname === entry.to || pathname.startsWith(`${entry.to}/`),
    );
  return matches.sort((a, b) => b.to.length - a.to.length)[0]?.to;
}
