/* mq-person-list-model.h: the directory as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-person-directory.h"
#include "mq-store.h"

G_BEGIN_DECLS

#define MQ_TYPE_PERSON_LIST_MODEL (mq_person_list_model_get_type ())

G_DECLARE_FINAL_TYPE (MqPersonListModel, mq_person_list_model, MQ, PERSON_LIST_MODEL, GObject)

/* At most this many people answer a search; the whole directory is only
 * listed (lazily, page by page) when the query is empty.
 */
#define MQ_PERSON_LIST_MODEL_SEARCH_LIMIT 500

/* A GListModel of MqPerson ordered by name. Without a query it holds the
 * whole directory but loads rows from SQLite one page at a time, only when
 * asked for, and keeps a few pages; with a query it holds the search
 * results. It follows the store's "changed::people" signal.
 */
MqPersonListModel *mq_person_list_model_new       (MqStore           *store);
const char        *mq_person_list_model_get_query (MqPersonListModel *self);
void               mq_person_list_model_set_query (MqPersonListModel *self,
                                                   const char        *query);
/* Forgets every loaded page and recounts. */
void               mq_person_list_model_reload    (MqPersonListModel *self);
/* How many pages are loaded right now (for tests and measurements). */
guint              mq_person_list_model_get_n_cached_pages (MqPersonListModel *self);

G_END_DECLS
