/** The review form, opened with its group and (optionally) the first project to review. */
export const newReviewPath = (groupId: string, projectId?: string) =>
  `/reviews/new?${new URLSearchParams({ groupId, ...(projectId ? { projectId } : {}) }).toString()}`;

/** The anchor of the project page's 研判记录 section. */
export const PROJECT_REVIEWS_ANCHOR = "reviews";

export const projectReviewsPath = (projectId: string) => `/projects/${projectId}#${PROJECT_REVIEWS_ANCHOR}`;
