/* mq-walk-in.c: someone not on the list comes to the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-walk-in"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-error.h"
#include "mq-event-catalog.h"
#include "mq-person-directory.h"
#include "mq-rsvp-ledger.h"
#include "mq-search-text.h"
#include "mq-store-private.h"
#include "mq-walk-in.h"

/* Name searches look further than @limit: some hits match only by email or
 * handle words and are dropped.
 */
#define NAME_SEARCH_FACTOR 4

struct _MqWalkIn
{
  GObject            parent_instance;

  MqStore           *store;
  MqPersonDirectory *directory;
  MqRsvpLedger      *ledger;
  MqCheckInLog      *log;
};

G_DEFINE_FINAL_TYPE (MqWalkIn, mq_walk_in, G_TYPE_OBJECT)

void
mq_walk_in_candidate_free (MqWalkInCandidate *candidate)
{
  if (candidate == NULL)
    return;

  g_clear_object (&candidate->person);
  g_free (candidate);
}

static void
mq_walk_in_finalize (GObject *object)
{
  MqWalkIn *self = (MqWalkIn *) object;

  g_clear_object (&self->log);
  g_clear_object (&self->ledger);
  g_clear_object (&self->directory);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_walk_in_parent_class)->finalize (object);
}

static void
mq_walk_in_class_init (MqWalkInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mq_walk_in_finalize;
}

static void
mq_walk_in_init (MqWalkIn *self)
{
}

MqWalkIn *
mq_walk_in_new (MqStore *store)
{
  MqWalkIn *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_WALK_IN, NULL);
  self->store = g_object_ref (store);
  self->directory = mq_person_directory_new (store);
  self->ledger = mq_rsvp_ledger_new (store);
  self->log = mq_check_in_log_new (store);

  return self;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* A Mastodon handle has a second "@" (user@host); Bluesky handles are domains. */
static gboolean
is_mastodon_handle (const char *handle)
{
  const char *at = strchr (handle + (handle[0] == '@'), '@');

  return at != NULL;
}

static void
add_candidate (GPtrArray     *candidates,
               GHashTable    *seen,
               MqPerson      *person,
               MqWalkInMatch  match)
{
  MqWalkInCandidate *candidate;
  gint64 id = mq_person_get_id (person);

  if (g_hash_table_contains (seen, &id))
    return;

  candidate = g_new0 (MqWalkInCandidate, 1);
  candidate->person = g_object_ref (person);
  candidate->match = match;
  g_ptr_array_add (candidates, candidate);
  g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const MqWalkInCandidate *x = *(const MqWalkInCandidate * const *) a;
  const MqWalkInCandidate *y = *(const MqWalkInCandidate * const *) b;

  return (int) x->match - (int) y->match;
}

GPtrArray *
mq_walk_in_find_candidates (MqWalkIn    *self,
                            const char  *name,
                            const char  *email,
                            const char  *handle,
                            guint        limit,
                            GError     **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_walk_in_candidate_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MQ_IS_WALK_IN (self), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  if (!is_blank (email))
    {
      g_autoptr(MqPerson) person = mq_person_directory_find_by_email (self->directory, email, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (person != NULL)
        add_candidate (candidates, seen, person, MQ_WALK_IN_SAME_EMAIL);
    }

  if (!is_blank (handle))
    {
      g_autoptr(MqPerson) person = mq_person_directory_find_by_handle (self->directory, handle, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (person != NULL)
        add_candidate (candidates, seen, person, MQ_WALK_IN_SAME_HANDLE);
    }

  if (!is_blank (name))
    {
      g_autofree char *folded = g_strstrip (mq_search_text_fold (name));
      g_autoptr(GPtrArray) hits = NULL;

      if (!(hits = mq_person_directory_search (self->directory, name, limit * NAME_SEARCH_FACTOR, error)))
        return NULL;

      for (guint i = 0; i < hits->len; i++)
        {
          MqPerson *person = g_ptr_array_index (hits, i);
          g_autofree char *other = g_strstrip (mq_search_text_fold (mq_person_get_name (person)));

          if (g_str_equal (other, folded))
            add_candidate (candidates, seen, person, MQ_WALK_IN_SAME_NAME);
          else if (*folded != '\0' && g_str_has_prefix (other, folded))
            add_candidate (candidates, seen, person, MQ_WALK_IN_NAME_PREFIX);
        }
    }

  /* Stable: within a kind of match, the directory's order (by name) stays. */
  g_ptr_array_sort (candidates, compare_candidates);
  if (candidates->len > limit)
    g_ptr_array_set_size (candidates, limit);

  return g_steal_pointer (&candidates);
}

/* The walk-in's person: the one picked, or a new one unless their email or
 * handle says they are already in the directory.
 */
static gint64
resolve_person (MqWalkIn               *self,
                const MqWalkInRequest  *request,
                GError                **error)
{
  g_autoptr(MqPerson) person = NULL;
  g_autoptr(MqPerson) existing = NULL;
  g_autoptr(GError) local_error = NULL;

  if (request->person_id > 0)
    {
      if (!(person = mq_person_directory_get (self->directory, request->person_id, error)))
        return 0;

      return mq_person_get_id (person);
    }

  if (is_blank (request->name))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Type the walk-in’s name, or pick them from the directory"));
      return 0;
    }

  if (!is_blank (request->email))
    existing = mq_person_directory_find_by_email (self->directory, request->email, &local_error);
  if (existing == NULL && local_error == NULL && !is_blank (request->handle))
    existing = mq_person_directory_find_by_handle (self->directory, request->handle, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (existing != NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_CONSTRAINT,
                   _("%s (person %" PRId64 ") already has this email or handle: pick them instead"),
                   mq_person_get_name (existing), mq_person_get_id (existing));
      return 0;
    }

  person = mq_person_new ();
  mq_person_set_name (person, request->name);
  if (!is_blank (request->email))
    mq_person_set_email (person, request->email);
  if (!is_blank (request->handle))
    {
      if (is_mastodon_handle (request->handle))
        mq_person_set_mastodon (person, request->handle);
      else
        mq_person_set_bluesky (person, request->handle);
    }

  return mq_person_directory_add (self->directory, person, error);
}

static gboolean
check_event (MqWalkIn  *self,
             gint64     event_id,
             GError   **error)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (self->store);
  g_autoptr(MqEvent) event = mq_event_catalog_get (catalog, event_id, error);

  return event != NULL;
}

static MqRsvp *
seat_walk_in (MqWalkIn               *self,
              gint64                  event_id,
              gint64                  person_id,
              const MqWalkInRequest  *request,
              GError                **error)
{
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *actor = !is_blank (request->volunteer) ? request->volunteer : "door";
  int party_size = request->party_size > 0 ? request->party_size : 1;

  /* Someone who answered "going" already holds their seats. */
  rsvp = mq_rsvp_ledger_find (self->ledger, event_id, person_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (rsvp != NULL && mq_rsvp_get_status (rsvp) == MQ_RSVP_STATUS_GOING)
    return g_steal_pointer (&rsvp);
  g_clear_object (&rsvp);

  rsvp = mq_rsvp_ledger_set (self->ledger, event_id, person_id, MQ_RSVP_STATUS_GOING,
                             party_size, "walk-in", actor, request->override_reason,
                             request->override_reason != NULL ? MQ_RSVP_SET_OVERRIDE : MQ_RSVP_SET_NONE,
                             error);
  if (rsvp == NULL)
    return NULL;

  if (mq_rsvp_get_status (rsvp) != MQ_RSVP_STATUS_GOING)
    {
      int taken = mq_rsvp_ledger_seats_taken (self->ledger, event_id, NULL);

      g_set_error (error, MQ_ERROR, MQ_ERROR_CAPACITY,
                   ngettext ("The event is full (%d seat taken) and a party of %d does not fit: an organizer can let them in with a reason",
                             "The event is full (%d seats taken) and a party of %d does not fit: an organizer can let them in with a reason",
                             taken),
                   taken, party_size);
      return NULL;
    }

  return g_steal_pointer (&rsvp);
}

MqRsvp *
mq_walk_in_admit (MqWalkIn               *self,
                  gint64                  event_id,
                  const MqWalkInRequest  *request,
                  MqAdmitOutcome         *outcome,
                  MqCheckIn             **record,
                  GError                **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(MqCheckIn) admit = NULL;
  MqAdmitOutcome result;
  gint64 person_id;

  g_return_val_if_fail (MQ_IS_WALK_IN (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (outcome != NULL, NULL);
  g_return_val_if_fail (request->party_size >= 0, NULL);

  if (request->override_reason != NULL && is_blank (request->override_reason))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Say why the walk-in is let in over capacity: an override needs a reason"));
      return NULL;
    }

  if (!mq_transaction_begin (&tx, self->store, error) ||
      !check_event (self, event_id, error) ||
      (person_id = resolve_person (self, request, error)) == 0 ||
      !(rsvp = seat_walk_in (self, event_id, person_id, request, error)))
    return NULL;

  result = mq_check_in_log_admit (self->log, mq_rsvp_get_id (rsvp), 0,
                                  request->station != NULL ? request->station : "",
                                  request->volunteer, &admit, error);
  if ((int) result < 0 || result == MQ_ADMIT_NOT_ADMISSIBLE)
    {
      if ((int) result >= 0)
        g_set_error (error, MQ_ERROR, MQ_ERROR_FAILED,
                     _("%s could not be admitted"), mq_rsvp_get_name (rsvp));
      return NULL;
    }

  if (!mq_transaction_commit (&tx, error))
    return NULL;

  *outcome = result;
  if (record != NULL)
    *record = g_steal_pointer (&admit);

  /* The RSVP as it is now, with the admit in it. */
  return mq_rsvp_ledger_get (self->ledger, mq_rsvp_get_id (rsvp), error);
}
