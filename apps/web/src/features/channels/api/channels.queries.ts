import { ChannelDeliverySchema, NotificationChannelSchema, pageOf, type ChannelDeliveryQuery } from "@resettle/domain";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

const DeliveryPageSchema = pageOf(ChannelDeliverySchema);

export const channelsQueries = {
  all: () => ["notification-channels"] as const,
  list: () =>
    queryOptions({
      queryKey: [...channelsQueries.all(), "list"],
      queryFn: ({ signal }) => apiGet("/notification-channels", z.array(NotificationChannelSchema), { signal }),
    }),
  deliveries: (channelId: string, query: ChannelDeliveryQuery) =>
    queryOptions({
      queryKey: [...channelsQueries.all(), "deliveries", channelId, query],
      queryFn: ({ signal }) =>
        apiGet(`/notification-channels/${encodeURIComponent(channelId)}/deliveries`, DeliveryPageSchema, {
          params: query,
          signal,
        }),
      placeholderData: keepPreviousData,
    }),
};
