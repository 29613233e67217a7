import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Dropdown, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { RoleTag } from "../../components/ui/role-tag";
import { useLogout, useSessionUser } from "../../features/auth";

export function UserMenu() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const navigate = useNavigate();
  const logout = useLogout();

  const items: MenuProps["items"] = [
    { key: "password", icon: <KeyOutlined />, label: t("auth.userMenu.changePassword") },
    { type: "divider" },
    { key: "logout", icon: <LogoutOutlined />, label: t("auth.userMenu.logout"), disabled: logout.isPending },
  ];
  const onClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "password") void navigate("/account/password");
    if (key === "logout") logout.mutate(undefined, { onSettled: () => void navigate("/login", { replace: true }) });
  };

  return (
    <Dropdown trigger={["click"]} autoFocus menu={{ items, onClick }} placement="bottomRight">
      <button type="button" className="user-menu-button no-print">
        <UserOutlined aria-hidden />
        <span className="sr-only">{t("auth.userMenu.label")}</span>
        <span className="user-menu-name">{user.displayName}</span>
        <RoleTag role={user.role} className="user-menu-role" />
        <DownOutlined aria-hidden />
      </button>
    </Dropdown>
  );
}
