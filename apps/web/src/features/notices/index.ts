/** 督办单 (supervision notices, API module `supervision`). Other code imports this feature from here only. */
export { noticesQueries } from "./api/notices.queries";
export { CooperatingNotices } from "./components/cooperating-notices";
export { DepartmentOpenNotices } from "./components/department-open-notices";
export { NoticeDetail } from "./components/notice-detail";
export { NoticeDocument } from "./components/notice-document";
export { NoticeList } from "./components/notice-list";
