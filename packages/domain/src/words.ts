import type { ProblemCategory, ProjectStatus } from "./project.js";
import type { TicketChannel, TicketStatus, UtilityKind } from "./utility-ticket.js";
import type { WorkStatus } from "./milestone.js";
import type { AuditEntityType } from "./audit.js";
import type { Role } from "./auth.js";
import type { DepartmentKind } from "./department.js";
import type { AlertRule } from "./alerts.js";

// Chinese words for the enums, as the server writes them into exports (the web has its own
// i18n, in two languages; an evaluation office's workbook is in Chinese only).

export const PROJECT_STATUS_WORDS: Record<ProjectStatus, string> = {
  not_started: "未启动",
  in_progress: "推进中",
  stalled: "停滞",
  completed: "已完成",
};
export const PROBLEM_CATEGORY_WORDS: Record<ProblemCategory, string> = {
  none: "无",
  common: "共性问题",
  individual: "个性问题",
};
export const HEALTH_WORDS: Record<"green" | "amber" | "red", string> = { green: "正常", amber: "预警", red: "严重" };
export const WORK_STATUS_WORDS: Record<WorkStatus, string> = {
  planned: "未开始",
  in_progress: "进行中",
  done: "已完成",
  blocked: "受阻",
  awaiting_verification: "待复核",
};
export const UTILITY_KIND_WORDS: Record<UtilityKind, string> = {
  water: "供水",
  power: "供电",
  heating: "供暖",
  other: "其他",
};
export const TICKET_CHANNEL_WORDS: Record<TicketChannel, string> = {
  household: "住户反映",
  petition: "信访",
  hotline_12345: "12345 热线",
  inspection: "督查发现",
};
export const TICKET_STATUS_WORDS: Record<TicketStatus, string> = {
  open: "待处理",
  in_progress: "处理中",
  resolved: "已解决",
  confirmed: "住户已确认",
};
/** The kinds of record in the audit trail (操作日志), as its export names them. */
export const AUDIT_ENTITY_TYPE_WORDS: Record<AuditEntityType, string> = {
  user: "用户账号",
  notification_channel: "推送渠道",
  session: "登录会话",
  department: "部门",
  person: "人员",
  project: "项目",
  milestone: "推进节点",
  item: "整改事项",
  progress_report: "回迁进度报告",
  cause: "问题成因",
  common_problem: "共性问题",
  working_group: "联合工作组",
  review: "研判会",
  plan: "工作方案",
  verification_rule: "复核规则",
  household: "回迁户",
  utility_ticket: "水电暖问题",
  utility_standard: "水电暖办理时限",
  subsidy_standard: "临时安置补助费标准",
  subsidy_payment: "补助费发放",
  supervision_notice: "督办单",
  scoring_rules: "评分细则",
};
export const ROLE_WORDS: Record<Role, string> = {
  admin: "管理员",
  coordinator: "部门联络员",
  working_group: "工作组成员",
  leader: "市领导",
};
export const DEPARTMENT_KIND_WORDS: Record<DepartmentKind, string> = {
  leading_group_office: "领导小组办公室",
  district_government: "区政府",
  municipal_department: "市直部门",
};
/** 预警类别, as the notification centre names them. */
export const ALERT_RULE_WORDS: Record<AlertRule, string> = {
  work_due_soon: "即将到期",
  work_overdue: "已逾期",
  ticket_overdue: "水电暖问题超时",
  notice_unsigned: "督办单超期未签收",
  notice_issued: "新督办单",
  notice_red: "红色督办",
  notice_escalated: "督办单逾期升级",
  arrears_30: "补助欠付超 30 天",
  arrears_90: "补助欠付超 90 天",
  below_floor: "低于底线",
  review_unsigned: "研判会记录待会签",
  daily_digest: "每日汇总",
};
