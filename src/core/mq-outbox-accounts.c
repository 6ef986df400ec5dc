/* mq-outbox-accounts.c: the social accounts the outbox posts as
 *
 * Only what is not secret lives here; tokens and passwords are in the
 * keyring (mq-secret-store.c), keyed by the account id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-outbox"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "mq-error.h"
#include "mq-outbox.h"
#include "mq-store-private.h"

#define ACCOUNT_COLUMNS \
  "id, network, server, handle, remote_id, display_name, coalesce (max_characters, 0), " \
  "coalesce (image_size_limit, 0) " \
  "FROM social_accounts "

void
mq_social_account_free (MqSocialAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->server);
  g_free (account->handle);
  g_free (account->remote_id);
  g_free (account->display_name);
  g_free (account);
}

static MqSocialAccount *
account_from_row (sqlite3_stmt *stmt)
{
  MqSocialAccount *account = g_new0 (MqSocialAccount, 1);

  account->id = sqlite3_column_int64 (stmt, 0);
  mq_social_network_from_string (mq_column_text (stmt, 1), &account->network);
  account->server = g_strdup (mq_column_text (stmt, 2));
  account->handle = g_strdup (mq_column_text (stmt, 3));
  account->remote_id = g_strdup (mq_column_text (stmt, 4));
  account->display_name = g_strdup (mq_column_text (stmt, 5));
  account->max_characters = sqlite3_column_int (stmt, 6);
  account->image_size_limit = sqlite3_column_int64 (stmt, 7);
  return account;
}

/* "https://Example.social/" → "https://example.social": one spelling per
 * server, so the same account is not added twice.
 */
static char *
normalize_server (const char  *server,
                  GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  const char *scheme;

  uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("“%s” is not a server address: write it like https://mastodon.social"),
                   server);
      return NULL;
    }
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s://%s:%d", scheme, host, g_uri_get_port (uri));
  return g_strdup_printf ("%s://%s", scheme, host);
}

static char *
clean_handle (MqSocialNetwork  network,
              const char      *handle)
{
  return g_strstrip (g_strdup (handle[0] == '@' && network == MQ_SOCIAL_NETWORK_BLUESKY
                               ? handle + 1 : handle));
}

gint64
mq_outbox_add_account (MqOutbox        *self,
                       MqSocialNetwork  network,
                       const char      *server,
                       const char      *handle,
                       GError         **error)
{
  MqStore *store;
  g_autofree char *now = NULL;
  g_autofree char *base = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), 0);
  g_return_val_if_fail (server != NULL, 0);
  g_return_val_if_fail (handle != NULL, 0);

  if (!(base = normalize_server (server, error)))
    return 0;
  clean = clean_handle (network, handle);
  if (*clean == '\0')
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID, _("The account needs a handle"));
      return 0;
    }

  store = mq_outbox_get_store (self);
  now = mq_store_now_iso (store);
  stmt = mq_store_prepare (store,
                           "INSERT INTO social_accounts (network, server, handle, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, mq_social_network_to_string (network), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, base, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (store, stmt, error))
    return 0;
  mq_store_notify_changed (store, "accounts");
  return sqlite3_last_insert_rowid (mq_store_get_db (store));
}

gboolean
mq_outbox_update_account (MqOutbox    *self,
                          gint64       account_id,
                          const char  *remote_id,
                          const char  *display_name,
                          int          max_characters,
                          GError     **error)
{
  MqStore *store;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);

  store = mq_outbox_get_store (self);
  now = mq_store_now_iso (store);
  stmt = mq_store_prepare (store,
                           "UPDATE social_accounts SET remote_id = coalesce (?2, remote_id), "
                           "display_name = coalesce (?3, display_name), "
                           "max_characters = coalesce (?4, max_characters), updated_at = ?5 "
                           "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  mq_bind_text_or_null (stmt, 2, remote_id);
  mq_bind_text_or_null (stmt, 3, display_name);
  if (max_characters > 0)
    sqlite3_bind_int (stmt, 4, max_characters);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (store, stmt, error))
    return FALSE;
  mq_store_notify_changed (store, "accounts");
  return TRUE;
}

gboolean
mq_outbox_set_account_limits (MqOutbox    *self,
                              gint64       account_id,
                              int          max_characters,
                              gint64       image_size_limit,
                              GError     **error)
{
  MqStore *store;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);

  store = mq_outbox_get_store (self);
  now = mq_store_now_iso (store);
  stmt = mq_store_prepare (store,
                           "UPDATE social_accounts SET max_characters = coalesce (?2, max_characters), "
                           "image_size_limit = coalesce (?3, image_size_limit), updated_at = ?4 "
                           "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (max_characters > 0)
    sqlite3_bind_int (stmt, 2, max_characters);
  if (image_size_limit > 0)
    sqlite3_bind_int64 (stmt, 3, image_size_limit);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (store, stmt, error))
    return FALSE;
  mq_store_notify_changed (store, "accounts");
  return TRUE;
}

gint64
mq_outbox_find_account (MqOutbox         *self,
                        MqSocialNetwork   network,
                        const char       *server,
                        const char       *handle,
                        GError          **error)
{
  MqStore *store;
  g_autofree char *base = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), -1);
  g_return_val_if_fail (server != NULL, -1);
  g_return_val_if_fail (handle != NULL, -1);

  if (!(base = normalize_server (server, error)))
    return -1;
  clean = clean_handle (network, handle);
  store = mq_outbox_get_store (self);
  stmt = mq_store_prepare (store,
                           "SELECT id FROM social_accounts WHERE network = ? AND server = ? AND handle = ?",
                           error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, mq_social_network_to_string (network), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, base, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mq_store_propagate (store, rc, error), -1;
  return id;
}

MqSocialAccount *
mq_outbox_get_account (MqOutbox  *self,
                       gint64     account_id,
                       GError   **error)
{
  MqStore *store;
  MqSocialAccount *account = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), NULL);

  store = mq_outbox_get_store (self);
  stmt = mq_store_prepare (store, "SELECT " ACCOUNT_COLUMNS "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    account = account_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                 _("Account %" PRId64 " does not exist: see “marquee-cli account list”"),
                 account_id);
  else if (rc != SQLITE_ROW)
    mq_store_propagate (store, rc, error);
  return account;
}

GPtrArray *
mq_outbox_list_accounts (MqOutbox  *self,
                         GError   **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  MqStore *store;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), NULL);

  store = mq_outbox_get_store (self);
  stmt = mq_store_prepare (store, "SELECT " ACCOUNT_COLUMNS "ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_social_account_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (accounts, account_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return mq_store_propagate (store, rc, error), NULL;
  return g_steal_pointer (&accounts);
}

gboolean
mq_outbox_remove_account (MqOutbox  *self,
                          gint64     account_id,
                          GError   **error)
{
  MqStore *store;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);

  store = mq_outbox_get_store (self);
  stmt = mq_store_prepare (store, "DELETE FROM social_accounts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (!mq_store_step_done (store, stmt, error))
    return FALSE;
  mq_store_notify_changed (store, "accounts");
  return TRUE;
}
