/* mq-people-page.c: the directory beside the selected person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-people-page.h"
#include "mq-person-list-model.h"
#include "mq-person-page.h"
#include "mq-person-row.h"

struct _MqPeoplePage
{
  GtkWidget           parent_instance;

  MqEditHistory      *history;
  MqPersonListModel  *people;
  GtkSingleSelection *selection;
  gboolean            sidebar_folded;
  gboolean            selecting;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  AdwWindowTitle     *list_title;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkStack           *detail_stack;
  MqPersonPage       *person_page;
};

G_DEFINE_FINAL_TYPE (MqPeoplePage, mq_people_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIDEBAR_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (MqPeoplePage *self)
{
  guint n = self->people != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->people)) : 0;
  gboolean searching = self->people != NULL && mq_person_list_model_get_query (self->people) != NULL;
  g_autofree char *subtitle = NULL;

  if (searching)
    subtitle = n >= MQ_PERSON_LIST_MODEL_SEARCH_LIMIT
             ? g_strdup_printf (_("First %u matches"), n)
             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n), n);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  adw_window_title_set_subtitle (self->list_title, subtitle);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
    }
  else if (searching)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("Nobody Found"));
      adw_status_page_set_description (self->empty_page,
                                       _("Search matches the start of any word of a name, email or handle."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No People Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the club’s members, or add guests straight from an event."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
on_items_changed (MqPeoplePage *self)
{
  update_state (self);
}

/* The directory is listed when the page is first needed, not at start-up:
 * counting and ordering 100,000 people costs 60 ms and a few megabytes that
 * an organizer who only looks at events never needs.
 */
static void
ensure_model (MqPeoplePage *self)
{
  if (self->people != NULL || self->history == NULL)
    return;

  self->people = mq_person_list_model_new (mq_edit_history_get_store (self->history));
  g_signal_connect_object (self->people, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->people));
  update_state (self);
}

static void
show_detail (MqPeoplePage *self,
             gboolean      shown)
{
  gtk_stack_set_visible_child_name (self->detail_stack, shown ? "person" : "none");
  adw_leaflet_navigate (self->leaflet, shown ? ADW_NAVIGATION_DIRECTION_FORWARD
                                             : ADW_NAVIGATION_DIRECTION_BACK);
}

void
mq_people_page_show_person (MqPeoplePage *self,
                            gint64        person_id)
{
  g_return_if_fail (MQ_IS_PEOPLE_PAGE (self));

  ensure_model (self);
  mq_person_page_set_person_id (self->person_page, person_id);
  show_detail (self, person_id != 0);
}

void
mq_people_page_new_person (MqPeoplePage *self)
{
  g_return_if_fail (MQ_IS_PEOPLE_PAGE (self));

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
  mq_person_page_set_person_id (self->person_page, 0);
  show_detail (self, TRUE);
  mq_person_page_focus_name (self->person_page);
}

static void
on_selected_item_changed (MqPeoplePage *self)
{
  MqPerson *person = gtk_single_selection_get_selected_item (self->selection);

  /* Narrow, the arrow keys move through the list without opening everyone
   * on the way; Enter or a click opens a person.
   */
  if (self->selecting || person == NULL || adw_leaflet_get_folded (self->leaflet))
    return;

  if (mq_person_get_id (person) != mq_person_page_get_person_id (self->person_page))
    mq_people_page_show_person (self, mq_person_get_id (person));
}

static void
on_folded_changed (MqPeoplePage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_list_view_set_single_click_activate (self->list_view, folded);
  if (!folded)
    on_selected_item_changed (self);
}

static void
on_list_activate (GtkListView  *list,
                  guint         position,
                  MqPeoplePage *self)
{
  g_autoptr(MqPerson) person = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (person != NULL)
    mq_people_page_show_person (self, mq_person_get_id (person));
}

void
mq_people_page_set_query (MqPeoplePage *self,
                          const char   *query)
{
  g_return_if_fail (MQ_IS_PEOPLE_PAGE (self));

  ensure_model (self);
  if (self->people == NULL)
    return;

  self->selecting = TRUE;
  mq_person_list_model_set_query (self->people, query);
  self->selecting = FALSE;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   MqPeoplePage   *self)
{
  mq_people_page_set_query (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search (GtkSearchEntry *entry,
                MqPeoplePage   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

void
mq_people_page_focus_search (MqPeoplePage *self)
{
  g_return_if_fail (MQ_IS_PEOPLE_PAGE (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
mq_people_page_get_model (MqPeoplePage *self)
{
  g_return_val_if_fail (MQ_IS_PEOPLE_PAGE (self), NULL);

  ensure_model (self);
  return G_LIST_MODEL (self->people);
}

static void
on_people_changed (MqStore      *store,
                   const char   *what,
                   MqPeoplePage *self)
{
  /* Undoing an addition or a merge can remove the person shown. */
  if (!mq_person_page_reload (self->person_page))
    show_detail (self, FALSE);
}

void
mq_people_page_set_history (MqPeoplePage  *self,
                            MqEditHistory *history)
{
  g_return_if_fail (MQ_IS_PEOPLE_PAGE (self));
  g_return_if_fail (MQ_IS_EDIT_HISTORY (history));
  g_return_if_fail (self->history == NULL);

  self->history = g_object_ref (history);
  mq_person_page_set_history (self->person_page, history);
  g_signal_connect_object (mq_edit_history_get_store (history), "changed::people",
                           G_CALLBACK (on_people_changed), self, 0);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_model (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  adw_leaflet_navigate (MQ_PEOPLE_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  mq_people_page_show_person (MQ_PEOPLE_PAGE (widget), g_variant_get_int64 (param));
}

static void
mq_people_page_map (GtkWidget *widget)
{
  ensure_model (MQ_PEOPLE_PAGE (widget));

  GTK_WIDGET_CLASS (mq_people_page_parent_class)->map (widget);
}

static void
mq_people_page_dispose (GObject *object)
{
  MqPeoplePage *self = (MqPeoplePage *) object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), MQ_TYPE_PEOPLE_PAGE);
  /* GTK 4.8 only unparents the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->people);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (mq_people_page_parent_class)->dispose (object);
}

static void
mq_people_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MqPeoplePage *self = MQ_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_FOLDED:
      g_value_set_boolean (value, self->sidebar_folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_people_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MqPeoplePage *self = MQ_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_FOLDED:
      if (self->sidebar_folded != g_value_get_boolean (value))
        {
          self->sidebar_folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_people_page_class_init (MqPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_people_page_dispose;
  object_class->get_property = mq_people_page_get_property;
  object_class->set_property = mq_people_page_set_property;
  widget_class->map = mq_people_page_map;

  properties[PROP_SIDEBAR_FOLDED] =
    g_param_spec_boolean ("sidebar-folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MQ_TYPE_PERSON);
  g_type_ensure (MQ_TYPE_PERSON_PAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MqPeoplePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MqPeoplePage, list_title);
  gtk_widget_class_bind_template_child (widget_class, MqPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MqPeoplePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MqPeoplePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, MqPeoplePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MqPeoplePage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, MqPeoplePage, person_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "people.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "people.show-person", "x", show_person_action);
}

static void
mq_people_page_init (MqPeoplePage *self)
{
  g_autoptr(GtkListItemFactory) factory = mq_person_row_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_view_set_factory (self->list_view, factory);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selected_item_changed), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self);
  on_folded_changed (self);
  adw_window_title_set_title (self->list_title, _("People"));
}
