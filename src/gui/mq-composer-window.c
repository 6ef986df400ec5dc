/* mq-composer-window.c: writing one announcement for an event
 *
 * One template, rendered once with the event's values and previewed per
 * chosen account with that network's counting; "Post" and "Schedule" put
 * one outbox job per account in the database in one transaction, and the
 * app's outbox runner sends them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-composer-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-columns.h"
#include "mq-composer-image.h"
#include "mq-composer-window-private.h"
#include "mq-display-text.h"
#include "mq-social-display.h"

G_DEFINE_FINAL_TYPE (MqComposerWindow, mq_composer_window, ADW_TYPE_WINDOW)

static const struct {
  const char *placeholder;
  const char *meaning;
} placeholders[] = {
  { "{title}", N_("The event’s title") },
  { "{date}", N_("The day, like Fri 4 Dec 2026") },
  { "{time}", N_("The start time, like 19:30") },
  { "{venue}", N_("Where it takes place") },
  { "{link}", N_("The event’s web address") },
  { "{hashtag}", N_("The event’s hashtag, with #") },
  { "{seats_left}", N_("How many seats are free") },
  { "{film}", N_("The film’s title") },
};

char *
_mq_composer_window_dup_template (MqComposerWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
_mq_composer_window_is_checked (MqComposerWindow *self,
                                gint64            account_id)
{
  GtkCheckButton *check = g_hash_table_lookup (self->checks, &account_id);

  return check != NULL && gtk_check_button_get_active (check);
}

/* What stops the post on @account, besides its length: the template, the
 * image's size on that network, the image's description (missing, or
 * longer than that network takes).
 */
static char *
find_problem (MqComposerWindow      *self,
              const MqSocialAccount *account,
              const char            *template_problem)
{
  const MqPostImage *image = mq_composer_image_get_image (self->image_group);
  g_autoptr(GError) error = NULL;

  if (template_problem != NULL)
    return g_strdup (template_problem);
  if (image != NULL &&
      (!mq_post_image_check_size (image, account->network, account->image_size_limit, &error) ||
       !mq_post_image_check_alt (mq_composer_image_get_alt (self->image_group), &error) ||
       !mq_post_image_check_alt_length (mq_composer_image_get_alt (self->image_group), account->network, &error)))
    return g_strdup (error->message);
  return NULL;
}

static void
update (MqComposerWindow *self)
{
  g_autofree char *template_text = _mq_composer_window_dup_template (self);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean can_post = self->event != NULL && !mq_composer_image_get_busy (self->image_group);
  gboolean any = FALSE, any_mastodon = FALSE;
  const char *template_problem = NULL;

  if (self->values == NULL)
    template_problem = _("Choose the event to announce");
  else if (!(text = mq_announcement_template_render (template_text, self->values, &error)))
    template_problem = error->message;

  for (guint i = 0; i < self->accounts->len; i++)
    {
      const MqSocialAccount *account = g_ptr_array_index (self->accounts, i);
      MqComposerPreview *preview = g_hash_table_lookup (self->previews, &account->id);
      g_autofree char *problem = NULL;

      GtkWidget *counter = g_hash_table_lookup (self->counters, &account->id);

      if (preview == NULL)
        {
          gtk_label_set_text (GTK_LABEL (counter), "");
          continue;
        }
      problem = find_problem (self, account, template_problem);
      mq_composer_preview_set_text (preview, text, problem);
      mq_composer_preview_set_image (preview, mq_composer_image_get_paintable (self->image_group));
      can_post = can_post && mq_composer_preview_get_fits (preview);

      /* The count beside each account too: on a narrow screen the previews
       * are a scroll away.
       */
      gtk_label_set_text (GTK_LABEL (counter), mq_composer_preview_get_counter (preview));
      if (mq_composer_preview_get_fits (preview))
        gtk_widget_remove_css_class (counter, "error");
      else
        gtk_widget_add_css_class (counter, "error");
      any = TRUE;
      any_mastodon = any_mastodon || account->network == MQ_SOCIAL_NETWORK_MASTODON;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->no_preview_label), !any);
  gtk_widget_set_visible (GTK_WIDGET (self->visibility_row), any_mastodon);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.post-now", can_post && any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.schedule", can_post && any);
}

static void
on_image_changed (MqComposerWindow *self)
{
  update (self);
}

/* Previews follow the accounts' order, whichever was ticked first; the
 * ones that stay are kept, so nothing flickers.
 */
static void
sync_previews (MqComposerWindow *self)
{
  GtkWidget *previous = GTK_WIDGET (self->no_preview_label);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      const MqSocialAccount *account = g_ptr_array_index (self->accounts, i);
      GtkWidget *preview = g_hash_table_lookup (self->previews, &account->id);

      if (!_mq_composer_window_is_checked (self, account->id))
        {
          if (preview != NULL)
            {
              gtk_box_remove (self->preview_box, preview);
              g_hash_table_remove (self->previews, &account->id);
            }
          continue;
        }
      if (preview == NULL)
        {
          preview = GTK_WIDGET (mq_composer_preview_new (account));
          gtk_box_insert_child_after (self->preview_box, preview, previous);
          g_hash_table_insert (self->previews, g_memdup2 (&account->id, sizeof account->id), preview);
        }
      previous = preview;
    }

  update (self);
}

static void
fill_accounts (MqComposerWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!(self->accounts = mq_outbox_list_accounts (self->outbox, &error)))
    {
      self->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_social_account_free);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  for (guint i = 0; i < self->accounts->len; i++)
    {
      const MqSocialAccount *account = g_ptr_array_index (self->accounts, i);
      g_autofree char *title = mq_display_account (account);
      g_autofree char *subtitle = mq_display_account_server (account);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *counter = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      gtk_widget_add_css_class (counter, "numeric");
      gtk_widget_add_css_class (counter, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), counter);
      g_hash_table_insert (self->counters, g_memdup2 (&account->id, sizeof account->id), counter);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (mq_display_network_icon (account->network)));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (sync_previews), self, G_CONNECT_SWAPPED);
      g_hash_table_insert (self->checks, g_memdup2 (&account->id, sizeof account->id), check);
      gtk_list_box_append (self->account_list, row);
    }
}

static void
load_event (MqComposerWindow *self,
            gint64            event_id)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (self->store);
  g_autoptr(GError) error = NULL;
  MqEventStats stats;

  g_clear_object (&self->event);
  g_clear_pointer (&self->values, g_hash_table_unref);
  adw_window_title_set_subtitle (self->window_title, NULL);

  if (event_id <= 0)
    return;
  if (!(self->event = mq_event_catalog_get (catalog, event_id, &error)) ||
      !mq_event_stats_compute (self->store, event_id, &stats, &error))
    {
      g_clear_object (&self->event);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  self->values = mq_announcement_template_values (self->event, &stats, NULL);
  adw_window_title_set_subtitle (self->window_title, mq_event_get_title (self->event));
}

static void
on_event_selected (MqComposerWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->event_row);

  load_event (self, selected < self->event_ids->len ? g_array_index (self->event_ids, gint64, selected) : 0);
  update (self);
}

/* The upcoming events, and @event_id first if it is not among them (a
 * composer opened from a past event's page).
 */
static void
fill_events (MqComposerWindow *self,
             gint64            event_id)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (self->store);
  g_autoptr(GListModel) upcoming = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqEvent) requested = NULL;
  gboolean found = FALSE;
  guint selected = 0;
  guint n;

  if (!(upcoming = mq_event_catalog_list (catalog, MQ_EVENT_RANGE_UPCOMING, &error)))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  n = g_list_model_get_n_items (upcoming);
  for (guint i = 0; i < n && event_id > 0; i++)
    {
      g_autoptr(MqEvent) event = g_list_model_get_item (upcoming, i);

      if (mq_event_get_id (event) == event_id)
        {
          selected = i;
          found = TRUE;
        }
    }
  if (event_id > 0 && !found)
    requested = mq_event_catalog_get (catalog, event_id, NULL);

  if (requested != NULL)
    {
      g_autofree char *when = mq_display_event_when (requested);
      g_autofree char *name = g_strdup_printf ("%s · %s", mq_event_get_title (requested), when);

      gtk_string_list_append (names, name);
      g_array_append_val (self->event_ids, event_id);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MqEvent) event = g_list_model_get_item (upcoming, i);
      g_autofree char *when = mq_display_event_when (event);
      g_autofree char *name = g_strdup_printf ("%s · %s", mq_event_get_title (event), when);
      gint64 id = mq_event_get_id (event);

      gtk_string_list_append (names, name);
      g_array_append_val (self->event_ids, id);
    }

  adw_combo_row_set_model (self->event_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->event_row, selected);
  on_event_selected (self);
}

static void
on_chip_clicked (GtkButton        *button,
                 MqComposerWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_buffer_insert_at_cursor (buffer, gtk_button_get_label (button), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
fill_chips (MqComposerWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    {
      GtkWidget *chip = gtk_button_new_with_label (placeholders[i].placeholder);

      gtk_widget_set_tooltip_text (chip, _(placeholders[i].meaning));
      gtk_widget_add_css_class (chip, "placeholder-chip");
      g_signal_connect_object (chip, "clicked", G_CALLBACK (on_chip_clicked), self, 0);
      gtk_flow_box_append (self->chip_box, chip);
      gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
    }
}

gint64
mq_composer_window_get_event_id (MqComposerWindow *self)
{
  g_return_val_if_fail (MQ_IS_COMPOSER_WINDOW (self), 0);

  return self->event != NULL ? mq_event_get_id (self->event) : 0;
}

void
mq_composer_window_set_event_id (MqComposerWindow *self,
                                 gint64            event_id)
{
  g_return_if_fail (MQ_IS_COMPOSER_WINDOW (self));

  for (guint i = 0; i < self->event_ids->len; i++)
    if (g_array_index (self->event_ids, gint64, i) == event_id)
      adw_combo_row_set_selected (self->event_row, i);
}

void
mq_composer_window_set_text (MqComposerWindow *self,
                             const char       *template_text)
{
  g_return_if_fail (MQ_IS_COMPOSER_WINDOW (self));
  g_return_if_fail (template_text != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), template_text, -1);
}

void
mq_composer_window_set_account_active (MqComposerWindow *self,
                                       gint64            account_id,
                                       gboolean          active)
{
  GtkCheckButton *check;

  g_return_if_fail (MQ_IS_COMPOSER_WINDOW (self));

  if ((check = g_hash_table_lookup (self->checks, &account_id)) != NULL)
    gtk_check_button_set_active (check, active);
}

MqComposerPreview *
mq_composer_window_get_preview (MqComposerWindow *self,
                                gint64            account_id)
{
  g_return_val_if_fail (MQ_IS_COMPOSER_WINDOW (self), NULL);

  return g_hash_table_lookup (self->previews, &account_id);
}

static void
mq_composer_window_dispose (GObject *object)
{
  MqComposerWindow *self = MQ_COMPOSER_WINDOW (object);

  g_hash_table_remove_all (self->checks);
  g_hash_table_remove_all (self->previews);
  g_hash_table_remove_all (self->counters);

  G_OBJECT_CLASS (mq_composer_window_parent_class)->dispose (object);
}

static void
mq_composer_window_finalize (GObject *object)
{
  MqComposerWindow *self = MQ_COMPOSER_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->outbox);
  g_clear_object (&self->event);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->event_ids, g_array_unref);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->previews, g_hash_table_unref);
  g_clear_pointer (&self->counters, g_hash_table_unref);

  G_OBJECT_CLASS (mq_composer_window_parent_class)->finalize (object);
}

static void
mq_composer_window_class_init (MqComposerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_composer_window_dispose;
  object_class->finalize = mq_composer_window_finalize;

  g_type_ensure (MQ_TYPE_COLUMNS);
  g_type_ensure (MQ_TYPE_COMPOSER_IMAGE);
  g_type_ensure (MQ_TYPE_SCHEDULE_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-composer-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, post_button);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, schedule_popover);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, event_row);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, chip_box);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, account_list);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, image_group);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, visibility_row);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, preview_box);
  gtk_widget_class_bind_template_child (widget_class, MqComposerWindow, no_preview_label);
  gtk_widget_class_bind_template_callback (widget_class, on_event_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_image_changed);


  _mq_composer_window_class_actions_init (klass);
}

static void
mq_composer_window_init (MqComposerWindow *self)
{
  self->event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->previews = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->counters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_chips (self);
  _mq_composer_window_init_options (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

MqComposerWindow *
mq_composer_window_new (GtkWindow *parent,
                        MqStore   *store,
                        gint64     event_id)
{
  MqComposerWindow *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_COMPOSER_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->outbox = mq_outbox_new (store);

  fill_accounts (self);
  fill_events (self, event_id);
  /* Translators: an announcement's default text; keep the words in braces as they are */
  mq_composer_window_set_text (self, _("{title}: {date}, {time} at {venue}. {link} {hashtag}"));
  sync_previews (self);

  return self;
}

void
mq_composer_window_open (GtkWidget *widget,
                         MqStore   *store,
                         gint64     event_id)
{
  GtkRoot *root;
  MqComposerWindow *self;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (MQ_IS_STORE (store));

  root = gtk_widget_get_root (widget);
  self = mq_composer_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, event_id);
  gtk_window_present (GTK_WINDOW (self));
}
