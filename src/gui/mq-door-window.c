/* mq-door-window.c: door mode, the check-in screen of one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-door-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-door-walk-in-dialog.h"
#include "mq-door-window-private.h"

G_DEFINE_FINAL_TYPE (MqDoorWindow, mq_door_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_EVENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_mq_door_window_refocus (MqDoorWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Only problems beep, so a volunteer looking at the queue hears when to look
 * at the screen. A distinct admit sound would need a sound file and GTK's
 * GStreamer media backend, which the door laptop may not have.
 */
static void
play_cue (MqDoorWindow      *self,
          MqDoorOutcomeKind  kind)
{
  if (kind == MQ_DOOR_OUTCOME_ADMITTED || kind == MQ_DOOR_OUTCOME_UNDONE ||
      !g_settings_get_boolean (self->settings, "door-sound"))
    return;

  gdk_display_beep (gtk_widget_get_display (GTK_WIDGET (self)));
  self->n_beeps++;
}

void
_mq_door_window_show_outcome (MqDoorWindow        *self,
                              const MqDoorOutcome *outcome)
{
  static const char * const styles[] = { "admitted", "already-in", "refused", "neutral" };
  g_autofree char *spoken = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (self->outcome_box, styles[i]);
  gtk_widget_add_css_class (self->outcome_box, outcome->style);

  gtk_image_set_from_icon_name (self->outcome_icon, outcome->icon_name);
  gtk_label_set_label (self->outcome_title, outcome->title);
  gtk_label_set_label (self->outcome_name, outcome->name != NULL ? outcome->name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_name), outcome->name != NULL);
  gtk_label_set_label (self->outcome_detail, outcome->detail != NULL ? outcome->detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_detail), outcome->detail != NULL);
  gtk_widget_set_visible (self->outcome_walk_in, outcome->kind == MQ_DOOR_OUTCOME_NOT_ON_LIST);
  gtk_widget_set_visible (self->outcome_override, outcome->kind == MQ_DOOR_OUTCOME_NOT_ADMISSIBLE);
  gtk_widget_set_visible (self->outcome_box, TRUE);

  /* Screen readers hear the whole outcome at once, not only the headline. */
  spoken = g_strjoin (". ", outcome->title,
                      outcome->name != NULL ? outcome->name : "",
                      outcome->detail != NULL ? outcome->detail : "", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->outcome_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  play_cue (self, outcome->kind);
}

void
_mq_door_window_show_error (MqDoorWindow *self,
                            const GError *error)
{
  MqDoorOutcome outcome = {
    .kind = MQ_DOOR_OUTCOME_FAILED,
    .style = "refused",
    .icon_name = "dialog-error-symbolic",
    .title = (char *) _("Could not check in"),
    .detail = error->message,
  };

  _mq_door_window_show_outcome (self, &outcome);
}

static void
on_walk_in_admitted (MqDoorWalkInDialog *dialog,
                     MqRsvp             *rsvp,
                     MqCheckIn          *record,
                     int                 result,
                     MqDoorWindow       *self)
{
  MqDoorMatch guest = {
    .rsvp_id = mq_rsvp_get_id (rsvp),
    .person_id = mq_rsvp_get_person_id (rsvp),
    .name = (char *) mq_rsvp_get_name (rsvp),
    .status = mq_rsvp_get_status (rsvp),
    .party_size = mq_rsvp_get_party_size (rsvp),
  };

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _mq_door_window_report_admit (self, &guest, result, record, NULL);
}

static void
walk_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MqDoorWindow *self = MQ_DOOR_WINDOW (widget);
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  const char *name = gtk_label_get_label (self->outcome_name);
  MqDoorWalkInDialog *dialog;

  /* The name typed before "Not on the list" is the best first guess. */
  if (typed[0] != '\0')
    name = typed;
  else if (!gtk_widget_get_visible (self->outcome_walk_in))
    name = NULL;

  dialog = mq_door_walk_in_dialog_new (GTK_WINDOW (self), self->store, self->event_id,
                                       self->station, name);
  g_signal_connect_object (dialog, "admitted", G_CALLBACK (on_walk_in_admitted), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (_mq_door_window_refocus), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/marqueeapp/Marquee/mq-door-window.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

/* Set per laptop in Preferences; a change applies to the next admit. */
static void
update_station (MqDoorWindow *self)
{
  g_autofree char *subtitle = NULL;

  g_free (self->station);
  self->station = g_strstrip (g_settings_get_string (self->settings, "door-station"));
  if (self->station[0] == '\0')
    {
      g_free (self->station);
      self->station = g_strdup (_("Door"));
    }

  subtitle = g_strdup_printf (_("Door mode · station “%s”"), self->station);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
mq_door_window_constructed (GObject *object)
{
  MqDoorWindow *self = (MqDoorWindow *) object;
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (mq_door_window_parent_class)->constructed (object);

  g_return_if_fail (MQ_IS_STORE (self->store));

  catalog = mq_event_catalog_new (self->store);
  if (!(self->event = mq_event_catalog_get (catalog, self->event_id, &error)) ||
      !(self->lookup = mq_door_lookup_new (self->store, self->event_id, &error)))
    {
      g_warning ("Could not open the door of event %" G_GINT64_FORMAT ": %s",
                 self->event_id, error->message);
      return;
    }

  self->log = mq_check_in_log_new (self->store);
  self->outcomes = mq_door_outcome_writer_new (self->store);

  adw_window_title_set_title (self->window_title, mq_event_get_title (self->event));

  _mq_door_window_watch_counters (self);
  _mq_door_window_update_hint (self);
}

static void
mq_door_window_dispose (GObject *object)
{
  MqDoorWindow *self = (MqDoorWindow *) object;

  g_clear_handle_id (&self->counters_source, g_source_remove);

  G_OBJECT_CLASS (mq_door_window_parent_class)->dispose (object);
}

static void
mq_door_window_finalize (GObject *object)
{
  MqDoorWindow *self = (MqDoorWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->event);
  g_clear_object (&self->lookup);
  g_clear_object (&self->log);
  g_clear_object (&self->outcomes);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->station, g_free);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->last_admit_name, g_free);
  g_clear_pointer (&self->refused, mq_door_match_free);
  g_clear_pointer (&self->newcomers, g_array_unref);

  G_OBJECT_CLASS (mq_door_window_parent_class)->finalize (object);
}

static void
mq_door_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MqDoorWindow *self = MQ_DOOR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_door_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MqDoorWindow *self = MQ_DOOR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_EVENT_ID:
      self->event_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_door_window_class_init (MqDoorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mq_door_window_constructed;
  object_class->dispose = mq_door_window_dispose;
  object_class->finalize = mq_door_window_finalize;
  object_class->get_property = mq_door_window_get_property;
  object_class->set_property = mq_door_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MQ_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-door-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, admitted_label);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, admitted_caption);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, inside_card);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, inside_label);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, inside_caption);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, capacity_label);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, capacity_caption);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, newcomers_label);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, newcomers_caption);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, outcome_box);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, outcome_icon);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, outcome_title);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, outcome_name);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, outcome_detail);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, outcome_walk_in);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWindow, outcome_override);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_changed",
                                                G_CALLBACK (_mq_door_window_on_search_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_activate",
                                                G_CALLBACK (_mq_door_window_on_search_activate));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_stop_search",
                                                G_CALLBACK (_mq_door_window_on_stop_search));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_result_activated",
                                                G_CALLBACK (_mq_door_window_on_result_activated));

  gtk_widget_class_install_action (widget_class, "door.undo", NULL, _mq_door_window_undo_action);
  gtk_widget_class_install_action (widget_class, "door.walk-in", NULL, walk_in_action);
  gtk_widget_class_install_action (widget_class, "door.admit-anyway", NULL, _mq_door_window_admit_anyway_action);
  gtk_widget_class_install_action (widget_class, "door.admit-some", NULL, _mq_door_window_admit_some_action);
  gtk_widget_class_install_action (widget_class, "door.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "door.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "door.walk-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "door.admit-anyway", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "door.fullscreen", NULL);
}

static void
mq_door_window_init (MqDoorWindow *self)
{
  GtkEventController *keys;

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_door_match_free);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::door-station", G_CALLBACK (update_station),
                           self, G_CONNECT_SWAPPED);
  update_station (self);

  _mq_door_window_build_result_rows (self);

  /* Capture: the arrows and Ctrl+Z must not reach the entry's text. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (_mq_door_window_on_entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "door.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "door.admit-anyway", FALSE);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
}

MqDoorWindow *
mq_door_window_new (GtkApplication *application,
                    MqStore        *store,
                    gint64          event_id)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (event_id > 0, NULL);

  return g_object_new (MQ_TYPE_DOOR_WINDOW,
                       "application", application,
                       "store", store,
                       "event-id", event_id,
                       NULL);
}

gint64
mq_door_window_get_event_id (MqDoorWindow *self)
{
  g_return_val_if_fail (MQ_IS_DOOR_WINDOW (self), 0);

  return self->event_id;
}

const char *
mq_door_window_get_station (MqDoorWindow *self)
{
  g_return_val_if_fail (MQ_IS_DOOR_WINDOW (self), NULL);

  return self->station;
}

guint
mq_door_window_get_n_beeps (MqDoorWindow *self)
{
  g_return_val_if_fail (MQ_IS_DOOR_WINDOW (self), 0);

  return self->n_beeps;
}

void
mq_door_window_open_for (GtkWidget *widget,
                         MqStore   *store,
                         gint64     event_id)
{
  GtkRoot *root;
  GtkApplication *application = NULL;
  MqDoorWindow *door;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (MQ_IS_STORE (store));

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    application = gtk_window_get_application (GTK_WINDOW (root));

  /* One door per event and laptop: a second one would split the counters. */
  if (application != NULL)
    for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
      if (MQ_IS_DOOR_WINDOW (l->data) && MQ_DOOR_WINDOW (l->data)->event_id == event_id)
        {
          gtk_window_present (l->data);
          return;
        }

  door = mq_door_window_new (application, store, event_id);
  gtk_window_present (GTK_WINDOW (door));
}
