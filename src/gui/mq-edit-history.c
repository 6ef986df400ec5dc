/* mq-edit-history.c: the organizer's edits, each one undoable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-edit-history"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-edit-history.h"
#include "mq-person-snapshot.h"
#include "mq-rsvp-snapshot.h"

/* Enough to walk back an evening of edits without keeping every snapshot
 * of a long session.
 */
#define MAX_ENTRIES 50

/* Who made a change, in the RSVP history. */
#define ACTOR "organizer"

typedef enum
{
  ENTRY_EVENT_ADDED,       /* undo: delete the event */
  ENTRY_EVENT_CHANGED,     /* undo: write the old event and its RSVPs back */
  ENTRY_EVENT_DELETED,     /* undo: show it again; flush: delete it */
  ENTRY_RSVPS_CHANGED,     /* undo: put the event's RSVPs back */
  ENTRY_PEOPLE_CHANGED,    /* undo: put the people back (added, edited, merged) */
} EntryKind;

typedef struct
{
  EntryKind       kind;
  gint64          event_id;
  MqEvent        *previous;   /* (nullable) ENTRY_EVENT_CHANGED */
  MqRsvpSnapshot *rsvps;      /* (nullable) */
  MqPersonSnapshot *people;   /* (nullable) ENTRY_PEOPLE_CHANGED */
} Entry;

struct _MqEditHistory
{
  GObject         parent_instance;

  MqStore        *store;
  MqEventCatalog *catalog;
  MqRsvpLedger   *ledger;
  MqPersonDirectory *directory;
  GQueue          entries;    /* of Entry, latest at the head */
  GHashTable     *hidden;     /* event ids waiting for deletion */
};

G_DEFINE_FINAL_TYPE (MqEditHistory, mq_edit_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

enum {
  HIDDEN_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->previous);
  g_clear_pointer (&entry->rsvps, mq_rsvp_snapshot_free);
  g_clear_pointer (&entry->people, mq_person_snapshot_free);
  g_free (entry);
}

static void
delete_hidden_event (MqEditHistory *self,
                     gint64         event_id)
{
  g_autoptr(GError) error = NULL;

  g_hash_table_remove (self->hidden, &event_id);
  if (!mq_event_catalog_delete (self->catalog, event_id, &error))
    g_warning ("Could not delete event %" G_GINT64_FORMAT ": %s", event_id, error->message);
}

static void
push_entry (MqEditHistory *self,
            Entry         *entry)
{
  gboolean could_undo = mq_edit_history_get_can_undo (self);

  g_queue_push_head (&self->entries, entry);

  while (g_queue_get_length (&self->entries) > MAX_ENTRIES)
    {
      Entry *oldest = g_queue_pop_tail (&self->entries);

      if (oldest->kind == ENTRY_EVENT_DELETED)
        delete_hidden_event (self, oldest->event_id);
      entry_free (oldest);
    }

  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static Entry *
entry_new (EntryKind kind,
           gint64    event_id)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->kind = kind;
  entry->event_id = event_id;
  return entry;
}

static void
mq_edit_history_dispose (GObject *object)
{
  MqEditHistory *self = (MqEditHistory *) object;

  if (self->catalog != NULL)
    mq_edit_history_flush (self);
  g_queue_clear_full (&self->entries, (GDestroyNotify) entry_free);
  g_clear_object (&self->catalog);
  g_clear_object (&self->ledger);
  g_clear_object (&self->directory);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_edit_history_parent_class)->dispose (object);
}

static void
mq_edit_history_finalize (GObject *object)
{
  MqEditHistory *self = (MqEditHistory *) object;

  g_clear_pointer (&self->hidden, g_hash_table_unref);

  G_OBJECT_CLASS (mq_edit_history_parent_class)->finalize (object);
}

static void
mq_edit_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MqEditHistory *self = MQ_EDIT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, mq_edit_history_get_can_undo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_edit_history_class_init (MqEditHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mq_edit_history_dispose;
  object_class->finalize = mq_edit_history_finalize;
  object_class->get_property = mq_edit_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MqEditHistory::hidden-changed:
   *
   * An event was hidden for deletion or shown again by undo.
   */
  signals[HIDDEN_CHANGED] = g_signal_new ("hidden-changed",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
mq_edit_history_init (MqEditHistory *self)
{
  g_queue_init (&self->entries);
  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

MqEditHistory *
mq_edit_history_new (MqStore *store)
{
  MqEditHistory *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_EDIT_HISTORY, NULL);
  self->store = g_object_ref (store);
  self->catalog = mq_event_catalog_new (store);
  self->ledger = mq_rsvp_ledger_new (store);
  self->directory = mq_person_directory_new (store);

  return self;
}

MqStore *
mq_edit_history_get_store (MqEditHistory *self)
{
  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), NULL);

  return self->store;
}

gboolean
mq_edit_history_get_can_undo (MqEditHistory *self)
{
  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), FALSE);

  return g_queue_get_length (&self->entries) > 0;
}

gint64
mq_edit_history_add_event (MqEditHistory  *self,
                           MqEvent        *event,
                           GError        **error)
{
  gint64 id;

  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), 0);
  g_return_val_if_fail (MQ_IS_EVENT (event), 0);

  if (!(id = mq_event_catalog_add (self->catalog, event, error)))
    return 0;

  push_entry (self, entry_new (ENTRY_EVENT_ADDED, id));
  return id;
}

gboolean
mq_edit_history_update_event (MqEditHistory  *self,
                              MqEvent        *event,
                              GError        **error)
{
  g_autoptr(MqEvent) previous = NULL;
  g_autoptr(MqRsvpSnapshot) rsvps = NULL;
  gint64 id;
  Entry *entry;

  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (MQ_IS_EVENT (event), FALSE);

  id = mq_event_get_id (event);
  /* A capacity change can promote people off the waitlist: remember them. */
  if (!(previous = mq_event_catalog_get (self->catalog, id, error)) ||
      !(rsvps = mq_rsvp_snapshot_take (self->store, id, error)) ||
      !mq_event_catalog_update (self->catalog, event, error))
    return FALSE;

  entry = entry_new (ENTRY_EVENT_CHANGED, id);
  entry->previous = g_steal_pointer (&previous);
  entry->rsvps = g_steal_pointer (&rsvps);
  push_entry (self, entry);

  return TRUE;
}

/* Every writable property of @source, except the id and creation time. */
static MqEvent *
copy_event (MqEvent *source)
{
  g_autofree GParamSpec **pspecs = NULL;
  MqEvent *copy = mq_event_new ();
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (source), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_WRITABLE) == 0 ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0 ||
          g_str_equal (pspecs[i]->name, "id"))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (source), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
    }

  return copy;
}

gint64
mq_edit_history_duplicate_event (MqEditHistory  *self,
                                 gint64          event_id,
                                 GError        **error)
{
  g_autoptr(MqEvent) original = NULL;
  g_autoptr(MqEvent) copy = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), 0);

  if (!(original = mq_event_catalog_get (self->catalog, event_id, error)))
    return 0;

  copy = copy_event (original);
  /* Translators: the title of a duplicated event; %s is the original title */
  title = g_strdup_printf (_("%s (copy)"), mq_event_get_title (original));
  mq_event_set_title (copy, title);
  mq_event_set_status (copy, MQ_EVENT_STATUS_DRAFT);

  return mq_edit_history_add_event (self, copy, error);
}

gboolean
mq_edit_history_set_event_status (MqEditHistory  *self,
                                  gint64          event_id,
                                  MqEventStatus   status,
                                  GError        **error)
{
  g_autoptr(MqEvent) event = NULL;

  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), FALSE);

  if (!(event = mq_event_catalog_get (self->catalog, event_id, error)))
    return FALSE;

  mq_event_set_status (event, status);
  return mq_edit_history_update_event (self, event, error);
}

void
mq_edit_history_delete_event (MqEditHistory *self,
                              gint64         event_id)
{
  g_return_if_fail (MQ_IS_EDIT_HISTORY (self));

  if (mq_edit_history_is_event_hidden (self, event_id))
    return;

  g_hash_table_add (self->hidden, g_memdup2 (&event_id, sizeof event_id));
  push_entry (self, entry_new (ENTRY_EVENT_DELETED, event_id));
  g_signal_emit (self, signals[HIDDEN_CHANGED], 0, event_id);
}

gboolean
mq_edit_history_is_event_hidden (MqEditHistory *self,
                                 gint64         event_id)
{
  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), FALSE);

  return g_hash_table_contains (self->hidden, &event_id);
}

MqRsvp *
mq_edit_history_set_rsvp (MqEditHistory  *self,
                          gint64          event_id,
                          gint64          person_id,
                          MqRsvpStatus    status,
                          int             party_size,
                          GError        **error)
{
  g_autoptr(MqRsvpSnapshot) rsvps = NULL;
  MqRsvp *rsvp;
  Entry *entry;

  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), NULL);

  if (!(rsvps = mq_rsvp_snapshot_take (self->store, event_id, error)))
    return NULL;

  rsvp = mq_rsvp_ledger_set (self->ledger, event_id, person_id, status, party_size,
                             "manual", ACTOR, NULL, MQ_RSVP_SET_NONE, error);
  if (rsvp == NULL)
    return NULL;

  entry = entry_new (ENTRY_RSVPS_CHANGED, event_id);
  entry->rsvps = g_steal_pointer (&rsvps);
  push_entry (self, entry);

  return rsvp;
}

static void
push_people (MqEditHistory    *self,
             MqPersonSnapshot *people)
{
  Entry *entry = entry_new (ENTRY_PEOPLE_CHANGED, 0);

  entry->people = people;
  push_entry (self, entry);
}

gint64
mq_edit_history_add_person (MqEditHistory  *self,
                            MqPerson       *person,
                            GError        **error)
{
  gint64 id;

  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), 0);
  g_return_val_if_fail (MQ_IS_PERSON (person), 0);

  if (!(id = mq_person_directory_add (self->directory, person, error)))
    return 0;

  push_people (self, mq_person_snapshot_new_added (id));
  return id;
}

gboolean
mq_edit_history_update_person (MqEditHistory  *self,
                               MqPerson       *person,
                               GError        **error)
{
  g_autoptr(MqPersonSnapshot) people = NULL;

  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (MQ_IS_PERSON (person), FALSE);

  if (!(people = mq_person_snapshot_take (self->store, mq_person_get_id (person), error)) ||
      !mq_person_directory_update (self->directory, person, error))
    return FALSE;

  push_people (self, g_steal_pointer (&people));
  return TRUE;
}

gboolean
mq_edit_history_merge_people (MqEditHistory  *self,
                              gint64          keep_id,
                              MqPerson       *keep_values,
                              gint64          drop_id,
                              GError        **error)
{
  g_autoptr(MqPersonSnapshot) people = NULL;

  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (keep_values == NULL || mq_person_get_id (keep_values) == keep_id, FALSE);

  /* The picked values and the merge stand or fall together. */
  if (!mq_store_begin (self->store, error))
    return FALSE;

  if (!(people = mq_person_snapshot_take_merge (self->store, keep_id, drop_id, error)) ||
      (keep_values != NULL && !mq_person_directory_update (self->directory, keep_values, error)) ||
      !mq_person_directory_merge (self->directory, keep_id, drop_id, ACTOR, error))
    {
      mq_store_rollback (self->store);
      return FALSE;
    }

  if (!mq_store_commit (self->store, error))
    {
      mq_store_rollback (self->store);
      return FALSE;
    }

  push_people (self, g_steal_pointer (&people));
  return TRUE;
}

static gboolean
undo_entry (MqEditHistory  *self,
            Entry          *entry,
            GError        **error)
{
  switch (entry->kind)
    {
    case ENTRY_EVENT_ADDED:
      return mq_event_catalog_delete (self->catalog, entry->event_id, error);

    case ENTRY_EVENT_CHANGED:
      if (!mq_event_catalog_update (self->catalog, entry->previous, error))
        return FALSE;
      return mq_rsvp_snapshot_restore (entry->rsvps, self->store, ACTOR, _("Undone"), error) >= 0;

    case ENTRY_EVENT_DELETED:
      g_hash_table_remove (self->hidden, &entry->event_id);
      g_signal_emit (self, signals[HIDDEN_CHANGED], 0, entry->event_id);
      return TRUE;

    case ENTRY_RSVPS_CHANGED:
      return mq_rsvp_snapshot_restore (entry->rsvps, self->store, ACTOR, _("Undone"), error) >= 0;

    case ENTRY_PEOPLE_CHANGED:
      return mq_person_snapshot_restore (entry->people, self->store, ACTOR, _("Undone"), error);

    default:
      g_assert_not_reached ();
    }
}

gboolean
mq_edit_history_undo (MqEditHistory  *self,
                      GError        **error)
{
  Entry *entry;
  gboolean ok;

  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (self), FALSE);

  if (!(entry = g_queue_pop_head (&self->entries)))
    {
      g_set_error_literal (error, MQ_ERROR, MQ_ERROR_NOT_FOUND, _("There is nothing to undo"));
      return FALSE;
    }

  ok = undo_entry (self, entry, error);
  entry_free (entry);

  if (g_queue_get_length (&self->entries) == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);

  return ok;
}

void
mq_edit_history_flush (MqEditHistory *self)
{
  gboolean could_undo;

  g_return_if_fail (MQ_IS_EDIT_HISTORY (self));

  could_undo = mq_edit_history_get_can_undo (self);

  for (GList *link = self->entries.head; link != NULL;)
    {
      GList *next = link->next;
      Entry *entry = link->data;

      if (entry->kind == ENTRY_EVENT_DELETED)
        {
          delete_hidden_event (self, entry->event_id);
          g_queue_delete_link (&self->entries, link);
          entry_free (entry);
        }
      link = next;
    }

  if (could_undo != mq_edit_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}
