/* mq-search-text.h: text folded for matching, as the door and directory search see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *mq_search_text_fold     (const char *text);
char  *mq_search_text_fold_name (const char *name);
char **mq_search_text_tokenize (const char *text);
char  *mq_search_text_for_person (const char *name,
                                  const char *email,
                                  const char *mastodon,
                                  const char *bluesky);

G_END_DECLS
