/** Sessions: who is signed in, signing in and out, changing one's password. Other code imports this feature from here only. */
export { authQueries } from "./api/auth.queries";
/** Where a user whose password an administrator chose is kept until they change it. */
export const CHANGE_PASSWORD_PATH = "/account/password";
export { SessionContext, useSessionUser } from "./api/session-context";
export { useLogout } from "./api/use-logout";
export { ChangePasswordForm } from "./components/change-password-form";
export { LoginForm } from "./components/login-form";
