/** Causes, common problems (共性问题) and each project's problem profile (API module `problems`). Other code imports this feature from here only. */
export { causesQueries } from "./api/causes.queries";
export { commonProblemsQueries } from "./api/common-problems.queries";
export { useUpdateCause } from "./api/use-save-cause";
export { CauseFormModal } from "./components/cause-form-modal";
export { CauseTable } from "./components/cause-table";
export { CommonProblemFilters } from "./components/common-problem-filters";
export { CommonProblemFormModal } from "./components/common-problem-form-modal";
export { CommonProblemTable } from "./components/common-problem-table";
export { LinkedCommonProblems } from "./components/linked-common-problems";
export { ProblemProfileModal } from "./components/problem-profile-modal";
export { ProblemProfileView } from "./components/problem-profile-view";
export { CommonProblemPageQuerySchema } from "./lib/common-problem-query";
