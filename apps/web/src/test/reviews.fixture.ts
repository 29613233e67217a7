import type { Department, Person, ProblemQueueEntry, Review, SessionUser, WorkingGroup } from "@resettle/domain";

/** A working group, its persons and a review of it, for the working group's page tests. */
export const ids = {
  group: "3f2c1b0a-9e8d-4c7b-8a69-5f4e3d2c1b0a",
  zhujian: "6a1f0c2e-1b3d-4c5e-8f70-9a1b2c3d4e5f",
  guotu: "7b2a1d3f-2c4e-4d6f-9a81-0b2c3d4e5f61",
  shuangtaizi: "8c3b2e40-3d5f-4e70-8b92-1c2d3e4f5a72",
  wang: "9d4c3f51-4e60-4f81-9ca3-2d3e4f5a6b83",
  li: "ae5d4062-5f71-4092-8db4-3e4f5a6b7c94",
  zhao: "bf6e5173-6082-41a3-9ec5-4f5a6b7c8da5",
  hongwei: "14ec28ab-36ee-49fc-a9e3-a43d5bf69a17",
  xiangyang: "25fd39bc-47ff-4a0d-8af4-b54e6c07ab28",
  review: "c07f6284-7193-42b4-8fd6-5a6b7c8d9eb6",
  item: "d1806395-82a4-43c5-9fe7-6b7c8d9eafc7",
  district: "e2917406-93b5-44d6-8a08-7c8d9eafb0d8",
} as const;

const department = (id: string, name: string, kind: Department["kind"] = "municipal_department"): Department => ({
  id,
  code: `d-${id.slice(0, 4)}`,
  name,
  shortName: name.slice(1, 3),
  kind,
  districtId: kind === "district_government" ? ids.district : null,
  version: 1,
});

export const departments: Department[] = [
  department(ids.zhujian, "市住房和城乡建设局"),
  department(ids.guotu, "市自然资源局"),
  department(ids.shuangtaizi, "双台子区人民政府", "district_government"),
];

const person = (id: string, name: string, departmentId: string, title: string | null): Person => ({
  id,
  name,
  title,
  departmentId,
  phone: null,
  isDemo: true,
  active: true,
  version: 1,
});

export const persons: Person[] = [
  person(ids.wang, "王建国", ids.zhujian, "副局长"),
  person(ids.li, "李明", ids.guotu, null),
  person(ids.zhao, "赵红", ids.shuangtaizi, "副区长"),
];

export const group: WorkingGroup = {
  id: ids.group,
  name: "双台子区个性问题项目联合工作组",
  leadDepartment: { id: ids.zhujian, name: "市住房和城乡建设局" },
  reviewIntervalDays: 30,
  departments: departments.map((d) => ({ id: d.id, name: d.name })),
  persons: persons.map((p) => ({ id: p.id, name: p.name, departmentId: p.departmentId, title: p.title, active: true })),
  projects: [
    { id: ids.hongwei, name: "宏伟小区" },
    { id: ids.xiangyang, name: "向阳小区" },
  ],
  version: 1,
};

export const queueEntries: ProblemQueueEntry[] = [
  {
    projectId: ids.xiangyang,
    projectName: "向阳小区",
    district: { id: ids.district, name: "双台子区" },
    group: { id: ids.group, name: group.name },
    healthLevel: "red",
    reasons: ["individual_problem", "red"],
    lastReviewedOn: null,
    nextReviewDue: "2026-10-01",
    openActions: 0,
    overdueActions: 0,
    daysReviewOverdue: 56,
  },
  {
    projectId: ids.hongwei,
    projectName: "宏伟小区",
    district: { id: ids.district, name: "双台子区" },
    group: null,
    healthLevel: "amber",
    reasons: ["blocked_items"],
    lastReviewedOn: "2026-09-20",
    nextReviewDue: "2026-10-20",
    openActions: 5,
    overdueActions: 2,
    daysReviewOverdue: 37,
  },
];

/** Held with 住建 and 国土 present; 住建 has signed, 国土 has not. */
export const review: Review = {
  id: ids.review,
  group: { id: ids.group, name: group.name },
  heldOn: "2026-11-20",
  createdBy: "工作组成员（演示）",
  createdAt: "2026-11-20T06:30:00.000Z",
  attendees: [
    { id: ids.wang, name: "王建国", title: "副局长", department: { id: ids.zhujian, name: "市住房和城乡建设局" } },
    { id: ids.li, name: "李明", title: null, department: { id: ids.guotu, name: "市自然资源局" } },
  ],
  projects: [
    {
      project: { id: ids.xiangyang, name: "向阳小区" },
      findings: "开发企业资金链断裂，二期停工。",
      decisions: "由区政府牵头引入代建单位。",
      actions: [
        {
          itemId: ids.item,
          title: "确定代建单位",
          department: { id: ids.shuangtaizi, name: "双台子区人民政府" },
          person: { id: ids.zhao, name: "赵红" },
          dueDate: "2026-12-31",
          status: "planned",
          withdrawn: false,
        },
      ],
    },
  ],
  signatures: [
    {
      departmentId: ids.zhujian,
      departmentName: "市住房和城乡建设局",
      signedBy: "王建国",
      signedAt: "2026-11-21T01:00:00.000Z",
    },
  ],
  requiredDepartments: [
    { id: ids.zhujian, name: "市住房和城乡建设局" },
    { id: ids.guotu, name: "市自然资源局" },
  ],
  pendingDepartmentIds: [ids.guotu],
  locked: false,
  lockedAt: null,
  addenda: [],
  withdrawn: null,
  version: 2,
};

export const user = (role: SessionUser["role"], departmentId: string | null = null): SessionUser => ({
  id: "f3a28517-a4c6-45e7-8b19-8d9eafb0c1e9",
  username: role,
  displayName: `${role}（演示）`,
  role,
  departmentId,
});
