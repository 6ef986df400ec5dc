/* mq-door-fuzzy.h: typo-tolerant word matching for the door lookup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Query words shorter than this must still start an entry word exactly:
 * one edit on two letters would match almost everyone.
 */
#define MQ_DOOR_FUZZY_MIN_WORD 3

gboolean mq_door_fuzzy_word_matches (const char         *entry_word,
                                     const char         *query_word);
/* @n_entry_words: how many @entry_words there are, or -1 when the array is
 * NULL-terminated
 */
gboolean mq_door_fuzzy_matches      (const char * const *entry_words,
                                     gssize              n_entry_words,
                                     const char * const *query_words);

G_END_DECLS
