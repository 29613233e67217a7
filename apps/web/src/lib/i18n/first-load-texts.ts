// Of the Chinese texts, those the sign-in page, the session guard and the error pages use; the
// signed-in frame and each page bring the rest (page-texts.tsx), so the sign-in page does not
// download the texts of every other page (issue 13, docs/performance.md).
export { default } from "virtual:json-keys/./zh-CN.json#app,auth,common,errors,languages,notFound";
