import {
  ChannelDeliverySchema,
  ChannelTestResultSchema,
  NotificationChannelSchema,
  type ChannelCreate,
  type ChannelUpdate,
} from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { channelsQueries } from "./channels.queries";

function useInvalidateChannels() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: channelsQueries.all() });
}

export function useCreateChannel() {
  const invalidate = useInvalidateChannels();
  return useMutation({
    mutationFn: (body: ChannelCreate) => apiSend("POST", "/notification-channels", body, NotificationChannelSchema),
    onSuccess: invalidate,
  });
}

/** `version` is the one the editor saw; the list reloads after a 409 too. */
export function useUpdateChannel() {
  const invalidate = useInvalidateChannels();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: ChannelUpdate }) =>
      apiSend("PATCH", `/notification-channels/${encodeURIComponent(id)}`, changes, NotificationChannelSchema),
    onSettled: invalidate,
  });
}

/** 发送测试: answers whether the message went, or the channel's error (a refusal of the request itself throws). */
export function useTestChannel() {
  return useMutation({
    mutationFn: (id: string) =>
      apiSend("POST", `/notification-channels/${encodeURIComponent(id)}/test`, undefined, ChannelTestResultSchema),
  });
}

/** 重试: a failed delivery back in the queue; the log and the channels' failure counts reload. */
export function useRetryDelivery() {
  const invalidate = useInvalidateChannels();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend("POST", `/channel-deliveries/${encodeURIComponent(id)}/retry`, undefined, ChannelDeliverySchema),
    onSettled: invalidate,
  });
}
