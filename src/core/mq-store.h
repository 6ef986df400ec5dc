/* mq-store.h: one Marquee database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MQ_TYPE_STORE (mq_store_get_type ())

G_DECLARE_FINAL_TYPE (MqStore, mq_store, MQ, STORE, GObject)

MqStore    *mq_store_open                     (const char  *path,
                                               GError     **error);
const char *mq_store_get_path                 (MqStore     *self);
int         mq_store_get_schema_version       (MqStore     *self);
const char *mq_store_get_identity             (MqStore     *self);
int         mq_store_get_latest_schema_version (void);
char       *mq_store_default_path             (void);

gboolean    mq_store_begin                    (MqStore     *self,
                                               GError     **error);
gboolean    mq_store_commit                   (MqStore     *self,
                                               GError     **error);
void        mq_store_rollback                 (MqStore     *self);
void        mq_store_notify_changed           (MqStore     *self,
                                               const char  *what);
/* Caps SQLite's page cache of this connection at @kib kibibytes (SQLite's
 * default is 2,000). The operating system caches the file anyway; a window
 * that reads a page of rows at a time needs little of its own.
 */
gboolean    mq_store_set_cache_size           (MqStore     *self,
                                               guint        kib,
                                               GError     **error);

GDateTime  *mq_store_now                      (MqStore     *self);
void        mq_store_set_fixed_now            (MqStore     *self,
                                               GDateTime   *now);

G_END_DECLS
