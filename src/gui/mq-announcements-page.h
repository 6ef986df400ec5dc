/* mq-announcements-page.h: accounts, the composer and the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-outbox-row.h"
#include "mq-outbox-runner.h"

G_BEGIN_DECLS

#define MQ_TYPE_ANNOUNCEMENTS_PAGE (mq_announcements_page_get_type ())

G_DECLARE_FINAL_TYPE (MqAnnouncementsPage, mq_announcements_page, MQ, ANNOUNCEMENTS_PAGE, GtkWidget)

/* @runner (nullable): shown as a spinner while it sends. */
void         mq_announcements_page_set_store     (MqAnnouncementsPage *self,
                                                  MqStore             *store,
                                                  MqOutboxRunner      *runner);
guint        mq_announcements_page_get_n_accounts (MqAnnouncementsPage *self);
/* (nullable) The row that shows job @job_id. */
MqOutboxRow *mq_announcements_page_find_job_row  (MqAnnouncementsPage *self,
                                                  gint64               job_id);

G_END_DECLS
