/* mq-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-window.h"

struct _MqWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (MqWindow, mq_window, ADW_TYPE_APPLICATION_WINDOW)

static void
mq_window_class_init (MqWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MqWindow, status_page);
}

static void
mq_window_init (MqWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MqWindow *
mq_window_new (MqApplication *application)
{
  return g_object_new (MQ_TYPE_WINDOW, "application", application, NULL);
}
