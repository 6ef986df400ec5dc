/* mq-hashtag-post-row.h: a post with an event's hashtag, and a server that was not read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-hashtag-timeline.h"

G_BEGIN_DECLS

#define MQ_TYPE_HASHTAG_POST_ROW (mq_hashtag_post_row_get_type ())

G_DECLARE_FINAL_TYPE (MqHashtagPostRow, mq_hashtag_post_row, MQ, HASHTAG_POST_ROW, GtkListBoxRow)

/* @now: the time the ages ("2 h ago") are counted from. */
GtkWidget      *mq_hashtag_post_row_new            (const MqHashtagPost *post,
                                                    GDateTime           *now);
/* Counts the age label again from @now, as the window's minute timer does. */
void            mq_hashtag_post_row_update_age     (MqHashtagPostRow    *self,
                                                    GDateTime           *now);
MqSocialNetwork mq_hashtag_post_row_get_network    (MqHashtagPostRow    *self);
/* "@user@host" or "user.bsky.social", as the timeline gave it. */
const char     *mq_hashtag_post_row_get_author     (MqHashtagPostRow    *self);
/* The directory's person who has the author's handle: 0 and NULL for
 * nobody, and the row offers to add them instead.
 */
void            mq_hashtag_post_row_set_person     (MqHashtagPostRow    *self,
                                                    gint64               person_id,
                                                    const char          *person_name);
gint64          mq_hashtag_post_row_get_person_id  (MqHashtagPostRow    *self);

/* A server the timeline could not read: @problem is "server: message", as
 * MqHashtagTimeline gives it.
 */
GtkWidget      *mq_hashtag_problem_row_new         (const char          *problem);

/* How long ago @when was: "Just now", "5 min ago", "2 h ago", "3 days ago",
 * and the local date and time after a week.
 */
char           *mq_hashtag_describe_age            (GDateTime           *when,
                                                    GDateTime           *now);

G_END_DECLS
