/** User accounts. Other code imports this feature from here only. */
export { useUpdateUser } from "./api/use-save-user";
export { usersQueries } from "./api/users.queries";
export { ResetPasswordModal } from "./components/reset-password-modal";
export { UserFilters } from "./components/user-filters";
export { UserFormModal } from "./components/user-form-modal";
export { UserTable } from "./components/user-table";
