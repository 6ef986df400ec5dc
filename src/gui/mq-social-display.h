/* mq-social-display.h: how networks, accounts and outbox states read in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mq-outbox.h"

G_BEGIN_DECLS

/* "Bluesky", "Mastodon" */
const char *mq_display_network            (MqSocialNetwork        network);
/* The network's symbolic icon, shipped in the app's resources. */
const char *mq_display_network_icon       (MqSocialNetwork        network);
/* "club.bsky.social" for Bluesky, "@club@films.example" for Mastodon. */
char       *mq_display_account            (const MqSocialAccount *account);
/* "Bluesky · bsky.social" */
char       *mq_display_account_server     (const MqSocialAccount *account);
/* "Queued", "Posted", … and a style class that colours it. */
const char *mq_display_outbox_state       (MqOutboxState          state);
const char *mq_display_outbox_state_class (MqOutboxState          state);
/* A UTC ISO 8601 time from the outbox, in local time: "14:05" today,
 * else "Fri 4 Dec 2026, 19:04". NULL when @iso is NULL or unreadable.
 */
char       *mq_display_outbox_time        (const char            *iso);

G_END_DECLS
