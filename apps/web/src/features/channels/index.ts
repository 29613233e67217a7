/** 推送渠道 (API module `channels`): where alerts go besides the notification centre. Other code imports this feature from here only. */
export { channelsQueries } from "./api/channels.queries";
export { useTestChannel, useUpdateChannel } from "./api/use-save-channel";
export { ChannelFormModal } from "./components/channel-form-modal";
export { ChannelTable } from "./components/channel-table";
export { DeliveryDrawer } from "./components/delivery-drawer";
