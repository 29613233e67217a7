import { z } from "zod";
import {
  ALERT_RULE_WORDS,
  AlertRunResultSchema,
  NotificationPageSchema,
  NotificationQuerySchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { chinaDateTime, listExportRoute } from "../../lib/list-export.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { deliverPending } from "../channels/index.js";
import { listNotifications, markAllNotificationsRead, markNotificationRead, runAlerts } from "./alerts.service.js";

const tags = ["alerts"];

/** 预警与通知: the rules run by hand, and each user's notification centre. */
export async function alertRoutes(app: App, deps: ModuleDeps) {
  app.post(
    "/api/alerts/run",
    {
      config: { access: "alerts.run" },
      schema: {
        tags,
        summary:
          "Run the alert rules now (the office); each alert is raised once; skipped while another run holds the job. Then sends what is due to the channels",
        response: { 200: AlertRunResultSchema, ...writeErrors },
      },
    },
    async () => {
      const result = await runAlerts(deps.prisma, deps.clock);
      // Then what is due to the channels (企业微信, 钉钉, e-mail), this run's alerts included.
      await deliverPending(deps.prisma, deps.clock, deps.channels);
      return result;
    },
  );
  app.get(
    "/api/notifications",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "The signed-in user's notifications, newest first, with the number unread",
        querystring: NotificationQuerySchema,
        response: { 200: NotificationPageSchema, ...errors },
      },
    },
    (request) => listNotifications(contextOf(request, deps), request.query),
  );
  // One's own notifications, as the centre lists them; exporting reads nothing (no 已读 changes).
  listExportRoute(app, deps, {
    url: "/api/notifications/export",
    access: "session",
    tags,
    querystring: NotificationQuerySchema,
    title: "通知",
    list: listNotifications,
    columns: [
      { header: "时间", width: 18, value: (n) => chinaDateTime(n.createdAt) },
      { header: "预警类别", width: 18, value: (n) => ALERT_RULE_WORDS[n.rule] },
      { header: "内容", width: 60, value: (n) => n.title },
      { header: "状态", value: (n) => (n.readAt ? "已读" : "未读") },
      { header: "已读时间", width: 18, value: (n) => chinaDateTime(n.readAt) },
    ],
  });
  app.post(
    "/api/notifications/:id/read",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Mark one of one's own notifications read",
        params: byId,
        response: { 204: z.null().describe("No content"), ...writeErrors },
      },
    },
    async (request, reply) => {
      await markNotificationRead(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/notifications/read-all",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Mark every one of one's own unread notifications read",
        response: { 204: z.null().describe("No content"), ...writeErrors },
      },
    },
    async (request, reply) => {
      await markAllNotificationsRead(contextOf(request, deps));
      return reply.status(204).send(null);
    },
  );
}
