/* mq-hashtag-window.c: who is talking about an event, by its hashtag
 *
 * The servers are read in a worker thread (MqHashtagTimeline); each reading
 * has its own GCancellable, and an answer that comes back after a newer
 * reading started, or after Stop, is dropped. A server that could not be
 * read is listed above the posts the others gave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-hashtag-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-application.h"
#include "mq-contact-address.h"
#include "mq-hashtag-window-private.h"

G_DEFINE_FINAL_TYPE (MqHashtagWindow, mq_hashtag_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_mq_hashtag_window_toast (MqHashtagWindow *self,
                          const char      *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

GtkWindow *
_mq_hashtag_window_get_main (MqHashtagWindow *self)
{
  return gtk_window_get_transient_for (GTK_WINDOW (self));
}

static void
set_busy (MqHashtagWindow *self,
          gboolean         busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_spinner_set_spinning (self->loading_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hashtag.stop", busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
clear_posts (MqHashtagWindow *self)
{
  clear_list (self->post_list);
  clear_list (self->problem_list);
  g_ptr_array_set_size (self->posts, 0);
}

static void
show_error (MqHashtagWindow *self,
            const char      *title,
            const char      *description)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* (nullable) The event, unless it was deleted (or waits for its undo to run out). */
static MqEvent *
load_event (MqHashtagWindow *self)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (self->store);

  if (mq_edit_history_is_event_hidden (self->history, self->event_id))
    return NULL;
  return mq_event_catalog_get (catalog, self->event_id, NULL);
}

/* "#tag" whether the event keeps it with its "#" or without; NULL for none. */
static char *
display_hashtag (MqEvent *event)
{
  const char *hashtag = mq_event_get_hashtag (event);

  if (hashtag == NULL)
    return NULL;
  while (*hashtag == '#' || g_ascii_isspace (*hashtag))
    hashtag++;
  return *hashtag != '\0' ? g_strconcat ("#", hashtag, NULL) : NULL;
}

static void
update_title (MqHashtagWindow *self,
              MqEvent         *event)
{
  g_autofree char *subtitle = NULL;

  if (self->hashtag != NULL)
    /* Translators: a hashtag and an event's title, like "#filmclub · Stalker" */
    subtitle = g_strdup_printf (_("%s · %s"), self->hashtag, mq_event_get_title (event));
  adw_window_title_set_subtitle (self->window_title,
                                 subtitle != NULL ? subtitle : mq_event_get_title (event));
}

/* The person's name, read once per person for the whole list. */
static const char *
person_name (MqPersonDirectory *directory,
             GHashTable        *names,
             gint64             person_id)
{
  g_autoptr(MqPerson) person = NULL;
  char *name;

  if ((name = g_hash_table_lookup (names, &person_id)) != NULL)
    return name;
  if (!(person = mq_person_directory_get (directory, person_id, NULL)))
    return NULL;
  name = g_strdup (mq_person_get_name (person));
  g_hash_table_insert (names, g_memdup2 (&person_id, sizeof person_id), name);
  return name;
}

static void
show_posts (MqHashtagWindow *self,
            GPtrArray       *posts,
            char           **problems)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (self->store);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *nobody = NULL;

  clear_posts (self);
  g_ptr_array_extend_and_steal (self->posts, posts);

  for (guint i = 0; i < self->posts->len; i++)
    {
      const MqHashtagPost *post = g_ptr_array_index (self->posts, i);
      GtkWidget *row = mq_hashtag_post_row_new (post, now);

      if (post->person_id > 0)
        mq_hashtag_post_row_set_person (MQ_HASHTAG_POST_ROW (row), post->person_id,
                                        person_name (directory, names, post->person_id));
      gtk_list_box_append (self->post_list, row);
    }
  for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
    gtk_list_box_append (self->problem_list, mq_hashtag_problem_row_new (problems[i]));

  gtk_widget_set_visible (GTK_WIDGET (self->problem_list), problems != NULL && problems[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->post_list), self->posts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_posts_page), self->posts->len == 0);
  /* Translators: %s is a hashtag, like #filmclub */
  nobody = g_strdup_printf (_("Nobody has posted with %s on your accounts’ servers yet. "
                              "Refresh later to look again."), self->hashtag);
  adw_status_page_set_description (self->no_posts_page, nobody);
  gtk_stack_set_visible_child_name (self->stack, "posts");
}

typedef struct
{
  MqHashtagWindow *self;
  GCancellable    *cancellable;
} Reading;

static void
reading_free (Reading *reading)
{
  g_object_unref (reading->self);
  g_object_unref (reading->cancellable);
  g_free (reading);
}

static void
posts_fetched (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Reading *reading = user_data;
  MqHashtagWindow *self = reading->self;
  g_autoptr(GPtrArray) posts = NULL;
  g_auto(GStrv) problems = NULL;
  g_autoptr(GError) error = NULL;

  posts = mq_hashtag_timeline_fetch_finish (MQ_HASHTAG_TIMELINE (source), result, &problems, &error);
  /* Stopped, or a newer reading replaced this one. */
  if (reading->cancellable != self->cancellable)
    {
      reading_free (reading);
      return;
    }
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (posts != NULL)
    show_posts (self, g_steal_pointer (&posts), problems);
  else if (g_error_matches (error, MQ_ERROR, MQ_ERROR_NOT_FOUND))
    {
      /* The last account was removed while the servers were read. */
      clear_posts (self);
      gtk_stack_set_visible_child_name (self->stack, "no-accounts");
    }
  else
    {
      clear_posts (self);
      show_error (self, _("Could Not Read the Hashtag"), error->message);
    }
  reading_free (reading);
}

static void
cancel_reading (MqHashtagWindow *self)
{
  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
}

void
_mq_hashtag_window_stop (MqHashtagWindow *self)
{
  if (self->cancellable == NULL)
    return;
  cancel_reading (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
    show_error (self, _("Reading Stopped"), _("Refresh to read the posts again."));
}

/* Whether there is an account to read with; shows why not, if not. */
static gboolean
check_accounts (MqHashtagWindow *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  if (!(accounts = mq_outbox_list_accounts (self->outbox, &error)))
    {
      clear_posts (self);
      show_error (self, _("Could Not Read the Accounts"), error->message);
      return FALSE;
    }
  if (accounts->len == 0)
    {
      clear_posts (self);
      gtk_stack_set_visible_child_name (self->stack, "no-accounts");
      return FALSE;
    }
  return TRUE;
}

void
_mq_hashtag_window_refresh (MqHashtagWindow *self)
{
  g_autoptr(MqEvent) event = NULL;
  g_autofree char *loading = NULL;
  Reading *reading;

  cancel_reading (self);
  if (!(event = load_event (self)))
    {
      clear_posts (self);
      show_error (self, _("Event Deleted"), _("This event no longer exists, so there is no hashtag to read."));
      return;
    }

  g_free (self->hashtag);
  self->hashtag = display_hashtag (event);
  update_title (self, event);
  if (self->hashtag == NULL)
    {
      clear_posts (self);
      gtk_stack_set_visible_child_name (self->stack, "no-hashtag");
      return;
    }
  if (!check_accounts (self))
    return;

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  /* Posts already shown stay while they are read again. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "posts") != 0)
    {
      /* Translators: %s is a hashtag, like #filmclub */
      loading = g_strdup_printf (_("Reading %s on your accounts’ servers…"), self->hashtag);
      gtk_label_set_label (self->loading_label, loading);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  reading = g_new0 (Reading, 1);
  reading->self = g_object_ref (self);
  reading->cancellable = g_object_ref (self->cancellable);
  mq_hashtag_timeline_fetch_async (self->timeline, self->hashtag, self->cancellable,
                                   posts_fetched, reading);
}

void
_mq_hashtag_window_rematch (MqHashtagWindow *self)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (self->store);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->post_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      MqHashtagPostRow *row = MQ_HASHTAG_POST_ROW (child);
      const char *author = mq_hashtag_post_row_get_author (row);
      g_autofree char *handle = NULL;
      g_autoptr(MqPerson) person = NULL;
      gint64 person_id;

      handle = mq_hashtag_post_row_get_network (row) == MQ_SOCIAL_NETWORK_MASTODON
               ? mq_contact_normalize_mastodon (author)
               : mq_contact_normalize_bluesky (author);
      if (handle != NULL)
        person = mq_person_directory_find_by_handle (directory, handle, NULL);
      person_id = person != NULL ? mq_person_get_id (person) : 0;
      mq_hashtag_post_row_set_person (row, person_id,
                                      person_id > 0 ? person_name (directory, names, person_id) : NULL);
    }
}

static gboolean
rematch_idle (gpointer data)
{
  MqHashtagWindow *self = data;

  self->rematch_source = 0;
  _mq_hashtag_window_rematch (self);
  return G_SOURCE_REMOVE;
}

/* Idle, so that whoever wrote the account row has stored its login too. */
static gboolean
accounts_idle (gpointer data)
{
  MqHashtagWindow *self = data;
  const char *state = gtk_stack_get_visible_child_name (self->stack);

  self->accounts_source = 0;
  if (self->hashtag == NULL)
    return G_SOURCE_REMOVE;
  /* The first account: read with it at once. */
  if (g_strcmp0 (state, "no-accounts") == 0)
    _mq_hashtag_window_refresh (self);
  else if (!check_accounts (self))
    cancel_reading (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (MqStore         *store,
                  const char      *what,
                  MqHashtagWindow *self)
{
  if (g_strcmp0 (what, "people") == 0)
    {
      /* A person added, edited, merged or deleted changes who is known. */
      if (self->rematch_source == 0)
        self->rematch_source = g_idle_add (rematch_idle, self);
    }
  else if (g_strcmp0 (what, "events") == 0)
    {
      g_autoptr(MqEvent) event = load_event (self);
      g_autofree char *hashtag = event != NULL ? display_hashtag (event) : NULL;

      if (event == NULL)
        gtk_window_destroy (GTK_WINDOW (self));
      else if (g_strcmp0 (hashtag, self->hashtag) != 0)
        _mq_hashtag_window_refresh (self);
      else
        update_title (self, event);
    }
  else if (g_strcmp0 (what, "accounts") == 0 && self->accounts_source == 0)
    self->accounts_source = g_idle_add (accounts_idle, self);
}

MqHashtagWindow *
mq_hashtag_window_new (GtkWindow     *parent,
                       MqEditHistory *history,
                       MqSecretStore *secrets,
                       gint64         event_id)
{
  MqHashtagWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (history), NULL);
  g_return_val_if_fail (MQ_IS_SECRET_STORE (secrets), NULL);
  g_return_val_if_fail (event_id > 0, NULL);

  self = g_object_new (MQ_TYPE_HASHTAG_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->history = g_object_ref (history);
  self->store = g_object_ref (mq_edit_history_get_store (history));
  self->outbox = mq_outbox_new (self->store);
  self->timeline = mq_hashtag_timeline_new (self->outbox, secrets);
  self->event_id = event_id;
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, 0);

  _mq_hashtag_window_refresh (self);
  return self;
}

void
mq_hashtag_window_open (GtkWidget     *widget,
                        MqEditHistory *history,
                        gint64         event_id)
{
  GtkRoot *root;
  GtkApplication *application;
  MqHashtagWindow *self;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (MQ_IS_EDIT_HISTORY (history));

  root = gtk_widget_get_root (widget);
  application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_return_if_fail (MQ_IS_APPLICATION (application));

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (MQ_IS_HASHTAG_WINDOW (l->data) && MQ_HASHTAG_WINDOW (l->data)->event_id == event_id)
      {
        gtk_window_present (l->data);
        return;
      }

  self = mq_hashtag_window_new (GTK_WINDOW (root), history,
                                mq_application_get_secret_store (MQ_APPLICATION (application)), event_id);
  gtk_window_present (GTK_WINDOW (self));
}

gint64
mq_hashtag_window_get_event_id (MqHashtagWindow *self)
{
  g_return_val_if_fail (MQ_IS_HASHTAG_WINDOW (self), 0);

  return self->event_id;
}

gboolean
mq_hashtag_window_get_busy (MqHashtagWindow *self)
{
  g_return_val_if_fail (MQ_IS_HASHTAG_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

const char *
mq_hashtag_window_get_state (MqHashtagWindow *self)
{
  g_return_val_if_fail (MQ_IS_HASHTAG_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
mq_hashtag_window_get_n_posts (MqHashtagWindow *self)
{
  g_return_val_if_fail (MQ_IS_HASHTAG_WINDOW (self), 0);

  return self->posts->len;
}

void
mq_hashtag_window_update_ages (MqHashtagWindow *self,
                               GDateTime       *now)
{
  GtkWidget *child;

  g_return_if_fail (MQ_IS_HASHTAG_WINDOW (self));
  g_return_if_fail (now != NULL);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->post_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mq_hashtag_post_row_update_age (MQ_HASHTAG_POST_ROW (child), now);
}

gboolean
mq_hashtag_window_get_ages_ticking (MqHashtagWindow *self)
{
  g_return_val_if_fail (MQ_IS_HASHTAG_WINDOW (self), FALSE);

  return self->age_source != 0;
}

static gboolean
tick_ages (gpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  mq_hashtag_window_update_ages (MQ_HASHTAG_WINDOW (data), now);
  return G_SOURCE_CONTINUE;
}

/* "2 h ago" goes stale while the window stays open; a hidden window needs
 * no timer, and catches up when it shows again.
 */
static void
mq_hashtag_window_map (GtkWidget *widget)
{
  MqHashtagWindow *self = MQ_HASHTAG_WINDOW (widget);

  GTK_WIDGET_CLASS (mq_hashtag_window_parent_class)->map (widget);

  tick_ages (self);
  if (self->age_source == 0)
    {
      self->age_source = g_timeout_add_seconds (60, tick_ages, self);
      g_source_set_name_by_id (self->age_source, "[marquee] hashtag post ages");
    }
}

static void
mq_hashtag_window_unmap (GtkWidget *widget)
{
  MqHashtagWindow *self = MQ_HASHTAG_WINDOW (widget);

  g_clear_handle_id (&self->age_source, g_source_remove);

  GTK_WIDGET_CLASS (mq_hashtag_window_parent_class)->unmap (widget);
}

MqHashtagPostRow *
mq_hashtag_window_find_row (MqHashtagWindow *self,
                            const char      *author)
{
  GtkWidget *child;

  g_return_val_if_fail (MQ_IS_HASHTAG_WINDOW (self), NULL);
  g_return_val_if_fail (author != NULL, NULL);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->post_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (mq_hashtag_post_row_get_author (MQ_HASHTAG_POST_ROW (child)), author) == 0)
      return MQ_HASHTAG_POST_ROW (child);
  return NULL;
}

static void
mq_hashtag_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MqHashtagWindow *self = MQ_HASHTAG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, mq_hashtag_window_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_hashtag_window_dispose (GObject *object)
{
  MqHashtagWindow *self = MQ_HASHTAG_WINDOW (object);

  /* The worker's answer still comes, holding its own reference, and is dropped. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->rematch_source, g_source_remove);
  g_clear_handle_id (&self->accounts_source, g_source_remove);
  g_clear_handle_id (&self->age_source, g_source_remove);

  G_OBJECT_CLASS (mq_hashtag_window_parent_class)->dispose (object);
}

static void
mq_hashtag_window_finalize (GObject *object)
{
  MqHashtagWindow *self = MQ_HASHTAG_WINDOW (object);

  g_clear_pointer (&self->posts, g_ptr_array_unref);
  g_clear_pointer (&self->hashtag, g_free);
  g_clear_object (&self->timeline);
  g_clear_object (&self->outbox);
  g_clear_object (&self->store);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (mq_hashtag_window_parent_class)->finalize (object);
}

static void
mq_hashtag_window_class_init (MqHashtagWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mq_hashtag_window_get_property;
  object_class->dispose = mq_hashtag_window_dispose;
  object_class->finalize = mq_hashtag_window_finalize;
  widget_class->map = mq_hashtag_window_map;
  widget_class->unmap = mq_hashtag_window_unmap;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MQ_TYPE_HASHTAG_POST_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-hashtag-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, stop_button);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, problem_list);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, no_posts_page);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagWindow, post_list);

  _mq_hashtag_window_class_actions_init (klass);
}

static void
mq_hashtag_window_init (MqHashtagWindow *self)
{
  self->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_hashtag_post_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hashtag.stop", FALSE);
}
