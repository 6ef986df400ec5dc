/* mq-outbox-row.h: one post of the outbox, with its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-outbox.h"

G_BEGIN_DECLS

#define MQ_TYPE_OUTBOX_ROW (mq_outbox_row_get_type ())

G_DECLARE_FINAL_TYPE (MqOutboxRow, mq_outbox_row, MQ, OUTBOX_ROW, AdwExpanderRow)

GtkWidget     *mq_outbox_row_new          (void);
/* Shows @job as posted by @account (nullable: removed) about the event
 * called @event_title (nullable).
 */
void           mq_outbox_row_set_job      (MqOutboxRow           *self,
                                           const MqOutboxJob     *job,
                                           const MqSocialAccount *account,
                                           const char            *event_title);
gint64         mq_outbox_row_get_job_id   (MqOutboxRow           *self);
MqOutboxState  mq_outbox_row_get_state    (MqOutboxRow           *self);
/* (nullable) The posted status's web address. */
const char    *mq_outbox_row_get_url      (MqOutboxRow           *self);

G_END_DECLS
