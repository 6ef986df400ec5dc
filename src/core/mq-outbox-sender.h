/* mq-outbox-sender.h: sends the outbox's due jobs through the right client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-outbox.h"
#include "mq-secret-store.h"

G_BEGIN_DECLS

#define MQ_TYPE_OUTBOX_SENDER (mq_outbox_sender_get_type ())

G_DECLARE_FINAL_TYPE (MqOutboxSender, mq_outbox_sender, MQ, OUTBOX_SENDER, GObject)

MqOutboxSender *mq_outbox_sender_new      (MqOutbox        *outbox,
                                           MqSecretStore   *secrets);

/* Sends every job that is due now: each is claimed, posted with its own
 * Idempotency-Key or record key, then marked posted (with the remote id and
 * address), queued for a retry after a passing failure, or failed with the
 * server's words. The first run also recovers jobs a closed app left in
 * 'sending'; they are retried with the same keys, so nothing is posted
 * twice. Returns how many jobs were tried, -1 if the database failed.
 * Blocking (marquee-cli, or a worker thread of the app).
 */
int             mq_outbox_sender_run_once (MqOutboxSender  *self,
                                           GCancellable    *cancellable,
                                           GError         **error);

G_END_DECLS
