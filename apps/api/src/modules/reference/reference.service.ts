import type { Department, District, Person } from "@resettle/domain";
import type { PrismaClient } from "@resettle/prisma/client";

export function listDistricts(prisma: PrismaClient): Promise<District[]> {
  return prisma.district.findMany({ orderBy: { name: "asc" }, select: { id: true, code: true, name: true } });
}

const kindOrder = { leading_group_office: 0, district_government: 1, municipal_department: 2 } as const;

export async function listDepartments(prisma: PrismaClient): Promise<Department[]> {
  const rows = await prisma.department.findMany({
    select: { id: true, code: true, name: true, shortName: true, kind: true, districtId: true },
    orderBy: { code: "asc" },
  });
  // The order the plan lists them in: the office, the districts, then the municipal departments.
  return rows.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]);
}

export async function listPersons(
  prisma: PrismaClient,
  query: { departmentId?: string; page: number; pageSize: number },
): Promise<{ items: Person[]; total: number; page: number; pageSize: number }> {
  const where = query.departmentId ? { departmentId: query.departmentId } : {};
  const [items, total] = await prisma.$transaction([
    prisma.person.findMany({
      where,
      orderBy: [{ department: { code: "asc" } }, { name: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true, name: true, title: true, departmentId: true, phone: true, isDemo: true },
    }),
    prisma.person.count({ where }),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
