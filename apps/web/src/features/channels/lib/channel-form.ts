import type { ChannelCreate, ChannelKind, ChannelUpdate, NotificationChannel } from "@resettle/domain";

/**
 * The channel form's fields, flat: the configuration's fields sit beside the name, and those of
 * the other kinds are ignored. The address, secret and password are empty when editing (the
 * server never sends them): left empty, the stored ones stay.
 */
export type ChannelFormValues = {
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  departmentId?: string | null;
  url?: string;
  secret?: string;
  /** Editing a 钉钉 channel that has a secret: remove it (加签 off). */
  removeSecret?: boolean;
  host?: string;
  port?: number | null;
  secure?: boolean;
  user?: string;
  password?: string;
  removePassword?: boolean;
  from?: string;
  to?: string[];
};

/** The form's starting values for a channel (its secrets empty: the server never sends them). */
export function channelFormValues(channel: NotificationChannel): ChannelFormValues {
  const common = {
    kind: channel.kind,
    name: channel.name,
    enabled: channel.enabled,
    departmentId: channel.departmentId,
  };
  if (channel.kind !== "smtp") return common;
  const { host, port, secure, user, from, to } = channel.config;
  return { ...common, host, port, secure, user: user ?? "", from, to };
}

const text = (value: string | undefined) => value?.trim() ?? "";
const given = (value: string | undefined) => (text(value) ? text(value) : undefined);

/** A new channel from the form (the kind decides which fields count). */
export function channelCreateBody(v: ChannelFormValues): ChannelCreate {
  const common = { name: text(v.name), enabled: v.enabled, departmentId: v.departmentId ?? null };
  switch (v.kind) {
    case "wecom_webhook":
      return { ...common, kind: v.kind, config: { url: text(v.url) } };
    case "dingtalk_webhook":
      return { ...common, kind: v.kind, config: { url: text(v.url), secret: given(v.secret) ?? null } };
    case "smtp":
      return {
        ...common,
        kind: v.kind,
        config: {
          host: text(v.host),
          port: v.port as number,
          secure: !!v.secure,
          user: given(v.user) ?? null,
          password: v.password ? v.password : null,
          from: text(v.from),
          to: (v.to ?? []).map((a) => a.trim()),
        },
      };
  }
}

/**
 * The changes to a channel from the form: every field as shown, and the address, secret and
 * password only when typed (or removed), so that the stored ones stay otherwise.
 */
export function channelUpdateBody(v: ChannelFormValues, version: number): ChannelUpdate {
  const common = { version, name: text(v.name), enabled: v.enabled, departmentId: v.departmentId ?? null };
  const url = given(v.url) ? { url: text(v.url) } : {};
  switch (v.kind) {
    case "wecom_webhook":
      return { ...common, kind: v.kind, config: url };
    case "dingtalk_webhook": {
      const secret = v.removeSecret ? { secret: null } : given(v.secret) ? { secret: text(v.secret) } : {};
      return { ...common, kind: v.kind, config: { ...url, ...secret } };
    }
    case "smtp": {
      const password = v.removePassword ? { password: null } : v.password ? { password: v.password } : {};
      return {
        ...common,
        kind: v.kind,
        config: {
          host: text(v.host),
          port: v.port as number,
          secure: !!v.secure,
          user: given(v.user) ?? null,
          from: text(v.from),
          to: (v.to ?? []).map((a) => a.trim()),
          ...password,
        },
      };
    }
  }
}

/** The form field a server issue names: `body.config.url` → url, `body.config.to.1` → to, `body.name` → name. */
export function channelFieldOfIssuePath(path: string): keyof ChannelFormValues | null {
  const match = /^body\.(?:config\.)?([A-Za-z]+)/.exec(path);
  const field = match?.[1];
  return field && field !== "config" ? (field as keyof ChannelFormValues) : null;
}
