/* mq-greeter-pairing.c: every newcomer gets a greeter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-greeter-pairing"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "mq-error.h"
#include "mq-greeter-pairing-private.h"
#include "mq-store-private.h"

#define SQL_SELECT_PAIRS \
  "SELECT ga.id, ga.event_id, ga.newcomer_id, n.name, ga.greeter_id, g.name, " \
  "ga.status, ga.assigned_at, ga.met_at, " \
  "(SELECT min (c.at) FROM rsvps r JOIN check_ins c ON c.rsvp_id = r.id " \
  "  WHERE r.event_id = ga.event_id AND r.person_id = ga.newcomer_id " \
  "  AND c.action = 'admit' AND NOT EXISTS (SELECT 1 FROM check_ins u " \
  "  WHERE u.rsvp_id = c.rsvp_id AND u.undoes_id = c.id)) " \
  "FROM greeter_assignments ga " \
  "JOIN people n ON n.id = ga.newcomer_id " \
  "JOIN people g ON g.id = ga.greeter_id "
#define SQL_LIST \
  SQL_SELECT_PAIRS "WHERE ga.event_id = ?1 ORDER BY n.name_key, n.id"
#define SQL_LIST_FOR_GREETER \
  SQL_SELECT_PAIRS "WHERE ga.event_id = ?1 AND ga.greeter_id = ?2 " \
  "ORDER BY n.name_key, n.id"
#define SQL_FIND \
  SQL_SELECT_PAIRS "WHERE ga.event_id = ?1 AND ga.newcomer_id = ?2"
#define SQL_SET_MET \
  "UPDATE greeter_assignments SET status = ?3, met_at = ?4 " \
  "WHERE event_id = ?1 AND newcomer_id = ?2"
#define SQL_INTRODUCE \
  "INSERT INTO introductions (event_id, person_a, person_b, by_person, note, at) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
#define SQL_INTRODUCTIONS \
  "SELECT id, event_id, person_a, person_b, by_person, note, at " \
  "FROM introductions WHERE event_id = ?1 ORDER BY at, id"

G_DEFINE_FINAL_TYPE (MqGreeterPairing, mq_greeter_pairing, G_TYPE_OBJECT)

void
mq_greeter_newcomer_free (MqGreeterNewcomer *newcomer)
{
  if (newcomer == NULL)
    return;

  g_clear_object (&newcomer->assignment);
  g_clear_pointer (&newcomer->arrived_at, g_date_time_unref);
  g_free (newcomer);
}

static void
mq_greeter_pairing_finalize (GObject *object)
{
  MqGreeterPairing *self = (MqGreeterPairing *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_greeter_pairing_parent_class)->finalize (object);
}

static void
mq_greeter_pairing_class_init (MqGreeterPairingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mq_greeter_pairing_finalize;
}

static void
mq_greeter_pairing_init (MqGreeterPairing *self)
{
}

MqGreeterPairing *
mq_greeter_pairing_new (MqStore *store)
{
  MqGreeterPairing *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_GREETER_PAIRING, NULL);
  self->store = g_object_ref (store);

  return self;
}




static GDateTime *
column_time (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = mq_column_text (stmt, column);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static MqGreeterAssignment *
assignment_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) assigned_at = column_time (stmt, 7);
  g_autoptr(GDateTime) met_at = column_time (stmt, 8);
  gboolean met = g_strcmp0 (mq_column_text (stmt, 6), "met") == 0;

  return mq_greeter_assignment_new (sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1),
                                    sqlite3_column_int64 (stmt, 2),
                                    mq_column_text (stmt, 3),
                                    sqlite3_column_int64 (stmt, 4),
                                    mq_column_text (stmt, 5),
                                    met ? MQ_GREETER_ASSIGNMENT_MET : MQ_GREETER_ASSIGNMENT_ASSIGNED,
                                    assigned_at,
                                    met_at);
}

static GPtrArray *
select_pairs (MqGreeterPairing  *self,
              const char        *sql,
              gint64             event_id,
              gint64             person_id,
              gboolean           with_arrival,
              GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (with_arrival)
    rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_greeter_newcomer_free);
  else
    rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(stmt = mq_store_prepare (self->store, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  if (person_id != 0)
    sqlite3_bind_int64 (stmt, 2, person_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (with_arrival)
        {
          MqGreeterNewcomer *newcomer = g_new0 (MqGreeterNewcomer, 1);

          newcomer->assignment = assignment_from_row (stmt);
          newcomer->arrived_at = column_time (stmt, 9);
          g_ptr_array_add (rows, newcomer);
        }
      else
        {
          g_ptr_array_add (rows, assignment_from_row (stmt));
        }
    }
  sqlite3_reset (stmt);

  if (!mq_store_propagate (self->store, rc, error))
    return NULL;

  return g_steal_pointer (&rows);
}

GPtrArray *
mq_greeter_pairing_assign (MqGreeterPairing  *self,
                           gint64             event_id,
                           guint             *n_new,
                           GError           **error)
{
  g_auto(MqTransaction) tx = { 0 };

  g_return_val_if_fail (MQ_IS_GREETER_PAIRING (self), NULL);

  if (!mq_transaction_begin (&tx, self->store, error) ||
      !mq_greeter_pairing_pair_newcomers (self->store, event_id, n_new, error) ||
      !mq_transaction_commit (&tx, error))
    return NULL;

  return select_pairs (self, SQL_LIST, event_id, 0, FALSE, error);
}

GPtrArray *
mq_greeter_pairing_list (MqGreeterPairing  *self,
                         gint64             event_id,
                         GError           **error)
{
  g_return_val_if_fail (MQ_IS_GREETER_PAIRING (self), NULL);

  if (!mq_store_require_event (self->store, event_id, error))
    return NULL;

  return select_pairs (self, SQL_LIST, event_id, 0, FALSE, error);
}

MqGreeterAssignment *
mq_greeter_pairing_find (MqGreeterPairing  *self,
                         gint64             event_id,
                         gint64             newcomer_id,
                         GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (MQ_IS_GREETER_PAIRING (self), NULL);
  g_return_val_if_fail (newcomer_id > 0, NULL);

  if (!(rows = select_pairs (self, SQL_FIND, event_id, newcomer_id, FALSE, error)))
    return NULL;

  return rows->len > 0 ? g_object_ref (g_ptr_array_index (rows, 0)) : NULL;
}

GPtrArray *
mq_greeter_pairing_list_for_greeter (MqGreeterPairing  *self,
                                     gint64             event_id,
                                     gint64             greeter_id,
                                     GError           **error)
{
  g_return_val_if_fail (MQ_IS_GREETER_PAIRING (self), NULL);
  g_return_val_if_fail (greeter_id > 0, NULL);

  if (!mq_store_require_event (self->store, event_id, error) ||
      !mq_store_require_person (self->store, greeter_id, error))
    return NULL;

  return select_pairs (self, SQL_LIST_FOR_GREETER, event_id, greeter_id, TRUE, error);
}

gboolean
mq_greeter_pairing_set_met (MqGreeterPairing  *self,
                            gint64             event_id,
                            gint64             newcomer_id,
                            gboolean           met,
                            GError           **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_GREETER_PAIRING (self), FALSE);

  if (!(stmt = mq_store_prepare (self->store, SQL_SET_MET, error)))
    return FALSE;

  now = mq_store_now_iso (self->store);
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, newcomer_id);
  sqlite3_bind_text (stmt, 3, met ? "met" : "assigned", -1, SQLITE_STATIC);
  if (met)
    sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
  if (!mq_store_step_done (self->store, stmt, error))
    return FALSE;

  if (sqlite3_changes (mq_store_get_db (self->store)) == 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("Person %" PRId64 " has no greeter at event %" PRId64 ": run “greeters assign” first"),
                   newcomer_id, event_id);
      return FALSE;
    }

  mq_store_notify_changed (self->store, "greeters");
  return TRUE;
}

MqIntroduction *
mq_greeter_pairing_introduce (MqGreeterPairing  *self,
                              gint64             event_id,
                              gint64             person_a,
                              gint64             person_b,
                              gint64             by_person,
                              const char        *note,
                              GError           **error)
{
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_GREETER_PAIRING (self), NULL);

  if (person_a == person_b)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("An introduction needs two different people"));
      return NULL;
    }

  if (!mq_store_require_event (self->store, event_id, error) ||
      !mq_store_require_person (self->store, person_a, error) ||
      !mq_store_require_person (self->store, person_b, error) ||
      (by_person != 0 && !mq_store_require_person (self->store, by_person, error)))
    return NULL;

  if (!(stmt = mq_store_prepare (self->store, SQL_INTRODUCE, error)))
    return NULL;

  at = mq_store_now (self->store);
  now = g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, person_a);
  sqlite3_bind_int64 (stmt, 3, person_b);
  if (by_person != 0)
    sqlite3_bind_int64 (stmt, 4, by_person);
  else
    sqlite3_bind_null (stmt, 4);
  mq_bind_text_or_null (stmt, 5, note);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (self->store, stmt, error))
    return NULL;

  mq_store_notify_changed (self->store, "introductions");

  return mq_introduction_new (sqlite3_last_insert_rowid (mq_store_get_db (self->store)),
                              event_id, person_a, person_b, by_person,
                              note != NULL && *note != '\0' ? note : NULL, at);
}

GPtrArray *
mq_greeter_pairing_list_introductions (MqGreeterPairing  *self,
                                       gint64             event_id,
                                       GError           **error)
{
  g_autoptr(GPtrArray) introductions = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_GREETER_PAIRING (self), NULL);

  if (!mq_store_require_event (self->store, event_id, error))
    return NULL;

  if (!(stmt = mq_store_prepare (self->store, SQL_INTRODUCTIONS, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) at = column_time (stmt, 6);

      g_ptr_array_add (introductions,
                       mq_introduction_new (sqlite3_column_int64 (stmt, 0),
                                            sqlite3_column_int64 (stmt, 1),
                                            sqlite3_column_int64 (stmt, 2),
                                            sqlite3_column_int64 (stmt, 3),
                                            sqlite3_column_int64 (stmt, 4),
                                            mq_column_text (stmt, 5),
                                            at));
    }
  sqlite3_reset (stmt);

  if (!mq_store_propagate (self->store, rc, error))
    return NULL;

  return g_steal_pointer (&introductions);
}
