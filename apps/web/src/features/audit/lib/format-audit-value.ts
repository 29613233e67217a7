import {
  DepartmentKindSchema,
  MilestoneKindSchema,
  ProjectStatusSchema,
  RoleSchema,
  WorkStatusSchema,
} from "@resettle/domain";
import type { TFunction } from "i18next";
import { formatDateTime } from "../../../lib/format";
import { DEPARTMENT_FIELDS, DISTRICT_FIELDS, PERSON_FIELDS } from "./audit-labels";

type Lookups = {
  departmentName: (id: string) => string | undefined;
  personName: (id: string) => string | undefined;
  districtName: (id: string) => string | undefined;
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Values of audit records in words: names for ids, labels for codes, China time for moments. */
export function createAuditValueFormatter(t: TFunction, lookups: Lookups) {
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("audit.diff.blank");
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    if (typeof value === "string") {
      const name = DEPARTMENT_FIELDS.has(field)
        ? lookups.departmentName(value)
        : PERSON_FIELDS.has(field)
          ? lookups.personName(value)
          : DISTRICT_FIELDS.has(field)
            ? lookups.districtName(value)
            : undefined;
      if (name) return name;
      const role = field === "role" ? RoleSchema.safeParse(value) : null;
      if (role?.success) return t(`enums.role.${role.data}`);
      const kind = field === "kind" ? DepartmentKindSchema.safeParse(value) : null;
      if (kind?.success) return t(`enums.departmentKind.${kind.data}`);
      const milestoneKind = field === "kind" ? MilestoneKindSchema.safeParse(value) : null;
      if (milestoneKind?.success) return t(`enums.milestoneKind.${milestoneKind.data}`);
      // Milestones and items share the work statuses; a project's own are the rest.
      const workStatus = field === "status" ? WorkStatusSchema.safeParse(value) : null;
      if (workStatus?.success) return t(`enums.workStatus.${workStatus.data}`);
      const projectStatus = field === "status" ? ProjectStatusSchema.safeParse(value) : null;
      if (projectStatus?.success) return t(`enums.projectStatus.${projectStatus.data}`);
      return DATE_TIME.test(value) ? formatDateTime(value) : value;
    }
    if (typeof value === "number") return String(value);
    return JSON.stringify(value);
  };
}
