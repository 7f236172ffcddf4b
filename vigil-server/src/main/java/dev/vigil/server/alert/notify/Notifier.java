package dev.vigil.server.alert.notify;

import dev.vigil.server.alert.Notification;

/** Sends one notification to one kind of channel, in that channel's wire format; never throws. */
interface Notifier<C extends Channel> {
  SendResult send(C channel, Notification notification);
}
