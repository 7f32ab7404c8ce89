import type { ModuleManifest } from '../manifest.ts';
import { notificationsRoutes } from './notifications.routes.ts';

export { type Channel, ConsoleChannel, SmtpChannel } from './channels.ts';
export { consoleChannel, notifyUser, sendOutside, sendThroughChannel, startNotifications } from './notify.ts';

export const notificationsModule: ModuleManifest = { name: 'notifications', routes: notificationsRoutes };
