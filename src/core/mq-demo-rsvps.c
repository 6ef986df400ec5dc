/* mq-demo-rsvps.c: the sample club's RSVPs and its door log
 *
 * RSVPs are played out in time, the way the ledger would have taken them:
 * a "going" request that does not fit is waitlisted in arrival order, a
 * cancellation promotes the first waiting parties that fit, and every step
 * leaves its line in the history. Regulars come more often than the rest,
 * so the past events have repeat guests and every event has newcomers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-demo-data"

#include "config.h"

#include "mq-demo-data-private.h"
#include "mq-rsvp.h"
#include "mq-ticket-code.h"

#define NO_STATUS (-1)

typedef struct
{
  guint   person;
  int     party;
  int     status;          /* MqRsvpStatus */
  guint   source;
  gint64  waitlist_seq;    /* 0 when not waiting */
  gint64  created_at;
  gint64  updated_at;
  gint64  waitlisted_at;
} SimRsvp;

typedef struct
{
  guint       rsvp;
  int         from;        /* NO_STATUS for the creation */
  int         to;
  int         from_party;
  int         to_party;
  gint64      at;
  const char *actor;
  const char *reason;
} SimLine;

typedef struct
{
  guint       rsvp;
  gboolean    undo;
  int         people;
  gint64      at;
  guint       station;
  guint       undoes;      /* for an undo: where its admit was made */
  guint       made;        /* in the order the door made them */
} SimCheckIn;

typedef struct
{
  MqDemoContext *ctx;
  MqDemoEvent   *event;
  GArray        *rsvps;    /* SimRsvp */
  GArray        *lines;    /* SimLine */
  GArray        *door;     /* SimCheckIn */
  guint8        *taken;    /* (nullable) active club members already answered */
  int            seats;    /* taken by going parties */
  gint64         next_seq;
  guint          first_waiting;
} Sim;

static const char *sources[] = { "manual", "import:meetup", "import:luma", "walk-in" };
#define SOURCE_WALK_IN 3

static void
add_line (Sim        *sim,
          guint       rsvp,
          int         from,
          int         to,
          int         from_party,
          gint64      at,
          const char *actor,
          const char *reason)
{
  SimRsvp *r = &g_array_index (sim->rsvps, SimRsvp, rsvp);
  SimLine line = { rsvp, from, to, from_party, r->party, at, actor, reason };

  g_array_append_val (sim->lines, line);
  r->updated_at = at;
}

static gboolean
fits (Sim *sim,
      int  party)
{
  return sim->event->capacity < 0 || sim->seats + party <= sim->event->capacity;
}

static void
wait (Sim     *sim,
      SimRsvp *r,
      gint64   at)
{
  r->status = MQ_RSVP_STATUS_WAITLISTED;
  r->waitlist_seq = sim->next_seq++;
  r->waitlisted_at = at;
}

/* Seats came free: the first waiting parties that fit go, in queue order. */
static void
promote (Sim    *sim,
         gint64  at)
{
  for (guint i = sim->first_waiting; i < sim->rsvps->len; i++)
    {
      SimRsvp *r = &g_array_index (sim->rsvps, SimRsvp, i);

      if (r->status != MQ_RSVP_STATUS_WAITLISTED)
        {
          if (i == sim->first_waiting)
            sim->first_waiting++;
          continue;
        }
      if (sim->event->capacity >= 0 && sim->seats >= sim->event->capacity)
        break;
      if (!fits (sim, r->party))
        continue;

      r->status = MQ_RSVP_STATUS_GOING;
      r->waitlist_seq = 0;
      r->waitlisted_at = 0;
      sim->seats += r->party;
      add_line (sim, i, MQ_RSVP_STATUS_WAITLISTED, MQ_RSVP_STATUS_GOING, r->party, at,
                "waitlist", "A seat became free");
    }
}

static guint
draw_person (Sim   *sim,
             guint  n)
{
  MqDemoContext *ctx = sim->ctx;

  if (sim->event->from_everyone)
    {
      /* A partial shuffle of everyone: no one is drawn twice. */
      guint j = n + (guint) g_rand_int_range (ctx->rand, 0, (gint32) (ctx->n_people - n));
      guint32 person = ctx->order[j];

      ctx->order[j] = ctx->order[n];
      ctx->order[n] = person;
      return person;
    }

  for (;;)
    {
      /* Half the requests come from the regulars, the first quarter. */
      guint bound = g_rand_boolean (ctx->rand) ? MAX (ctx->active / 4, 1) : ctx->active;
      guint person = (guint) g_rand_int_range (ctx->rand, 0, (gint32) bound);

      if (!sim->taken[person])
        {
          sim->taken[person] = TRUE;
          return person;
        }
    }
}

static int
draw_party (GRand *rand)
{
  double p = g_rand_double (rand);

  return p < 0.75 ? 1 : p < 0.95 ? 2 : p < 0.99 ? 3 : 4;
}

static void
request (Sim    *sim,
         guint   person,
         gint64  at)
{
  GRand *rand = sim->ctx->rand;
  SimRsvp r = { person, draw_party (rand), MQ_RSVP_STATUS_GOING, 0, 0, at, at, 0 };
  double p = g_rand_double (rand);
  guint index = sim->rsvps->len;

  r.source = (guint) g_rand_int_range (rand, 0, SOURCE_WALK_IN);
  if (p < 0.10)
    r.status = MQ_RSVP_STATUS_MAYBE;
  else if (p < 0.22)
    r.status = MQ_RSVP_STATUS_DECLINED;
  else if (fits (sim, r.party))
    sim->seats += r.party;
  else
    wait (sim, &r, at);

  g_array_append_val (sim->rsvps, r);
  add_line (sim, index, NO_STATUS, r.status, 0, at,
            r.source == 0 ? "organizer" : sources[r.source], NULL);
}

static void
maybe_cancel (Sim    *sim,
              gint64  at)
{
  GRand *rand = sim->ctx->rand;
  guint index;
  SimRsvp *r;

  if (sim->rsvps->len == 0 || !g_rand_boolean (rand) || g_rand_double (rand) > 0.12)
    return;

  index = (guint) g_rand_int_range (rand, 0, (gint32) sim->rsvps->len);
  r = &g_array_index (sim->rsvps, SimRsvp, index);
  if (r->status != MQ_RSVP_STATUS_GOING)
    return;

  r->status = MQ_RSVP_STATUS_CANCELLED;
  sim->seats -= r->party;
  add_line (sim, index, MQ_RSVP_STATUS_GOING, MQ_RSVP_STATUS_CANCELLED, r->party, at,
            "organizer", "Cancelled by email");
  promote (sim, at);
}

static void
admit (Sim    *sim,
       guint   rsvp,
       int     people,
       gint64  at)
{
  SimCheckIn record = { rsvp, FALSE, people, at, (guint) g_rand_int_range (sim->ctx->rand, 0, 2), 0,
                        sim->door->len };

  g_array_append_val (sim->door, record);
}

/* The door of a past event: most going parties came, a few volunteers
 * admitted the wrong guest and took it back, a few people walked in.
 */
static void
play_door (Sim *sim)
{
  MqDemoContext *ctx = sim->ctx;
  gint64 doors = sim->event->starts_at - (gint64) sim->event->doors_minutes * 60;
  gint64 window = (gint64) (sim->event->doors_minutes + 20) * 60;
  guint n_rsvps = sim->rsvps->len;
  guint walk_ins = (guint) g_rand_int_range (ctx->rand, 1, 4);

  for (guint i = 0; i < n_rsvps; i++)
    {
      SimRsvp *r = &g_array_index (sim->rsvps, SimRsvp, i);
      gint64 at = doors + (gint64) (g_rand_double (ctx->rand) * window);
      int people = r->party;

      if (r->status != MQ_RSVP_STATUS_GOING || g_rand_double (ctx->rand) > 0.87)
        continue;

      if (people > 1 && g_rand_double (ctx->rand) < 0.1)
        people--;

      if (g_rand_double (ctx->rand) < 0.02)
        {
          SimCheckIn undo = { i, TRUE, people, at + 40, 0, 0, 0 };

          admit (sim, i, people, at);
          undo.undoes = sim->door->len - 1;
          undo.station = g_array_index (sim->door, SimCheckIn, undo.undoes).station;
          undo.made = sim->door->len;
          g_array_append_val (sim->door, undo);
          if (g_rand_boolean (ctx->rand))
            admit (sim, i, people, at + 15 * 60);
          continue;
        }

      admit (sim, i, people, at);
    }

  for (guint w = 0; w < walk_ins && sim->taken != NULL && fits (sim, 1); w++)
    {
      gint64 at = sim->event->starts_at - 5 * 60 + w * 60;
      SimRsvp r = { 0, 1, MQ_RSVP_STATUS_GOING, SOURCE_WALK_IN, 0, at, at, 0 };
      guint person = (guint) g_rand_int_range (ctx->rand, 0, (gint32) ctx->active);

      if (sim->taken[person])
        continue;

      sim->taken[person] = TRUE;
      r.person = person;
      sim->seats += 1;
      g_array_append_val (sim->rsvps, r);
      add_line (sim, sim->rsvps->len - 1, NO_STATUS, MQ_RSVP_STATUS_GOING, 0, at, "Door 1", "Walk-in");
      admit (sim, sim->rsvps->len - 1, 1, at + 30);
    }
}

static int
compare_check_ins (gconstpointer a,
                   gconstpointer b)
{
  const SimCheckIn *ca = a, *cb = b;

  if (ca->at != cb->at)
    return ca->at < cb->at ? -1 : 1;
  /* An undo follows its admit even at the same second. */
  return (ca->undo > cb->undo) - (ca->undo < cb->undo);
}

static gboolean
write_rsvps (Sim      *sim,
             gint64   *rsvp_ids,
             GError  **error)
{
  MqDemoContext *ctx = sim->ctx;
  sqlite3_stmt *stmt;

  stmt = mq_store_prepare (ctx->store,
                           "INSERT INTO rsvps (event_id, person_id, status, party_size, source, ticket_code, "
                           "  waitlist_seq, waitlisted_at, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < sim->rsvps->len; i++)
    {
      SimRsvp *r = &g_array_index (sim->rsvps, SimRsvp, i);
      g_autofree char *code = mq_ticket_code_generate (error);
      char created[32], updated[32], waitlisted[32];

      if (code == NULL)
        return FALSE;

      mq_demo_format_time (r->created_at, created);
      mq_demo_format_time (r->updated_at, updated);

      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, sim->event->id);
      sqlite3_bind_int64 (stmt, 2, ctx->person_ids[r->person]);
      sqlite3_bind_text (stmt, 3, mq_rsvp_status_to_string (r->status), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, r->party);
      sqlite3_bind_text (stmt, 5, sources[r->source], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, code, -1, SQLITE_STATIC);
      if (r->waitlist_seq > 0)
        {
          mq_demo_format_time (r->waitlisted_at, waitlisted);
          sqlite3_bind_int64 (stmt, 7, r->waitlist_seq);
          sqlite3_bind_text (stmt, 8, waitlisted, -1, SQLITE_STATIC);
        }
      sqlite3_bind_text (stmt, 9, created, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, updated, -1, SQLITE_STATIC);
      if (!mq_store_step_done (ctx->store, stmt, error))
        return FALSE;

      rsvp_ids[i] = sqlite3_last_insert_rowid (mq_store_get_db (ctx->store));
    }

  return TRUE;
}

static gboolean
write_history (Sim           *sim,
               const gint64  *rsvp_ids,
               GError       **error)
{
  MqDemoContext *ctx = sim->ctx;
  sqlite3_stmt *stmt;

  stmt = mq_store_prepare (ctx->store,
                           "INSERT INTO rsvp_history (rsvp_id, from_status, to_status, from_party, to_party, "
                           "  at, actor, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < sim->lines->len; i++)
    {
      SimLine *line = &g_array_index (sim->lines, SimLine, i);
      char at[32];

      mq_demo_format_time (line->at, at);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, rsvp_ids[line->rsvp]);
      if (line->from != NO_STATUS)
        {
          sqlite3_bind_text (stmt, 2, mq_rsvp_status_to_string (line->from), -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 4, line->from_party);
        }
      sqlite3_bind_text (stmt, 3, mq_rsvp_status_to_string (line->to), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, line->to_party);
      sqlite3_bind_text (stmt, 6, at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, line->actor, -1, SQLITE_STATIC);
      if (line->reason != NULL)
        sqlite3_bind_text (stmt, 8, line->reason, -1, SQLITE_STATIC);
      if (!mq_store_step_done (ctx->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_door (Sim           *sim,
            const gint64  *rsvp_ids,
            GError       **error)
{
  static const char *stations[] = { "Door 1", "Door 2" };
  MqDemoContext *ctx = sim->ctx;
  g_autofree gint64 *record_ids = NULL;
  g_autofree guint *position = NULL;
  sqlite3_stmt *stmt;

  /* Written oldest first; an undo finds its admit through where it went. */
  g_array_sort (sim->door, compare_check_ins);
  position = g_new (guint, sim->door->len + 1);
  for (guint i = 0; i < sim->door->len; i++)
    position[g_array_index (sim->door, SimCheckIn, i).made] = i;

  stmt = mq_store_prepare (ctx->store,
                           "INSERT INTO check_ins (event_id, rsvp_id, action, people, undoes_id, at, station, "
                           "  volunteer, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                           error);
  if (stmt == NULL)
    return FALSE;

  record_ids = g_new0 (gint64, sim->door->len + 1);
  for (guint i = 0; i < sim->door->len; i++)
    {
      SimCheckIn *record = &g_array_index (sim->door, SimCheckIn, i);
      const char *volunteer = ctx->door_volunteers[record->station];
      char at[32];

      mq_demo_format_time (record->at, at);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, sim->event->id);
      sqlite3_bind_int64 (stmt, 2, rsvp_ids[record->rsvp]);
      sqlite3_bind_text (stmt, 3, record->undo ? "undo" : "admit", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, record->people);
      if (record->undo)
        {
          sqlite3_bind_int64 (stmt, 5, record_ids[position[record->undoes]]);
          sqlite3_bind_text (stmt, 9, "Admitted the wrong guest", -1, SQLITE_STATIC);
        }
      sqlite3_bind_text (stmt, 6, at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, stations[record->station], -1, SQLITE_STATIC);
      if (volunteer != NULL)
        sqlite3_bind_text (stmt, 8, volunteer, -1, SQLITE_STATIC);
      if (!mq_store_step_done (ctx->store, stmt, error))
        return FALSE;

      record_ids[i] = sqlite3_last_insert_rowid (mq_store_get_db (ctx->store));
    }

  return TRUE;
}

/* Requests arrive over the three weeks before the event (or before now). */
static void
play_requests (Sim *sim)
{
  MqDemoEvent *event = sim->event;
  gint64 close = MIN (event->starts_at - 3600, sim->ctx->now - 60);
  gint64 open = MAX (close - 21 * MQ_DEMO_DAY, event->created_at + 3600);
  gint64 span;

  if (open >= close)
    open = close - 3600;
  span = close - open;

  for (guint i = 0; i < event->rsvps; i++)
    {
      gint64 at = open + span * i / MAX (event->rsvps, 1);

      request (sim, draw_person (sim, i), at);
      maybe_cancel (sim, at + 30);
    }
}

gboolean
mq_demo_insert_rsvps (MqDemoContext  *ctx,
                      MqDemoEvent    *event,
                      GError        **error)
{
  g_autoptr(GArray) rsvps = g_array_new (FALSE, FALSE, sizeof (SimRsvp));
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (SimLine));
  g_autoptr(GArray) door = g_array_new (FALSE, FALSE, sizeof (SimCheckIn));
  g_autofree guint8 *taken = NULL;
  g_autofree gint64 *rsvp_ids = NULL;
  Sim sim = { ctx, event, rsvps, lines, door, NULL, 0, 1, 0 };

  if (event->from_everyone && ctx->order == NULL)
    {
      ctx->order = g_new (guint32, ctx->n_people);
      for (guint i = 0; i < ctx->n_people; i++)
        ctx->order[i] = i;
    }
  if (!event->from_everyone)
    {
      taken = g_new0 (guint8, ctx->active);
      sim.taken = taken;
      event->rsvps = MIN (event->rsvps, ctx->active * 3 / 5);
    }

  play_requests (&sim);
  if (event->starts_at < ctx->now)
    play_door (&sim);

  rsvp_ids = g_new0 (gint64, rsvps->len + 1);

  return write_rsvps (&sim, rsvp_ids, error) &&
         write_history (&sim, rsvp_ids, error) &&
         write_door (&sim, rsvp_ids, error);
}
