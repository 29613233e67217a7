// The dashboard's own Chinese texts (the frame's and the first load's come before them): the
// districts' cards and the projects' table below them come with all the texts, once the figures are
// drawn (lib/i18n/page-texts.tsx; issue 13, docs/performance.md).
export { default } from "virtual:json-keys/../../../lib/i18n/zh-CN.json#dashboard,trajectory,units,health";
