/* mq-greeter-page.c: a greeter's newcomers at one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-greeter-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-greeter-introduce.h"
#include "mq-greeter-page.h"
#include "mq-greeter-pairing.h"
#include "mq-volunteer-dialog.h"
#include "mq-volunteer-roster.h"

struct _MqGreeterPage
{
  GtkWidget          parent_instance;

  MqStore           *store;
  MqGreeterPairing  *pairing;
  MqVolunteerRoster *roster;
  gint64             event_id;
  GTimeZone         *time_zone;     /* the venue's clock, for arrivals */
  GArray            *greeter_ids;   /* gint64, parallel to greeter_names */
  GtkStringList     *greeter_names;
  gint64             greeter_id;
  guint              n_newcomers;
  guint              refresh_source;
  gboolean           filling_greeters;

  /* Template widgets */
  AdwSqueezer       *title_squeezer;
  AdwWindowTitle    *window_title;
  GtkLabel          *event_label;
  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  AdwComboRow       *greeter_row;
  GtkStack          *newcomer_stack;
  GtkListBox        *newcomer_list;
  AdwStatusPage     *no_newcomers_page;
};

G_DEFINE_FINAL_TYPE (MqGreeterPage, mq_greeter_page, GTK_TYPE_WIDGET)

static void
toast (MqGreeterPage *self,
       const char    *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* "Arrived 19:42" on the venue's clock, as the door shows it. */
static char *
describe_arrival (MqGreeterPage *self,
                  GDateTime     *arrived_at)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;

  if (arrived_at == NULL)
    return g_strdup (_("Not here yet"));

  local = g_date_time_to_timezone (arrived_at, self->time_zone);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: %s is a time of day, like 19:42 */
  return g_strdup_printf (_("Arrived %s"), time);
}

static void
on_met_toggled (GtkToggleButton *button,
                MqGreeterPage   *self)
{
  const gint64 *newcomer_id = g_object_get_data (G_OBJECT (button), "newcomer-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "greeters.set-met", "(xb)",
                              *newcomer_id, gtk_toggle_button_get_active (button));
}

static GtkWidget *
create_newcomer_row (MqGreeterPage     *self,
                     MqGreeterNewcomer *newcomer)
{
  MqGreeterAssignment *assignment = newcomer->assignment;
  gint64 newcomer_id = mq_greeter_assignment_get_newcomer_id (assignment);
  gboolean met = mq_greeter_assignment_get_status (assignment) == MQ_GREETER_ASSIGNMENT_MET;
  g_autofree char *arrival = describe_arrival (self, newcomer->arrived_at);
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *met_button;
  GtkWidget *introduce_button;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mq_greeter_assignment_get_newcomer_name (assignment));
  if (met)
    {
      /* Translators: a newcomer's state, like "Arrived 19:42 · met" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · met"), arrival);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), arrival);

  /* Arrival is said in words too: the icon alone would be colour and shape only. */
  icon = gtk_image_new_from_icon_name (newcomer->arrived_at != NULL ? "emblem-ok-symbolic" : "content-loading-symbolic");
  gtk_widget_add_css_class (icon, newcomer->arrived_at != NULL ? "success" : "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, arrival, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  met_button = gtk_toggle_button_new_with_mnemonic (_("_Met"));
  gtk_widget_set_valign (met_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (met_button, _("You have found and welcomed them"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (met_button), met);
  if (met)
    gtk_widget_add_css_class (met_button, "suggested-action");
  g_object_set_data_full (G_OBJECT (met_button), "newcomer-id",
                          g_memdup2 (&newcomer_id, sizeof newcomer_id), g_free);
  g_signal_connect_object (met_button, "toggled", G_CALLBACK (on_met_toggled), self, 0);
  gtk_widget_set_name (met_button, "met-button");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), met_button);

  introduce_button = gtk_button_new_from_icon_name ("system-users-symbolic");
  gtk_widget_set_valign (introduce_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (introduce_button, "flat");
  gtk_widget_set_tooltip_text (introduce_button, _("Introduce to…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (introduce_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Introduce to…"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (introduce_button), "greeters.introduce");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (introduce_button), "x", newcomer_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), introduce_button);

  return row;
}

static void
refresh_newcomers (MqGreeterPage *self)
{
  g_autoptr(GPtrArray) newcomers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->newcomer_list))) != NULL)
    gtk_list_box_remove (self->newcomer_list, child);
  self->n_newcomers = 0;

  if (self->greeter_id == 0)
    return;

  newcomers = mq_greeter_pairing_list_for_greeter (self->pairing, self->event_id, self->greeter_id, &error);
  if (newcomers == NULL)
    {
      toast (self, error->message);
      return;
    }

  for (guint i = 0; i < newcomers->len; i++)
    gtk_list_box_append (self->newcomer_list, create_newcomer_row (self, g_ptr_array_index (newcomers, i)));
  self->n_newcomers = newcomers->len;

  gtk_stack_set_visible_child_name (self->newcomer_stack, newcomers->len > 0 ? "newcomers" : "no-newcomers");
}

static void
refresh_greeters (MqGreeterPage *self)
{
  g_autoptr(GPtrArray) greeters = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = 0;
  gboolean same;

  greeters = mq_volunteer_roster_list_role (self->roster, self->event_id, MQ_VOLUNTEER_ROLE_GREETER, &error);
  if (greeters == NULL)
    {
      toast (self, error->message);
      return;
    }

  same = greeters->len == self->greeter_ids->len;
  for (guint i = 0; i < greeters->len; i++)
    {
      MqVolunteer *greeter = g_ptr_array_index (greeters, i);

      g_ptr_array_add (names, greeter->name);
      if (greeter->person_id == self->greeter_id)
        selected = i;
      if (same && (g_array_index (self->greeter_ids, gint64, i) != greeter->person_id ||
                   g_strcmp0 (gtk_string_list_get_string (self->greeter_names, i), greeter->name) != 0))
        same = FALSE;
    }
  g_ptr_array_add (names, NULL);

  /* Rebuilding an unchanged list would reset the combo row under the user's hand. */
  if (!same)
    {
      self->filling_greeters = TRUE;
      g_array_set_size (self->greeter_ids, 0);
      for (guint i = 0; i < greeters->len; i++)
        g_array_append_val (self->greeter_ids, ((MqVolunteer *) g_ptr_array_index (greeters, i))->person_id);
      gtk_string_list_splice (self->greeter_names, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->greeter_names)),
                              (const char * const *) names->pdata);
      if (greeters->len > 0)
        adw_combo_row_set_selected (self->greeter_row, selected);
      self->filling_greeters = FALSE;
    }

  self->greeter_id = greeters->len > 0 ? g_array_index (self->greeter_ids, gint64, selected) : 0;
  gtk_stack_set_visible_child_name (self->stack, greeters->len > 0 ? "greeter" : "no-greeters");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "greeters.assign", greeters->len > 0);
}

static void
refresh (MqGreeterPage *self)
{
  refresh_greeters (self);
  refresh_newcomers (self);
}

static gboolean
refresh_idle (gpointer user_data)
{
  MqGreeterPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Check-ins, pairs and the roster change from the door and the CLI; one
 * refresh after a burst of them is enough.
 */
static void
on_store_changed (MqStore       *store,
                  const char    *what,
                  MqGreeterPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

/* The header keeps only "Greeters" when the event's title would be cut
 * beside the buttons; the line below the header shows the title whole.
 */
static void
on_title_squeezed (MqGreeterPage *self)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (self->title_squeezer);

  gtk_widget_set_visible (GTK_WIDGET (self->event_label), shown != GTK_WIDGET (self->window_title));
}

static void
on_greeter_selected (AdwComboRow   *row,
                     GParamSpec    *pspec,
                     MqGreeterPage *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling_greeters || selected >= self->greeter_ids->len)
    return;

  mq_greeter_page_set_greeter_id (self, g_array_index (self->greeter_ids, gint64, selected));
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MqGreeterPage *self = MQ_GREETER_PAGE (widget);
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_new = 0;

  pairs = mq_greeter_pairing_assign (self->pairing, self->event_id, &n_new, &error);
  if (pairs == NULL)
    {
      toast (self, error->message);
      return;
    }

  if (n_new == 0)
    message = g_strdup (_("Every newcomer already has a greeter"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u newcomer paired with a greeter",
                                            "%u newcomers paired with greeters", n_new),
                               n_new);
  toast (self, message);
  refresh (self);
}

static void
add_volunteer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MqGreeterPage *self = MQ_GREETER_PAGE (widget);
  MqVolunteerDialog *dialog;

  dialog = mq_volunteer_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                    self->event_id, MQ_VOLUNTEER_ROLE_GREETER);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_met_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MqGreeterPage *self = MQ_GREETER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 newcomer_id;
  gboolean met;

  g_variant_get (param, "(xb)", &newcomer_id, &met);
  if (!mq_greeter_pairing_set_met (self->pairing, self->event_id, newcomer_id, met, &error))
    {
      toast (self, error->message);
      on_store_changed (self->store, "greeters", self);
    }
}

static void
introduce_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MqGreeterPage *self = MQ_GREETER_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!mq_greeter_introduce_present (widget, self->toast_overlay, self->store, self->pairing, self->event_id,
                                     self->greeter_id, g_variant_get_int64 (param), &error))
    toast (self, error->message);
}

static void
mq_greeter_page_dispose (GObject *object)
{
  MqGreeterPage *self = (MqGreeterPage *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MQ_TYPE_GREETER_PAGE);
  /* GTK 4.8 only unparents the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mq_greeter_page_parent_class)->dispose (object);
}

static void
mq_greeter_page_finalize (GObject *object)
{
  MqGreeterPage *self = (MqGreeterPage *)object;

  g_clear_object (&self->pairing);
  g_clear_object (&self->roster);
  g_clear_object (&self->store);
  g_clear_object (&self->greeter_names);
  g_clear_pointer (&self->greeter_ids, g_array_unref);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (mq_greeter_page_parent_class)->finalize (object);
}

static void
mq_greeter_page_class_init (MqGreeterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_greeter_page_dispose;
  object_class->finalize = mq_greeter_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marqueeapp/Marquee/mq-greeter-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, MqGreeterPage, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, MqGreeterPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, MqGreeterPage, event_label);
  gtk_widget_class_bind_template_child (widget_class, MqGreeterPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MqGreeterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MqGreeterPage, greeter_row);
  gtk_widget_class_bind_template_child (widget_class, MqGreeterPage, newcomer_stack);
  gtk_widget_class_bind_template_child (widget_class, MqGreeterPage, newcomer_list);
  gtk_widget_class_bind_template_child (widget_class, MqGreeterPage, no_newcomers_page);
  gtk_widget_class_bind_template_callback (widget_class, on_greeter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_title_squeezed);

  gtk_widget_class_install_action (widget_class, "greeters.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "greeters.add-volunteer", NULL, add_volunteer_action);
  gtk_widget_class_install_action (widget_class, "greeters.set-met", "(xb)", set_met_action);
  gtk_widget_class_install_action (widget_class, "greeters.introduce", "x", introduce_action);
}

static void
mq_greeter_page_init (MqGreeterPage *self)
{
  self->greeter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->greeter_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->greeter_row, G_LIST_MODEL (self->greeter_names));
}

MqGreeterPage *
mq_greeter_page_new (MqStore *store,
                     gint64   event_id)
{
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(MqEvent) event = NULL;
  MqGreeterPage *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (event_id > 0, NULL);

  self = g_object_new (MQ_TYPE_GREETER_PAGE, NULL);
  self->store = g_object_ref (store);
  self->pairing = mq_greeter_pairing_new (store);
  self->roster = mq_volunteer_roster_new (store);
  self->event_id = event_id;

  catalog = mq_event_catalog_new (store);
  event = mq_event_catalog_get (catalog, event_id, NULL);
  if (event != NULL)
    {
      adw_window_title_set_subtitle (self->window_title, mq_event_get_title (event));
      gtk_label_set_label (self->event_label, mq_event_get_title (event));
      if (mq_event_get_time_zone (event) != NULL)
        self->time_zone = g_time_zone_new_identifier (mq_event_get_time_zone (event));
    }
  if (self->time_zone == NULL)
    self->time_zone = g_time_zone_new_local ();

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, 0);
  refresh (self);

  return self;
}

gint64
mq_greeter_page_get_event_id (MqGreeterPage *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_PAGE (self), 0);

  return self->event_id;
}

gint64
mq_greeter_page_get_greeter_id (MqGreeterPage *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_PAGE (self), 0);

  return self->greeter_id;
}

void
mq_greeter_page_set_greeter_id (MqGreeterPage *self,
                                gint64         greeter_id)
{
  g_return_if_fail (MQ_IS_GREETER_PAGE (self));

  for (guint i = 0; i < self->greeter_ids->len; i++)
    if (g_array_index (self->greeter_ids, gint64, i) == greeter_id)
      {
        if (self->greeter_id == greeter_id)
          return;

        self->greeter_id = greeter_id;
        if (adw_combo_row_get_selected (self->greeter_row) != i)
          adw_combo_row_set_selected (self->greeter_row, i);
        refresh_newcomers (self);
        return;
      }
}

guint
mq_greeter_page_get_n_newcomers (MqGreeterPage *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_PAGE (self), 0);

  return self->n_newcomers;
}

void
mq_greeter_page_open_for (GtkWidget *widget,
                          MqStore   *store,
                          gint64     event_id)
{
  GtkRoot *root;
  GtkApplication *application = NULL;
  GtkWidget *window;
  MqGreeterPage *page;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (MQ_IS_STORE (store));

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    application = gtk_window_get_application (GTK_WINDOW (root));

  if (application != NULL)
    for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
      {
        GtkWidget *content = ADW_IS_WINDOW (l->data) ? adw_window_get_content (l->data) : NULL;

        if (MQ_IS_GREETER_PAGE (content) && MQ_GREETER_PAGE (content)->event_id == event_id)
          {
            gtk_window_present (l->data);
            return;
          }
      }

  page = mq_greeter_page_new (store, event_id);
  window = g_object_new (ADW_TYPE_WINDOW,
                         "application", application,
                         "title", _("Greeters"),
                         "default-width", 560,
                         "default-height", 680,
                         "content", page,
                         NULL);
  gtk_window_present (GTK_WINDOW (window));
}
