export { TelegramChannel, type TelegramChannelOptions } from './telegram-channel';
