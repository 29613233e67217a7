// The supervision module (督查督办): 督办单 issued by the office, answered by departments.
export { noticeRoutes } from "./notices.routes.js";
export { noticeCooperationRoutes } from "./notice-cooperation.routes.js";
export { escalateOverdueNotices } from "./notices.service.js";
