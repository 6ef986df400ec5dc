/* mq-volunteer-roster.c: who helps at an event, and as what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-volunteer-roster"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "mq-error.h"
#include "mq-store-private.h"
#include "mq-volunteer-roster.h"

#define SQL_ADD \
  "INSERT INTO volunteers (event_id, person_id, role) VALUES (?1, ?2, ?3) " \
  "ON CONFLICT DO NOTHING"
#define SQL_REMOVE \
  "DELETE FROM volunteers WHERE event_id = ?1 AND person_id = ?2 AND role = ?3"
#define SQL_RELEASE_NEWCOMERS \
  "DELETE FROM greeter_assignments " \
  "WHERE event_id = ?1 AND greeter_id = ?2 AND status = 'assigned'"
#define SQL_LIST \
  "SELECT v.person_id, p.name, v.role FROM volunteers v " \
  "JOIN people p ON p.id = v.person_id WHERE v.event_id = ?1 " \
  "ORDER BY CASE v.role WHEN 'organizer' THEN 0 WHEN 'door' THEN 1 ELSE 2 END, " \
  "p.name COLLATE NOCASE, p.id"
#define SQL_LIST_ROLE \
  "SELECT v.person_id, p.name, v.role FROM volunteers v " \
  "JOIN people p ON p.id = v.person_id WHERE v.event_id = ?1 AND v.role = ?2 " \
  "ORDER BY p.name_key, p.id"

struct _MqVolunteerRoster
{
  GObject  parent_instance;

  MqStore *store;
};

G_DEFINE_FINAL_TYPE (MqVolunteerRoster, mq_volunteer_roster, G_TYPE_OBJECT)

static const char * const role_names[] = {
  [MQ_VOLUNTEER_ROLE_ORGANIZER] = "organizer",
  [MQ_VOLUNTEER_ROLE_DOOR] = "door",
  [MQ_VOLUNTEER_ROLE_GREETER] = "greeter",
};

const char *
mq_volunteer_role_to_string (MqVolunteerRole role)
{
  g_return_val_if_fail (role <= MQ_VOLUNTEER_ROLE_GREETER, NULL);

  return role_names[role];
}

gboolean
mq_volunteer_role_from_string (const char      *text,
                               MqVolunteerRole *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if (g_strcmp0 (text, role_names[i]) == 0)
        {
          *role = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
mq_volunteer_free (MqVolunteer *volunteer)
{
  if (volunteer == NULL)
    return;

  g_free (volunteer->name);
  g_free (volunteer);
}

static void
mq_volunteer_roster_finalize (GObject *object)
{
  MqVolunteerRoster *self = (MqVolunteerRoster *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_volunteer_roster_parent_class)->finalize (object);
}

static void
mq_volunteer_roster_class_init (MqVolunteerRosterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mq_volunteer_roster_finalize;
}

static void
mq_volunteer_roster_init (MqVolunteerRoster *self)
{
}

MqVolunteerRoster *
mq_volunteer_roster_new (MqStore *store)
{
  MqVolunteerRoster *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_VOLUNTEER_ROSTER, NULL);
  self->store = g_object_ref (store);

  return self;
}



gboolean
mq_volunteer_roster_add (MqVolunteerRoster  *self,
                         gint64              event_id,
                         gint64              person_id,
                         MqVolunteerRole     role,
                         GError            **error)
{
  g_auto(MqTransaction) tx = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_VOLUNTEER_ROSTER (self), FALSE);
  g_return_val_if_fail (role <= MQ_VOLUNTEER_ROLE_GREETER, FALSE);

  if (!mq_transaction_begin (&tx, self->store, error) ||
      !mq_store_require_event (self->store, event_id, error) ||
      !mq_store_require_person (self->store, person_id, error))
    return FALSE;

  if (!(stmt = mq_store_prepare (self->store, SQL_ADD, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, role_names[role], -1, SQLITE_STATIC);
  if (!mq_store_step_done (self->store, stmt, error))
    return FALSE;

  if (sqlite3_changes (mq_store_get_db (self->store)) > 0)
    mq_store_notify_changed (self->store, "volunteers");

  return mq_transaction_commit (&tx, error);
}

gboolean
mq_volunteer_roster_remove (MqVolunteerRoster  *self,
                            gint64              event_id,
                            gint64              person_id,
                            MqVolunteerRole     role,
                            GError            **error)
{
  g_auto(MqTransaction) tx = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_VOLUNTEER_ROSTER (self), FALSE);
  g_return_val_if_fail (role <= MQ_VOLUNTEER_ROLE_GREETER, FALSE);

  if (!mq_transaction_begin (&tx, self->store, error) ||
      !mq_store_require_event (self->store, event_id, error) ||
      !mq_store_require_person (self->store, person_id, error))
    return FALSE;

  if (!(stmt = mq_store_prepare (self->store, SQL_REMOVE, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, role_names[role], -1, SQLITE_STATIC);
  if (!mq_store_step_done (self->store, stmt, error))
    return FALSE;

  if (sqlite3_changes (mq_store_get_db (self->store)) == 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("Person %" PRId64 " is not a %s at event %" PRId64),
                   person_id, role_names[role], event_id);
      return FALSE;
    }
  mq_store_notify_changed (self->store, "volunteers");

  /* Newcomers already met stay with the greeter who met them: that is history. */
  if (role == MQ_VOLUNTEER_ROLE_GREETER)
    {
      if (!(stmt = mq_store_prepare (self->store, SQL_RELEASE_NEWCOMERS, error)))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      if (!mq_store_step_done (self->store, stmt, error))
        return FALSE;

      if (sqlite3_changes (mq_store_get_db (self->store)) > 0)
        mq_store_notify_changed (self->store, "greeters");
    }

  return mq_transaction_commit (&tx, error);
}

static GPtrArray *
list_rows (MqVolunteerRoster  *self,
           const char         *sql,
           gint64              event_id,
           const char         *role,
           GError            **error)
{
  g_autoptr(GPtrArray) volunteers = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_volunteer_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!mq_store_require_event (self->store, event_id, error))
    return NULL;

  if (!(stmt = mq_store_prepare (self->store, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  if (role != NULL)
    sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MqVolunteer *volunteer = g_new0 (MqVolunteer, 1);

      volunteer->event_id = event_id;
      volunteer->person_id = sqlite3_column_int64 (stmt, 0);
      volunteer->name = g_strdup (mq_column_text (stmt, 1));
      mq_volunteer_role_from_string (mq_column_text (stmt, 2), &volunteer->role);
      g_ptr_array_add (volunteers, volunteer);
    }
  sqlite3_reset (stmt);

  if (!mq_store_propagate (self->store, rc, error))
    return NULL;

  return g_steal_pointer (&volunteers);
}

GPtrArray *
mq_volunteer_roster_list (MqVolunteerRoster  *self,
                          gint64              event_id,
                          GError            **error)
{
  g_return_val_if_fail (MQ_IS_VOLUNTEER_ROSTER (self), NULL);

  return list_rows (self, SQL_LIST, event_id, NULL, error);
}

GPtrArray *
mq_volunteer_roster_list_role (MqVolunteerRoster  *self,
                               gint64              event_id,
                               MqVolunteerRole     role,
                               GError            **error)
{
  g_return_val_if_fail (MQ_IS_VOLUNTEER_ROSTER (self), NULL);
  g_return_val_if_fail (role <= MQ_VOLUNTEER_ROLE_GREETER, NULL);

  return list_rows (self, SQL_LIST_ROLE, event_id, role_names[role], error);
}
