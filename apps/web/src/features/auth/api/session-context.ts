import type { SessionUser } from "@resettle/domain";
import { createContext, useContext } from "react";

/** Provided by the session guard around every signed-in page. */
export const SessionContext = createContext<SessionUser | null>(null);

export function useSessionUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useSessionUser outside the session guard");
  return user;
}
