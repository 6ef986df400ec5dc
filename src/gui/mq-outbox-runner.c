/* mq-outbox-runner.c: posts the outbox's due jobs while the app is open
 *
 * The sender is blocking (HTTP and keyring), so it runs in a worker thread
 * with a database connection of its own; SQLite's WAL lets the window read
 * meanwhile. One sender lives as long as the runner, so jobs another
 * process left in 'sending' are recovered once, when the app starts, as
 * `marquee-cli outbox run` does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-outbox-runner"

#include "config.h"

#include "mq-outbox-runner.h"
#include "mq-outbox-sender.h"

/* Never sleep longer than this while a job is queued: a suspended laptop's
 * clock jumps, and a timer set before the jump would fire late.
 */
#define MAX_SLEEP_SECONDS 300

struct _MqOutboxRunner
{
  GObject         parent_instance;

  MqStore        *store;           /* the window's connection */
  MqSecretStore  *secrets;
  GMainContext   *context;         /* where results are delivered */
  GCancellable   *cancellable;

  /* Only touched by the worker while a run is in progress. */
  MqStore        *worker_store;
  MqOutboxSender *sender;

  guint           timeout_id;
  guint           wake_id;
  guint           running : 1;
  guint           again : 1;       /* a wake arrived during a run */
  guint           stopped : 1;
  guint           forwarding : 1;  /* echoing the worker's own writes */
  guint           sender_stale : 1;
};

G_DEFINE_FINAL_TYPE (MqOutboxRunner, mq_outbox_runner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_run (MqOutboxRunner *self);

typedef struct
{
  MqOutboxRunner *runner;
  char           *what;
} Forward;

static void
forward_free (gpointer data)
{
  Forward *forward = data;

  g_object_unref (forward->runner);
  g_free (forward->what);
  g_free (forward);
}

static gboolean
forward_changed (gpointer data)
{
  Forward *forward = data;
  MqOutboxRunner *self = forward->runner;

  self->forwarding = TRUE;
  mq_store_notify_changed (self->store, forward->what);
  self->forwarding = FALSE;
  return G_SOURCE_REMOVE;
}

/* Emitted in the worker thread, after each of its commits. */
static void
on_worker_store_changed (MqStore        *worker_store,
                         const char     *what,
                         MqOutboxRunner *self)
{
  Forward *forward = g_new0 (Forward, 1);

  forward->runner = g_object_ref (self);
  forward->what = g_strdup (what);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, forward_changed, forward, forward_free);
}

/* Seconds until the earliest queued job is due, or -1 when none is queued. */
static gint64
seconds_until_next_due (MqOutboxRunner *self)
{
  g_autoptr(MqOutbox) outbox = mq_outbox_new (self->store);
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gint64 wait = -1;

  if (!(jobs = mq_outbox_list_jobs (outbox, &error)))
    {
      g_warning ("The outbox could not be read: %s", error->message);
      return -1;
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      const MqOutboxJob *job = g_ptr_array_index (jobs, i);
      const char *times[] = { job->next_try_at, job->scheduled_at };
      gint64 job_wait = 0;

      if (job->state != MQ_OUTBOX_STATE_QUEUED)
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (times); k++)
        {
          g_autoptr(GDateTime) time = NULL;

          if (times[k] != NULL && (time = g_date_time_new_from_iso8601 (times[k], NULL)) != NULL)
            job_wait = MAX (job_wait, g_date_time_difference (time, now) / G_TIME_SPAN_SECOND);
        }

      wait = wait < 0 ? job_wait : MIN (wait, job_wait);
    }

  return wait;
}

static gboolean
on_timeout (gpointer data)
{
  MqOutboxRunner *self = data;

  self->timeout_id = 0;
  start_run (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_next (MqOutboxRunner *self)
{
  gint64 wait;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->stopped || (wait = seconds_until_next_due (self)) < 0)
    return;

  /* A due job the last pass did not take (another process is sending it)
   * is looked at again a second later, not in a busy loop.
   */
  self->timeout_id = g_timeout_add_seconds (CLAMP (wait, 1, MAX_SLEEP_SECONDS), on_timeout, self);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  MqOutboxSender *sender = task_data;
  GError *error = NULL;
  int tried;

  tried = mq_outbox_sender_run_once (sender, cancellable, &error);
  if (tried < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, tried);
}

static void
set_running (MqOutboxRunner *self,
             gboolean        running)
{
  if (self->running == !!running)
    return;
  self->running = !!running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  MqOutboxRunner *self = MQ_OUTBOX_RUNNER (source);
  g_autoptr(GError) error = NULL;
  gssize tried;

  tried = g_task_propagate_int (G_TASK (result), &error);
  set_running (self, FALSE);
  if (tried < 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The outbox could not be sent: %s", error->message);
  else if (tried > 0)
    g_debug ("tried %" G_GSSIZE_FORMAT " post(s)", tried);

  if (self->stopped)
    return;
  if (self->again)
    {
      self->again = FALSE;
      start_run (self);
      return;
    }
  schedule_next (self);
}

static gboolean
prepare_sender (MqOutboxRunner *self)
{
  g_autoptr(MqOutbox) outbox = NULL;
  g_autoptr(GError) error = NULL;

  if (self->worker_store == NULL)
    {
      self->worker_store = mq_store_open (mq_store_get_path (self->store), &error);
      if (self->worker_store == NULL)
        {
          g_warning ("The outbox sender could not open the database: %s", error->message);
          return FALSE;
        }
      g_signal_connect (self->worker_store, "changed", G_CALLBACK (on_worker_store_changed), self);
    }

  if (self->sender == NULL || self->sender_stale)
    {
      g_clear_object (&self->sender);
      outbox = mq_outbox_new (self->worker_store);
      self->sender = mq_outbox_sender_new (outbox, self->secrets);
      self->sender_stale = FALSE;
    }

  return TRUE;
}

static void
start_run (MqOutboxRunner *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->stopped)
    return;
  if (self->running)
    {
      self->again = TRUE;
      return;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!prepare_sender (self))
    return;

  set_running (self, TRUE);
  task = g_task_new (self, self->cancellable, run_done, NULL);
  g_task_set_source_tag (task, start_run);
  g_task_set_task_data (task, g_object_ref (self->sender), g_object_unref);
  g_task_run_in_thread (task, run_thread);
}

static gboolean
wake_idle (gpointer data)
{
  MqOutboxRunner *self = data;

  self->wake_id = 0;
  start_run (self);
  return G_SOURCE_REMOVE;
}

void
mq_outbox_runner_wake (MqOutboxRunner *self)
{
  g_return_if_fail (MQ_IS_OUTBOX_RUNNER (self));

  if (self->wake_id == 0 && !self->stopped)
    self->wake_id = g_idle_add (wake_idle, self);
}

/* A job queued from the composer, or a retry written by the worker: both
 * may change when the next job is due.
 */
static void
on_store_changed (MqStore        *store,
                  const char     *what,
                  MqOutboxRunner *self)
{
  if (self->forwarding)
    {
      if (!self->running)
        schedule_next (self);
      return;
    }
  mq_outbox_runner_wake (self);
}

void
mq_outbox_runner_stop (MqOutboxRunner *self)
{
  g_return_if_fail (MQ_IS_OUTBOX_RUNNER (self));

  if (self->stopped)
    return;

  self->stopped = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->wake_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (self->store, self);
  g_cancellable_cancel (self->cancellable);

  /* The worker records the cancelled attempt as a retry before it ends;
   * its database and keyring calls must not outlive the app.
   */
  while (self->running)
    g_main_context_iteration (self->context, TRUE);
}

gboolean
mq_outbox_runner_get_running (MqOutboxRunner *self)
{
  g_return_val_if_fail (MQ_IS_OUTBOX_RUNNER (self), FALSE);

  return self->running;
}

void
mq_outbox_runner_set_secret_store (MqOutboxRunner *self,
                                   MqSecretStore  *secrets)
{
  g_return_if_fail (MQ_IS_OUTBOX_RUNNER (self));
  g_return_if_fail (MQ_IS_SECRET_STORE (secrets));

  if (g_set_object (&self->secrets, secrets))
    self->sender_stale = TRUE;
}

static void
mq_outbox_runner_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MqOutboxRunner *self = MQ_OUTBOX_RUNNER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_outbox_runner_dispose (GObject *object)
{
  MqOutboxRunner *self = MQ_OUTBOX_RUNNER (object);

  mq_outbox_runner_stop (self);
  if (self->worker_store != NULL)
    g_signal_handlers_disconnect_by_data (self->worker_store, self);

  G_OBJECT_CLASS (mq_outbox_runner_parent_class)->dispose (object);
}

static void
mq_outbox_runner_finalize (GObject *object)
{
  MqOutboxRunner *self = MQ_OUTBOX_RUNNER (object);

  g_clear_object (&self->sender);
  g_clear_object (&self->worker_store);
  g_clear_object (&self->secrets);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (mq_outbox_runner_parent_class)->finalize (object);
}

static void
mq_outbox_runner_class_init (MqOutboxRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mq_outbox_runner_get_property;
  object_class->dispose = mq_outbox_runner_dispose;
  object_class->finalize = mq_outbox_runner_finalize;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mq_outbox_runner_init (MqOutboxRunner *self)
{
  self->cancellable = g_cancellable_new ();
  self->context = g_main_context_ref_thread_default ();
}

MqOutboxRunner *
mq_outbox_runner_new (MqStore       *store,
                      MqSecretStore *secrets)
{
  MqOutboxRunner *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (MQ_IS_SECRET_STORE (secrets), NULL);

  self = g_object_new (MQ_TYPE_OUTBOX_RUNNER, NULL);
  self->store = g_object_ref (store);
  self->secrets = g_object_ref (secrets);
  g_signal_connect (store, "changed::outbox", G_CALLBACK (on_store_changed), self);
  mq_outbox_runner_wake (self);

  return self;
}
