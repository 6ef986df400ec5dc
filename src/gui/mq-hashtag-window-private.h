/* mq-hashtag-window-private.h: what the Who Is Talking window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-hashtag-window.h"

G_BEGIN_DECLS

struct _MqHashtagWindow
{
  AdwWindow          parent_instance;

  MqEditHistory     *history;
  MqStore           *store;
  MqOutbox          *outbox;
  MqHashtagTimeline *timeline;
  gint64             event_id;
  char              *hashtag;       /* (nullable) "#tag", as last read */
  GPtrArray         *posts;         /* MqHashtagPost, what the list shows */
  GCancellable      *cancellable;   /* (nullable) the reading in progress */
  guint              rematch_source;
  guint              accounts_source;
  guint              age_source;    /* the minute timer, only while mapped */

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkButton         *refresh_button;
  GtkButton         *stop_button;
  GtkSpinner        *spinner;
  GtkStack          *stack;
  GtkSpinner        *loading_spinner;
  GtkLabel          *loading_label;
  AdwStatusPage     *error_page;
  GtkListBox        *problem_list;
  AdwStatusPage     *no_posts_page;
  GtkListBox        *post_list;
};

void _mq_hashtag_window_toast         (MqHashtagWindow      *self,
                                       const char           *title);
/* Reads the posts again from the servers. */
void _mq_hashtag_window_refresh       (MqHashtagWindow      *self);
/* Stops reading; the posts already shown stay. */
void _mq_hashtag_window_stop          (MqHashtagWindow      *self);
/* Matches every row's author to the directory again. */
void _mq_hashtag_window_rematch       (MqHashtagWindow      *self);
/* (nullable) The main window the window was opened from. */
GtkWindow *_mq_hashtag_window_get_main (MqHashtagWindow     *self);

void _mq_hashtag_window_class_actions_init (MqHashtagWindowClass *klass);

G_END_DECLS
