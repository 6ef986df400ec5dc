/* mq-event-editor.c: create or change an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-event-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mq-display-text.h"
#include "mq-event-editor-private.h"
#include "mq-time-zone-list.h"
#include "mq-window.h"

G_DEFINE_FINAL_TYPE (MqEventEditor, mq_event_editor, ADW_TYPE_WINDOW)

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
mark_error (GtkWidget *widget,
            gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void
show_error (MqEventEditor *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
selected_zone (MqEventEditor *self)
{
  guint i = gtk_drop_down_get_selected (self->zone_dropdown);

  if (i == GTK_INVALID_LIST_POSITION || i >= g_strv_length (self->zones))
    return "UTC";
  return self->zones[i];
}

static GDateTime *
time_on_day (MqEventEditor *self,
             int            hour,
             int            minute)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (selected_zone (self));

  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  return g_date_time_new (zone,
                          g_date_time_get_year (day),
                          g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          hour, minute, 0);
}

static GDateTime *
dup_starts_at (MqEventEditor *self)
{
  return time_on_day (self,
                      gtk_spin_button_get_value_as_int (self->start_hour),
                      gtk_spin_button_get_value_as_int (self->start_minute));
}

/* An end earlier than the start is taken as after midnight. */
static GDateTime *
dup_ends_at (MqEventEditor *self)
{
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) ends = NULL;

  if (!adw_expander_row_get_enable_expansion (self->end_row))
    return NULL;

  starts = dup_starts_at (self);
  ends = time_on_day (self,
                      gtk_spin_button_get_value_as_int (self->end_hour),
                      gtk_spin_button_get_value_as_int (self->end_minute));
  if (g_date_time_compare (ends, starts) <= 0)
    return g_date_time_add_days (ends, 1);

  return g_steal_pointer (&ends);
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The hashtag without its "#", NULL when empty. */
static char *
dup_hashtag (MqEventEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (entry_text (self->hashtag_row)));
  const char *tag = text;

  while (*tag == '#')
    tag++;

  return *tag != '\0' ? g_strdup (tag) : NULL;
}

static void
fill_event (MqEventEditor *self,
            MqEvent       *event)
{
  g_autoptr(GDateTime) starts = dup_starts_at (self);
  g_autoptr(GDateTime) ends = dup_ends_at (self);
  g_autofree char *description = text_view_text (self->description_view);
  g_autofree char *hashtag = dup_hashtag (self);
  g_autofree char *title = g_strstrip (g_strdup (entry_text (self->title_row)));
  MqEventKind kind = adw_combo_row_get_selected (self->kind_row);
  guint parent = adw_combo_row_get_selected (self->parent_row);

  mq_event_set_title (event, title);
  mq_event_set_kind (event, kind);
  mq_event_set_parent_id (event, kind == MQ_EVENT_KIND_ADDON && parent < self->parent_ids->len
                                   ? g_array_index (self->parent_ids, gint64, parent) : 0);
  mq_event_set_status (event, adw_combo_row_get_selected (self->status_row));
  mq_event_set_time_zone (event, selected_zone (self));
  mq_event_set_starts_at (event, starts);
  mq_event_set_ends_at (event, ends);
  mq_event_set_doors_minutes (event, gtk_spin_button_get_value_as_int (self->doors_spin));
  mq_event_set_qa_minutes (event, gtk_spin_button_get_value_as_int (self->qa_spin));
  mq_event_set_venue (event, entry_text (self->venue_row));
  mq_event_set_address (event, entry_text (self->address_row));
  mq_event_set_online_url (event, entry_text (self->online_row));
  mq_event_set_capacity (event, adw_expander_row_get_enable_expansion (self->capacity_row)
                                  ? gtk_spin_button_get_value_as_int (self->capacity_spin) : -1);
  mq_event_set_hashtag (event, hashtag);
  mq_event_set_description (event, description);
  mq_event_set_accessibility_notes (event, entry_text (self->accessibility_row));

  if (kind == MQ_EVENT_KIND_SCREENING)
    {
      mq_event_set_film_title (event, entry_text (self->film_title_row));
      mq_event_set_film_director (event, entry_text (self->director_row));
      mq_event_set_film_year (event, gtk_spin_button_get_value_as_int (self->year_spin));
      mq_event_set_film_runtime (event, gtk_spin_button_get_value_as_int (self->runtime_spin));
      mq_event_set_film_language (event, entry_text (self->language_row));
      mq_event_set_film_subtitles (event, entry_text (self->subtitles_row));
      mq_event_set_content_notes (event, entry_text (self->content_notes_row));
      mq_event_set_rights_note (event, entry_text (self->rights_row));
      mq_event_set_poster_path (event, self->poster_path);
    }
  else
    {
      /* A film's details on a meetup would only confuse the schedule line. */
      mq_event_set_film_runtime (event, 0);
    }
}

static void
update_schedule (MqEventEditor *self)
{
  g_autoptr(MqEvent) preview = mq_event_new ();
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (day, _("%a %-d %b %Y"));
  g_autofree char *schedule = NULL;

  gtk_menu_button_set_label (self->date_button, date);

  fill_event (self, preview);
  schedule = mq_display_event_schedule (preview);
  gtk_label_set_label (self->schedule_label, schedule);
}

static void
update_kind (MqEventEditor *self)
{
  MqEventKind kind = adw_combo_row_get_selected (self->kind_row);

  gtk_widget_set_visible (GTK_WIDGET (self->parent_row), kind == MQ_EVENT_KIND_ADDON);
  gtk_widget_set_visible (GTK_WIDGET (self->film_group), kind == MQ_EVENT_KIND_SCREENING);
  update_schedule (self);
}

static void
update_poster (MqEventEditor *self)
{
  g_autofree char *name = self->poster_path != NULL ? g_path_get_basename (self->poster_path) : NULL;

  adw_action_row_set_subtitle (self->poster_row, name != NULL ? name : _("No poster"));
  gtk_widget_set_visible (GTK_WIDGET (self->poster_clear_button), self->poster_path != NULL);
}

static gboolean
is_web_address (const char *text)
{
  return g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "http://");
}

/* What the core would refuse, found here so the field can say so. */
static gboolean
validate (MqEventEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (entry_text (self->title_row)));
  g_autofree char *hashtag = dup_hashtag (self);
  const char *online = entry_text (self->online_row);
  gboolean addon = adw_combo_row_get_selected (self->kind_row) == MQ_EVENT_KIND_ADDON;
  gboolean no_parent = addon && adw_combo_row_get_selected (self->parent_row) >= self->parent_ids->len;
  gboolean bad_online = online[0] != '\0' && !is_web_address (online);
  gboolean bad_hashtag = hashtag != NULL && strpbrk (hashtag, " \t#,") != NULL;
  const char *message = NULL;
  GtkWidget *focus = NULL;

  mark_error (GTK_WIDGET (self->title_row), title[0] == '\0');
  mark_error (GTK_WIDGET (self->parent_row), no_parent);
  mark_error (GTK_WIDGET (self->online_row), bad_online);
  mark_error (GTK_WIDGET (self->hashtag_row), bad_hashtag);

  if (bad_hashtag)
    message = _("A hashtag is one word without spaces, like FilmClubFriday."), focus = GTK_WIDGET (self->hashtag_row);
  if (bad_online)
    message = _("The online link must start with https:// or http://."), focus = GTK_WIDGET (self->online_row);
  if (no_parent)
    message = _("An add-on belongs to another event: pick it under “Part of”."), focus = GTK_WIDGET (self->parent_row);
  if (title[0] == '\0')
    message = _("Give the event a title."), focus = GTK_WIDGET (self->title_row);

  show_error (self, message);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);

  return message == NULL;
}

gboolean
mq_event_editor_save (MqEventEditor *self)
{
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (MQ_IS_EVENT_EDITOR (self), FALSE);

  if (!validate (self))
    return FALSE;

  if (self->event_id != 0)
    {
      catalog = mq_event_catalog_new (mq_edit_history_get_store (self->history));
      if (!(event = mq_event_catalog_get (catalog, self->event_id, &error)))
        {
          show_error (self, error->message);
          return FALSE;
        }
    }
  else
    {
      event = mq_event_new ();
    }

  fill_event (self, event);

  if (self->event_id != 0)
    ok = mq_edit_history_update_event (self->history, event, &error);
  else
    ok = mq_edit_history_add_event (self->history, event, &error) != 0;

  if (!ok)
    {
      show_error (self, error->message);
      return FALSE;
    }

  self->saved_id = mq_event_get_id (event);
  return TRUE;
}

gint64
mq_event_editor_get_saved_id (MqEventEditor *self)
{
  g_return_val_if_fail (MQ_IS_EVENT_EDITOR (self), 0);

  return self->saved_id;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MqEventEditor *self = MQ_EVENT_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean created = self->event_id == 0;

  if (!mq_event_editor_save (self))
    return;

  mq_window_toast_for (widget, created ? _("Event created") : _("Event saved"), TRUE);
  if (MQ_IS_WINDOW (parent))
    mq_window_show_event (MQ_WINDOW (parent), self->saved_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_poster_response (GtkNativeDialog *chooser,
                    int              response,
                    MqEventEditor   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_free (self->poster_path);
      self->poster_path = g_file_get_path (file);
      update_poster (self);
    }

  g_clear_object (&self->chooser);
}

static void
choose_poster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MqEventEditor *self = MQ_EVENT_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Poster"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_poster_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
clear_poster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MqEventEditor *self = MQ_EVENT_EDITOR (widget);

  g_clear_pointer (&self->poster_path, g_free);
  update_poster (self);
}

static void
on_day_selected (MqEventEditor *self)
{
  gtk_menu_button_popdown (self->date_button);
  update_schedule (self);
}

/* Two digits, as clocks show minutes and hours. */
static gboolean
on_time_output (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static gboolean
on_unknown_output (GtkSpinButton *spin)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = value > 0 ? g_strdup_printf ("%d", value) : g_strdup (_("unknown"));

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
mq_event_editor_dispose (GObject *object)
{
  MqEventEditor *self = (MqEventEditor *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (mq_event_editor_parent_class)->dispose (object);
}

static void
mq_event_editor_finalize (GObject *object)
{
  MqEventEditor *self = (MqEventEditor *) object;

  g_clear_pointer (&self->parent_ids, g_array_unref);
  g_clear_pointer (&self->zones, g_strfreev);
  g_clear_pointer (&self->poster_path, g_free);

  G_OBJECT_CLASS (mq_event_editor_parent_class)->finalize (object);
}

static void
mq_event_editor_class_init (MqEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_event_editor_dispose;
  object_class->finalize = mq_event_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-event-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MqEventEditor, name)
  BIND (window_title);
  BIND (error_label);
  BIND (title_row);
  BIND (kind_row);
  BIND (parent_row);
  BIND (status_row);
  BIND (date_button);
  BIND (calendar);
  BIND (start_hour);
  BIND (start_minute);
  BIND (end_row);
  BIND (end_hour);
  BIND (end_minute);
  BIND (zone_dropdown);
  BIND (doors_spin);
  BIND (qa_spin);
  BIND (schedule_label);
  BIND (venue_row);
  BIND (address_row);
  BIND (online_row);
  BIND (capacity_row);
  BIND (capacity_spin);
  BIND (hashtag_row);
  BIND (description_view);
  BIND (accessibility_row);
  BIND (film_group);
  BIND (film_title_row);
  BIND (director_row);
  BIND (year_spin);
  BIND (runtime_spin);
  BIND (language_row);
  BIND (subtitles_row);
  BIND (content_notes_row);
  BIND (rights_row);
  BIND (poster_row);
  BIND (poster_clear_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, update_schedule);
  gtk_widget_class_bind_template_callback (widget_class, update_kind);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_time_output);
  gtk_widget_class_bind_template_callback (widget_class, on_unknown_output);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.choose-poster", NULL, choose_poster_action);
  gtk_widget_class_install_action (widget_class, "editor.clear-poster", NULL, clear_poster_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
mq_event_editor_init (MqEventEditor *self)
{
  self->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

MqEventEditor *
mq_event_editor_new (GtkWindow     *parent,
                     MqEditHistory *history,
                     MqEvent       *event)
{
  MqEventEditor *self;
  g_autofree char *local_zone = NULL;

  g_return_val_if_fail (MQ_IS_EDIT_HISTORY (history), NULL);
  g_return_val_if_fail (event == NULL || MQ_IS_EVENT (event), NULL);

  self = g_object_new (MQ_TYPE_EVENT_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->history = g_object_ref (history);
  self->event_id = event != NULL ? mq_event_get_id (event) : 0;

  _mq_event_editor_load_parents (self);
  local_zone = mq_time_zone_list_get_local ();
  _mq_event_editor_load_zones (self, event != NULL ? mq_event_get_time_zone (event) : local_zone);

  if (event != NULL)
    {
      _mq_event_editor_load_event (self, event);
      adw_window_title_set_title (self->window_title, _("Edit Event"));
      adw_window_title_set_subtitle (self->window_title, mq_event_get_title (event));
    }
  else
    {
      _mq_event_editor_load_defaults (self);
      adw_window_title_set_title (self->window_title, _("New Event"));
    }

  update_kind (self);
  update_poster (self);

  return self;
}
