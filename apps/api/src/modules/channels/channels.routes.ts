import { z } from "zod";
import {
  ChannelCreateSchema,
  ChannelDeliveryQuerySchema,
  ChannelDeliverySchema,
  ChannelTestResultSchema,
  ChannelUpdateSchema,
  NotificationChannelSchema,
  pageOf,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import {
  createChannel,
  listChannels,
  listDeliveries,
  retryDelivery,
  testChannel,
  updateChannel,
} from "./channels.service.js";

const tags = ["channels"];
const access = "channels.manage" as const;

/** 推送渠道: the office configures where alerts go besides the notification centre, and reads how they went. */
export async function channelRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/notification-channels",
    {
      config: { access },
      schema: {
        tags,
        summary: "The channels alerts are sent through (企业微信, 钉钉, e-mail): never their secrets",
        response: { 200: z.array(NotificationChannelSchema), ...errors },
      },
    },
    (request) => listChannels(contextOf(request, deps)),
  );
  app.post(
    "/api/notification-channels",
    {
      config: { access },
      schema: {
        tags,
        summary: "Add a channel",
        body: ChannelCreateSchema,
        response: { 201: NotificationChannelSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createChannel(contextOf(request, deps), request.body)),
  );
  app.patch(
    "/api/notification-channels/:id",
    {
      config: { access },
      schema: {
        tags,
        summary:
          "Change, enable or disable a channel (409 with the current record on a stale version); an address, secret or password left out keeps the stored one",
        params: byId,
        body: ChannelUpdateSchema,
        response: { 200: NotificationChannelSchema, ...writeErrors },
      },
    },
    (request) => updateChannel(contextOf(request, deps), { id: request.params.id, changes: request.body }),
  );
  app.post(
    "/api/notification-channels/:id/test",
    {
      config: { access },
      schema: {
        tags,
        summary: "Send a test message through the channel now: whether it went, or the error",
        params: byId,
        response: { 200: ChannelTestResultSchema, ...writeErrors },
      },
    },
    (request) => testChannel(contextOf(request, deps), { id: request.params.id, transports: deps.channels }),
  );
  app.get(
    "/api/notification-channels/:id/deliveries",
    {
      config: { access },
      schema: {
        tags,
        summary: "The channel's delivery log, newest first: status, attempts, the last error, the next attempt",
        params: byId,
        querystring: ChannelDeliveryQuerySchema,
        response: { 200: pageOf(ChannelDeliverySchema), ...errors },
      },
    },
    (request) => listDeliveries(contextOf(request, deps), { channelId: request.params.id, query: request.query }),
  );
  app.post(
    "/api/channel-deliveries/:id/retry",
    {
      config: { access },
      schema: {
        tags,
        summary: "Put a delivery given up (failed) back in the queue, due now (409 unless failed)",
        params: byId,
        response: { 200: ChannelDeliverySchema, ...writeErrors },
      },
    },
    (request) => retryDelivery(contextOf(request, deps), request.params.id),
  );
}
