import type { ReactNode } from "react";

/**
 * How a table shows a responsible person. The page supplies it, so that the features drawing
 * such tables stay independent of where persons (and their demo mark) come from.
 */
export type RenderPerson = (personId: string | null, name?: string) => ReactNode;
