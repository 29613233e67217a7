// The Chinese texts of the signed-in frame beyond the first load's (lib/i18n/first-load-texts.ts):
// the menu's entries, the notification bell, the role tag, the demo banner. A page brings its own
// (lib/i18n/page-texts.tsx; issue 13, docs/performance.md). app-layout.test.tsx fails on a key the
// frame or the dashboard uses that is not here.
export { default } from "virtual:json-keys/../../lib/i18n/zh-CN.json#nav,demo,alerts,enums.role,board.nav,causes.title,channels.title,commonProblems.title,groups.title,households.roster.nav,notices.nav,planImport.title,queue.nav,reports.nav,reports.briefing.nav,reports.stocktake.nav,reviews.all.nav,scorecards.nav,tickets.nav,verificationRules.title";
