/* mq-outbox-runner.h: posts the outbox's due jobs while the app is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-outbox.h"
#include "mq-secret-store.h"

G_BEGIN_DECLS

#define MQ_TYPE_OUTBOX_RUNNER (mq_outbox_runner_get_type ())

G_DECLARE_FINAL_TYPE (MqOutboxRunner, mq_outbox_runner, MQ, OUTBOX_RUNNER, GObject)

/* Runs an MqOutboxSender in a worker thread on a second connection to
 * @store's file whenever a job is queued or comes due, and reports what the
 * worker wrote as "changed::outbox" on @store, so pages update live.
 */
MqOutboxRunner *mq_outbox_runner_new              (MqStore        *store,
                                                   MqSecretStore  *secrets);
/* The keyring the sender reads from; takes effect at the next run. */
void            mq_outbox_runner_set_secret_store (MqOutboxRunner *self,
                                                   MqSecretStore  *secrets);
/* Whether a worker is sending now. */
gboolean        mq_outbox_runner_get_running      (MqOutboxRunner *self);
/* Looks for due jobs soon (after a job was queued elsewhere). */
void            mq_outbox_runner_wake             (MqOutboxRunner *self);
/* Cancels a send in progress and waits for the worker to record it as a
 * retry, so closing the app never leaves a job half-sent.
 */
void            mq_outbox_runner_stop             (MqOutboxRunner *self);

G_END_DECLS
