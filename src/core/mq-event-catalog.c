/* mq-event-catalog.c: the club's events in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-event-catalog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "mq-error.h"
#include "mq-event-catalog-private.h"
#include "mq-event-private.h"
#include "mq-rsvp-ledger.h"
#include "mq-store-private.h"

struct _MqEventCatalog
{
  GObject       parent_instance;

  MqStore      *store;
  MqRsvpLedger *ledger;
};

G_DEFINE_FINAL_TYPE (MqEventCatalog, mq_event_catalog, G_TYPE_OBJECT)

/* Columns read by event_from_row(), in order. */
#define EVENT_SELECT \
  "SELECT id, kind, parent_id, title, starts_at, ends_at, time_zone, venue," \
  " address, online_url, capacity, hashtag, description, status," \
  " accessibility_notes, film_title, film_director, film_year, film_runtime," \
  " film_language, film_subtitles, content_notes, rights_note, poster_path," \
  " doors_minutes, qa_minutes, created_at FROM events "

/* bind_fields() binds ?1 … ?25 in this order for both statements. */
#define EVENT_INSERT \
  "INSERT INTO events (kind, parent_id, title, starts_at, ends_at, time_zone," \
  " venue, address, online_url, capacity, hashtag, description, status," \
  " accessibility_notes, film_title, film_director, film_year, film_runtime," \
  " film_language, film_subtitles, content_notes, rights_note, poster_path," \
  " doors_minutes, qa_minutes, created_at, updated_at)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15," \
  " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?26)"

#define EVENT_UPDATE \
  "UPDATE events SET kind = ?1, parent_id = ?2, title = ?3, starts_at = ?4," \
  " ends_at = ?5, time_zone = ?6, venue = ?7, address = ?8, online_url = ?9," \
  " capacity = ?10, hashtag = ?11, description = ?12, status = ?13," \
  " accessibility_notes = ?14, film_title = ?15, film_director = ?16," \
  " film_year = ?17, film_runtime = ?18, film_language = ?19," \
  " film_subtitles = ?20, content_notes = ?21, rights_note = ?22," \
  " poster_path = ?23, doors_minutes = ?24, qa_minutes = ?25, updated_at = ?26" \
  " WHERE id = ?27"

static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
parse_utc (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

static void
bind_positive_or_null (sqlite3_stmt *stmt,
                       int           index,
                       int           value)
{
  if (value > 0)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_fields (sqlite3_stmt *stmt,
             MqEvent      *event)
{
  g_autofree char *starts = format_utc (mq_event_get_starts_at (event));
  g_autofree char *ends = format_utc (mq_event_get_ends_at (event));
  g_autofree char *title = g_strstrip (g_strdup (mq_event_get_title (event)));
  int capacity = mq_event_get_capacity (event);

  sqlite3_bind_text (stmt, 1, mq_event_kind_to_string (mq_event_get_kind (event)), -1, SQLITE_STATIC);
  if (mq_event_get_parent_id (event) > 0)
    sqlite3_bind_int64 (stmt, 2, mq_event_get_parent_id (event));
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, starts, -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 5, ends);
  sqlite3_bind_text (stmt, 6, mq_event_get_time_zone (event), -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 7, mq_event_get_venue (event));
  mq_bind_text_or_null (stmt, 8, mq_event_get_address (event));
  mq_bind_text_or_null (stmt, 9, mq_event_get_online_url (event));
  if (capacity >= 0)
    sqlite3_bind_int (stmt, 10, capacity);
  else
    sqlite3_bind_null (stmt, 10);
  mq_bind_text_or_null (stmt, 11, mq_event_get_hashtag (event));
  mq_bind_text_or_null (stmt, 12, mq_event_get_description (event));
  sqlite3_bind_text (stmt, 13, mq_event_status_to_string (mq_event_get_status (event)), -1, SQLITE_STATIC);
  mq_bind_text_or_null (stmt, 14, mq_event_get_accessibility_notes (event));
  mq_bind_text_or_null (stmt, 15, mq_event_get_film_title (event));
  mq_bind_text_or_null (stmt, 16, mq_event_get_film_director (event));
  bind_positive_or_null (stmt, 17, mq_event_get_film_year (event));
  bind_positive_or_null (stmt, 18, mq_event_get_film_runtime (event));
  mq_bind_text_or_null (stmt, 19, mq_event_get_film_language (event));
  mq_bind_text_or_null (stmt, 20, mq_event_get_film_subtitles (event));
  mq_bind_text_or_null (stmt, 21, mq_event_get_content_notes (event));
  mq_bind_text_or_null (stmt, 22, mq_event_get_rights_note (event));
  mq_bind_text_or_null (stmt, 23, mq_event_get_poster_path (event));
  sqlite3_bind_int (stmt, 24, mq_event_get_doors_minutes (event));
  sqlite3_bind_int (stmt, 25, mq_event_get_qa_minutes (event));
}

static MqEvent *
event_from_row (sqlite3_stmt *stmt)
{
  MqEvent *event = mq_event_new ();
  g_autoptr(GDateTime) starts = parse_utc (mq_column_text (stmt, 4));
  g_autoptr(GDateTime) ends = parse_utc (mq_column_text (stmt, 5));
  g_autoptr(GDateTime) created = parse_utc (mq_column_text (stmt, 26));
  MqEventKind kind = MQ_EVENT_KIND_SCREENING;
  MqEventStatus status = MQ_EVENT_STATUS_PUBLISHED;

  /* The schema's CHECKs keep other spellings out of the table. */
  mq_event_kind_from_string (mq_column_text (stmt, 1), &kind);
  mq_event_status_from_string (mq_column_text (stmt, 13), &status);

  _mq_event_set_id (event, sqlite3_column_int64 (stmt, 0));
  mq_event_set_kind (event, kind);
  mq_event_set_parent_id (event, sqlite3_column_int64 (stmt, 2));
  mq_event_set_title (event, mq_column_text (stmt, 3));
  mq_event_set_starts_at (event, starts);
  mq_event_set_ends_at (event, ends);
  mq_event_set_time_zone (event, mq_column_text (stmt, 6));
  mq_event_set_venue (event, mq_column_text (stmt, 7));
  mq_event_set_address (event, mq_column_text (stmt, 8));
  mq_event_set_online_url (event, mq_column_text (stmt, 9));
  mq_event_set_capacity (event, sqlite3_column_type (stmt, 10) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 10));
  mq_event_set_hashtag (event, mq_column_text (stmt, 11));
  mq_event_set_description (event, mq_column_text (stmt, 12));
  mq_event_set_status (event, status);
  mq_event_set_accessibility_notes (event, mq_column_text (stmt, 14));
  mq_event_set_film_title (event, mq_column_text (stmt, 15));
  mq_event_set_film_director (event, mq_column_text (stmt, 16));
  mq_event_set_film_year (event, sqlite3_column_int (stmt, 17));
  mq_event_set_film_runtime (event, sqlite3_column_int (stmt, 18));
  mq_event_set_film_language (event, mq_column_text (stmt, 19));
  mq_event_set_film_subtitles (event, mq_column_text (stmt, 20));
  mq_event_set_content_notes (event, mq_column_text (stmt, 21));
  mq_event_set_rights_note (event, mq_column_text (stmt, 22));
  mq_event_set_poster_path (event, mq_column_text (stmt, 23));
  mq_event_set_doors_minutes (event, sqlite3_column_int (stmt, 24));
  mq_event_set_qa_minutes (event, sqlite3_column_int (stmt, 25));
  _mq_event_set_created_at (event, created);

  return event;
}

static void
mq_event_catalog_dispose (GObject *object)
{
  MqEventCatalog *self = (MqEventCatalog *) object;

  g_clear_object (&self->ledger);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_event_catalog_parent_class)->dispose (object);
}

static void
mq_event_catalog_class_init (MqEventCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mq_event_catalog_dispose;
}

static void
mq_event_catalog_init (MqEventCatalog *self)
{
}

MqEventCatalog *
mq_event_catalog_new (MqStore *store)
{
  MqEventCatalog *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_EVENT_CATALOG, NULL);
  self->store = g_object_ref (store);

  return self;
}

gint64
mq_event_catalog_add (MqEventCatalog  *self,
                      MqEvent         *event,
                      GError         **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_iso = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (MQ_IS_EVENT_CATALOG (self), 0);
  g_return_val_if_fail (MQ_IS_EVENT (event), 0);
  g_return_val_if_fail (mq_event_get_id (event) == 0, 0);

  if (!mq_transaction_begin (&tx, self->store, error))
    return 0;

  if (!_mq_event_validate (self->store, event, error))
    return 0;

  if (!(stmt = mq_store_prepare (self->store, EVENT_INSERT, error)))
    return 0;

  now = mq_store_now (self->store);
  now_iso = format_utc (now);
  bind_fields (stmt, event);
  sqlite3_bind_text (stmt, 26, now_iso, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (self->store, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (mq_store_get_db (self->store));
  mq_store_notify_changed (self->store, "events");

  if (!mq_transaction_commit (&tx, error))
    return 0;

  _mq_event_set_id (event, id);
  _mq_event_set_created_at (event, now);

  return id;
}

/* -2 when there is no such event, -1 for unlimited. */
static gboolean
read_capacity (MqEventCatalog  *self,
               gint64           id,
               int             *capacity,
               GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (self->store, "SELECT capacity FROM events WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *capacity = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 0);
  else
    *capacity = -2;
  sqlite3_reset (stmt);

  return mq_store_propagate (self->store, rc, error);
}

static gboolean
capacity_raised (int old_capacity,
                 int new_capacity)
{
  if (old_capacity < 0)
    return FALSE;

  return new_capacity < 0 || new_capacity > old_capacity;
}

gboolean
mq_event_catalog_update (MqEventCatalog  *self,
                         MqEvent         *event,
                         GError         **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int old_capacity;

  g_return_val_if_fail (MQ_IS_EVENT_CATALOG (self), FALSE);
  g_return_val_if_fail (MQ_IS_EVENT (event), FALSE);

  id = mq_event_get_id (event);

  if (!mq_transaction_begin (&tx, self->store, error))
    return FALSE;

  if (!read_capacity (self, id, &old_capacity, error))
    return FALSE;

  if (old_capacity == -2)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("There is no event %" PRId64 ": it may have been deleted"), id);
      return FALSE;
    }

  if (!_mq_event_validate (self->store, event, error))
    return FALSE;

  if (!(stmt = mq_store_prepare (self->store, EVENT_UPDATE, error)))
    return FALSE;

  now = mq_store_now_iso (self->store);
  bind_fields (stmt, event);
  sqlite3_bind_text (stmt, 26, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 27, id);
  if (!mq_store_step_done (self->store, stmt, error))
    return FALSE;

  /* Seats that appeared go to the waitlist, in the same transaction, so no
   * one can take them in between.
   */
  if (capacity_raised (old_capacity, mq_event_get_capacity (event)))
    {
      if (self->ledger == NULL)
        self->ledger = mq_rsvp_ledger_new (self->store);

      if (mq_rsvp_ledger_promote (self->ledger, id, g_get_user_name (), error) < 0)
        return FALSE;
    }

  mq_store_notify_changed (self->store, "events");

  return mq_transaction_commit (&tx, error);
}

gboolean
mq_event_catalog_delete (MqEventCatalog  *self,
                         gint64           id,
                         GError         **error)
{
  g_auto(MqTransaction) tx = { 0 };
  sqlite3_stmt *stmt;
  gboolean has_addons;
  int rc;

  g_return_val_if_fail (MQ_IS_EVENT_CATALOG (self), FALSE);

  if (!mq_transaction_begin (&tx, self->store, error))
    return FALSE;

  if (!(stmt = mq_store_prepare (self->store,
                                 "SELECT 1 FROM events WHERE parent_id = ?1 AND kind = 'addon'",
                                 error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  has_addons = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!mq_store_propagate (self->store, rc, error))
    return FALSE;

  /* An add-on without its event would be meaningless, and silently deleting
   * it with its RSVPs would lose more than the organizer asked for.
   */
  if (has_addons)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_CONSTRAINT,
                   _("Event %" PRId64 " has add-ons: delete them first"), id);
      return FALSE;
    }

  if (!(stmt = mq_store_prepare (self->store, "DELETE FROM events WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!mq_store_step_done (self->store, stmt, error))
    return FALSE;

  if (sqlite3_changes (mq_store_get_db (self->store)) == 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("There is no event %" PRId64 ": it may have been deleted"), id);
      return FALSE;
    }

  mq_store_notify_changed (self->store, "events");
  mq_store_notify_changed (self->store, "rsvps");

  return mq_transaction_commit (&tx, error);
}

MqEvent *
mq_event_catalog_get (MqEventCatalog  *self,
                      gint64           id,
                      GError         **error)
{
  g_autoptr(MqEvent) event = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_EVENT_CATALOG (self), NULL);

  if (!(stmt = mq_store_prepare (self->store, EVENT_SELECT "WHERE id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    event = event_from_row (stmt);
  sqlite3_reset (stmt);

  if (!mq_store_propagate (self->store, rc, error))
    return NULL;

  if (event == NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("There is no event %" PRId64 ": check the number"), id);
      return NULL;
    }

  return g_steal_pointer (&event);
}

GListModel *
mq_event_catalog_list (MqEventCatalog  *self,
                       MqEventRange     range,
                       GError         **error)
{
  g_autoptr(GListStore) events = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  const char *sql;
  int rc;

  g_return_val_if_fail (MQ_IS_EVENT_CATALOG (self), NULL);

  /* Times are stored as fixed-width UTC text, so text order is time order. */
  switch (range)
    {
    case MQ_EVENT_RANGE_UPCOMING:
      sql = EVENT_SELECT "WHERE starts_at >= ?1 ORDER BY starts_at, id";
      break;
    case MQ_EVENT_RANGE_PAST:
      sql = EVENT_SELECT "WHERE starts_at < ?1 ORDER BY starts_at DESC, id DESC";
      break;
    case MQ_EVENT_RANGE_ALL:
      sql = EVENT_SELECT "ORDER BY starts_at, id";
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (!(stmt = mq_store_prepare (self->store, sql, error)))
    return NULL;

  if (range != MQ_EVENT_RANGE_ALL)
    {
      now = mq_store_now_iso (self->store);
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
    }

  events = g_list_store_new (MQ_TYPE_EVENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MqEvent) event = event_from_row (stmt);

      g_list_store_append (events, event);
    }
  sqlite3_reset (stmt);

  if (!mq_store_propagate (self->store, rc, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&events));
}
