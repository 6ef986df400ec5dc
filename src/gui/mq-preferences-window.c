/* mq-preferences-window.c: the app's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-preferences-window.h"

struct _MqPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  GtkSpinButton        *capacity_spin;
  AdwEntryRow          *station_row;
  GtkSwitch            *sound_switch;
};

G_DEFINE_FINAL_TYPE (MqPreferencesWindow, mq_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
on_capacity_output (GtkSpinButton *spin)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = value > 0 ? g_strdup_printf ("%d", value) : g_strdup (_("Unlimited"));

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
mq_preferences_window_dispose (GObject *object)
{
  MqPreferencesWindow *self = (MqPreferencesWindow *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mq_preferences_window_parent_class)->dispose (object);
}

static void
mq_preferences_window_class_init (MqPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MqPreferencesWindow, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, MqPreferencesWindow, station_row);
  gtk_widget_class_bind_template_child (widget_class, MqPreferencesWindow, sound_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_capacity_output);
}

static void
mq_preferences_window_init (MqPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "default-capacity",
                   gtk_spin_button_get_adjustment (self->capacity_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "door-station", self->station_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "door-sound", self->sound_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

MqPreferencesWindow *
mq_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (MQ_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
