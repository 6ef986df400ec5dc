/* mq-hashtag-window.h: who is talking about an event, by its hashtag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-edit-history.h"
#include "mq-hashtag-post-row.h"
#include "mq-secret-store.h"

G_BEGIN_DECLS

#define MQ_TYPE_HASHTAG_WINDOW (mq_hashtag_window_get_type ())

G_DECLARE_FINAL_TYPE (MqHashtagWindow, mq_hashtag_window, MQ, HASHTAG_WINDOW, AdwWindow)

/* Reads the hashtag's posts as soon as it is made. @parent (nullable): the
 * main window, where people and the Announcements page are opened.
 */
MqHashtagWindow  *mq_hashtag_window_new            (GtkWindow       *parent,
                                                    MqEditHistory   *history,
                                                    MqSecretStore   *secrets,
                                                    gint64           event_id);
/* Opens the window for @event_id beside @widget's window, or raises the one
 * already open.
 */
void              mq_hashtag_window_open           (GtkWidget       *widget,
                                                    MqEditHistory   *history,
                                                    gint64           event_id);
gint64            mq_hashtag_window_get_event_id   (MqHashtagWindow *self);
/* TRUE while the servers are being read. */
gboolean          mq_hashtag_window_get_busy       (MqHashtagWindow *self);
/* What the window shows: "loading", "no-hashtag", "no-accounts", "error"
 * or "posts".
 */
const char       *mq_hashtag_window_get_state      (MqHashtagWindow *self);
guint             mq_hashtag_window_get_n_posts    (MqHashtagWindow *self);
/* Counts every row's age ("2 h ago") again from @now. The window does it
 * with the clock once a minute while it is shown.
 */
void              mq_hashtag_window_update_ages    (MqHashtagWindow *self,
                                                    GDateTime       *now);
/* TRUE while the minute timer runs: from map to unmap. */
gboolean          mq_hashtag_window_get_ages_ticking (MqHashtagWindow *self);
/* (nullable) The row of @author's newest post. */
MqHashtagPostRow *mq_hashtag_window_find_row       (MqHashtagWindow *self,
                                                    const char      *author);

G_END_DECLS
