/* mq-newcomer-rule.c: who comes to the club for the first time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-newcomer-rule"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-error.h"
#include "mq-newcomer-rule.h"
#include "mq-store-private.h"

/* No club keeps records for a century; the bound keeps the date arithmetic sane. */
#define MAX_LAPSE_DAYS 36500

/* An admit counts while no undo names it. Undo rows share the admit's RSVP,
 * so the check_ins_by_rsvp index finds them.
 */
#define LIVE_ADMIT \
  "c.action = 'admit' AND NOT EXISTS (SELECT 1 FROM check_ins u " \
  "WHERE u.rsvp_id = c.rsvp_id AND u.undoes_id = c.id)"

#define SQL_GET_LAPSE \
  "SELECT value FROM settings WHERE key = ?1"
#define SQL_SET_LAPSE \
  "INSERT INTO settings (key, value) VALUES (?1, ?2) " \
  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
#define SQL_EVENT_START \
  "SELECT starts_at FROM events WHERE id = ?1"
#define SQL_LAST_SEEN \
  "SELECT max (c.at) FROM rsvps r " \
  "JOIN check_ins c ON c.rsvp_id = r.id " \
  "JOIN events e ON e.id = r.event_id " \
  "WHERE r.person_id = ?1 AND e.starts_at < ?2 AND " LIVE_ADMIT
#define SQL_LIST_NEWCOMERS \
  "SELECT r.person_id FROM rsvps r JOIN people p ON p.id = r.person_id " \
  "WHERE r.event_id = ?1 AND r.status = 'going' AND NOT EXISTS (" \
  "  SELECT 1 FROM rsvps r2 " \
  "  JOIN check_ins c ON c.rsvp_id = r2.id " \
  "  JOIN events e ON e.id = r2.event_id " \
  "  WHERE r2.person_id = r.person_id AND e.starts_at < ?2 " \
  "    AND (?3 IS NULL OR c.at >= ?3) AND " LIVE_ADMIT ") " \
  "ORDER BY p.name_key, p.id"

#define ISO_FORMAT "%Y-%m-%dT%H:%M:%SZ"

struct _MqNewcomerRule
{
  GObject  parent_instance;

  MqStore *store;
};

G_DEFINE_FINAL_TYPE (MqNewcomerRule, mq_newcomer_rule, G_TYPE_OBJECT)

static void
mq_newcomer_rule_finalize (GObject *object)
{
  MqNewcomerRule *self = (MqNewcomerRule *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_newcomer_rule_parent_class)->finalize (object);
}

static void
mq_newcomer_rule_class_init (MqNewcomerRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mq_newcomer_rule_finalize;
}

static void
mq_newcomer_rule_init (MqNewcomerRule *self)
{
}

MqNewcomerRule *
mq_newcomer_rule_new (MqStore *store)
{
  MqNewcomerRule *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_NEWCOMER_RULE, NULL);
  self->store = g_object_ref (store);

  return self;
}

int
mq_newcomer_rule_get_lapse_days (MqNewcomerRule  *self,
                                 GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 days = MQ_NEWCOMER_DEFAULT_LAPSE_DAYS;
  int rc;

  g_return_val_if_fail (MQ_IS_NEWCOMER_RULE (self), -1);

  if (!(stmt = mq_store_prepare (self->store, SQL_GET_LAPSE, error)))
    return -1;

  sqlite3_bind_text (stmt, 1, MQ_NEWCOMER_LAPSE_SETTING, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *value = mq_column_text (stmt, 0);

      /* A value written by hand that makes no sense falls back to the default
       * rather than locking the door out of its newcomer marks.
       */
      if (!g_ascii_string_to_signed (value, 10, 0, MAX_LAPSE_DAYS, &days, NULL))
        {
          g_warning ("Ignoring the setting %s=“%s”: not a number of days",
                     MQ_NEWCOMER_LAPSE_SETTING, value);
          days = MQ_NEWCOMER_DEFAULT_LAPSE_DAYS;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && !mq_store_propagate (self->store, rc, error))
    return -1;

  return (int) days;
}

gboolean
mq_newcomer_rule_set_lapse_days (MqNewcomerRule  *self,
                                 int              days,
                                 GError         **error)
{
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_NEWCOMER_RULE (self), FALSE);

  if (days < 0 || days > MAX_LAPSE_DAYS)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("The newcomer lapse must be between 0 (never) and %d days"),
                   MAX_LAPSE_DAYS);
      return FALSE;
    }

  if (!(stmt = mq_store_prepare (self->store, SQL_SET_LAPSE, error)))
    return FALSE;

  value = g_strdup_printf ("%d", days);
  sqlite3_bind_text (stmt, 1, MQ_NEWCOMER_LAPSE_SETTING, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (self->store, stmt, error))
    return FALSE;

  mq_store_notify_changed (self->store, "settings");
  return TRUE;
}

/* The event's start as stored (so it compares as text with other starts) and
 * the earliest admit time that still makes someone a returning guest (NULL:
 * any admit does).
 */
static gboolean
load_window (MqNewcomerRule  *self,
             gint64           event_id,
             char           **starts_at,
             char           **cutoff,
             GError         **error)
{
  g_autoptr(GDateTime) start = NULL;
  sqlite3_stmt *stmt;
  int lapse, rc;

  if ((lapse = mq_newcomer_rule_get_lapse_days (self, error)) < 0)
    return FALSE;

  if (!(stmt = mq_store_prepare (self->store, SQL_EVENT_START, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *starts_at = g_strdup (mq_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("There is no event %" PRId64 ": check the id with “event list”"),
                   event_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return mq_store_propagate (self->store, rc, error);

  *cutoff = NULL;
  if (lapse == 0)
    return TRUE;

  start = g_date_time_new_from_iso8601 (*starts_at, NULL);
  if (start == NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_CORRUPT,
                   _("Event %" PRId64 " has an unreadable start time “%s”"),
                   event_id, *starts_at);
      g_clear_pointer (starts_at, g_free);
      return FALSE;
    }

  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (start);
    g_autoptr(GDateTime) earliest = g_date_time_add_days (utc, -lapse);

    *cutoff = g_date_time_format (earliest, ISO_FORMAT);
  }

  return TRUE;
}


gboolean
mq_newcomer_rule_is_newcomer (MqNewcomerRule  *self,
                              gint64           event_id,
                              gint64           person_id,
                              gboolean        *is_newcomer,
                              GDateTime      **last_seen,
                              GError         **error)
{
  g_autofree char *starts_at = NULL;
  g_autofree char *cutoff = NULL;
  g_autofree char *last = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_NEWCOMER_RULE (self), FALSE);
  g_return_val_if_fail (is_newcomer != NULL, FALSE);

  if (!load_window (self, event_id, &starts_at, &cutoff, error) ||
      !mq_store_require_person (self->store, person_id, error))
    return FALSE;

  if (!(stmt = mq_store_prepare (self->store, SQL_LAST_SEEN, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, starts_at, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    last = g_strdup (mq_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return mq_store_propagate (self->store, rc, error);

  /* The times are UTC in one fixed format, so text order is time order. */
  *is_newcomer = last == NULL || (cutoff != NULL && strcmp (last, cutoff) < 0);

  if (last_seen != NULL)
    *last_seen = last != NULL ? g_date_time_new_from_iso8601 (last, NULL) : NULL;

  return TRUE;
}

GArray *
mq_newcomer_rule_list_newcomers (MqNewcomerRule  *self,
                                 gint64           event_id,
                                 GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *starts_at = NULL;
  g_autofree char *cutoff = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_NEWCOMER_RULE (self), NULL);

  if (!load_window (self, event_id, &starts_at, &cutoff, error))
    return NULL;

  if (!(stmt = mq_store_prepare (self->store, SQL_LIST_NEWCOMERS, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, starts_at, -1, SQLITE_TRANSIENT);
  if (cutoff != NULL)
    sqlite3_bind_text (stmt, 3, cutoff, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (!mq_store_propagate (self->store, rc, error))
    return NULL;

  return g_steal_pointer (&ids);
}
