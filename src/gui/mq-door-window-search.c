/* mq-door-window-search.c: the door window's search entry, result rows and keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-door-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-door-window-private.h"

static char *
describe_match (const MqDoorMatch *match)
{
  GString *text = g_string_new (NULL);

  switch (match->status)
    {
    case MQ_RSVP_STATUS_GOING:
      if (match->party_size > 1)
        g_string_append_printf (text, _("Going, party of %d"), match->party_size);
      else
        g_string_append (text, _("Going"));
      break;
    case MQ_RSVP_STATUS_MAYBE:
      g_string_append (text, _("Maybe"));
      break;
    case MQ_RSVP_STATUS_WAITLISTED:
      g_string_append (text, _("Waitlisted"));
      break;
    case MQ_RSVP_STATUS_DECLINED:
      g_string_append (text, _("Declined"));
      break;
    case MQ_RSVP_STATUS_CANCELLED:
      g_string_append (text, _("Cancelled"));
      break;
    default:
      break;
    }

  if (match->kind == MQ_DOOR_MATCH_CODE)
    g_string_append_printf (text, " · %s", _("ticket"));
  else if (match->kind == MQ_DOOR_MATCH_FUZZY)
    g_string_append_printf (text, " · %s", _("similar name"));

  return g_string_free (text, FALSE);
}

/* A party may arrive in parts; say how before Enter lets everyone in. */
static void
set_admit_hint (MqDoorWindow      *self,
                const MqDoorMatch *match,
                const char        *hint)
{
  g_autofree char *text = NULL;

  if (match->status != MQ_RSVP_STATUS_GOING || match->party_size <= 1)
    {
      gtk_label_set_label (self->hint_label, hint);
      return;
    }

  text = g_strdup_printf (_("Enter admits the party of %d; Shift+Enter if only some are here."),
                          match->party_size);
  gtk_label_set_label (self->hint_label, text);
}

void
_mq_door_window_update_hint (MqDoorWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (text[0] == '\0')
    gtk_label_set_label (self->hint_label, _("Type two letters of a name, or scan a ticket."));
  else if (self->matches->len == 0)
    gtk_label_set_label (self->hint_label, _("Nobody on the list matches. Ctrl+N adds a walk-in."));
  else if (self->matches->len == 1 ||
           ((MqDoorMatch *) g_ptr_array_index (self->matches, 0))->kind == MQ_DOOR_MATCH_CODE)
    set_admit_hint (self, g_ptr_array_index (self->matches, 0), _("Press Enter to admit."));
  else
    gtk_label_set_label (self->hint_label, _("Several match: pick with ↑ ↓, then Enter."));
}

static void
select_row (MqDoorWindow *self,
            guint         index)
{
  if (index < self->matches->len)
    gtk_list_box_select_row (self->results_list, self->rows[index]);
  else
    gtk_list_box_unselect_all (self->results_list);
}

static gboolean
search (MqDoorWindow *self,
        const char   *text,
        GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;

  if (text[0] == '\0')
    found = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_door_match_free);
  else if (!(found = mq_door_lookup_search (self->lookup, text, N_RESULTS, error)))
    return FALSE;

  g_ptr_array_unref (self->matches);
  self->matches = g_steal_pointer (&found);
  self->picked = FALSE;

  for (guint i = 0; i < N_RESULTS; i++)
    {
      gboolean shown = i < self->matches->len;

      gtk_widget_set_visible (GTK_WIDGET (self->rows[i]), shown);
      if (shown)
        {
          const MqDoorMatch *match = g_ptr_array_index (self->matches, i);
          g_autofree char *detail = describe_match (match);

          gtk_label_set_label (self->row_names[i], match->name);
          gtk_label_set_label (self->row_details[i], detail);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), self->matches->len > 0);
  select_row (self, 0);
  _mq_door_window_update_hint (self);

  return TRUE;
}

void
_mq_door_window_on_search_changed (GtkSearchEntry *entry,
                                   MqDoorWindow   *self)
{
  g_autoptr(GError) error = NULL;

  if (!search (self, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    _mq_door_window_show_error (self, error);
}

void
_mq_door_window_on_stop_search (GtkSearchEntry *entry,
                                MqDoorWindow   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
show_not_on_list (MqDoorWindow *self,
                  const char   *text)
{
  MqDoorOutcome outcome = {
    .kind = MQ_DOOR_OUTCOME_NOT_ON_LIST,
    .style = "refused",
    .icon_name = "dialog-question-symbolic",
    .title = (char *) _("Not on the list"),
    .name = (char *) text,
    .detail = (char *) _("Check the spelling, or add them as a walk-in."),
  };

  _mq_door_window_show_outcome (self, &outcome);
  /* The next scan replaces the text; arrow keys still let a typo be fixed. */
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* The guest Enter means: the row picked with the arrows, else the best
 * match when it is a ticket code or the only one. A scanner may beat the
 * changed handler, so unpicked rows are searched again, never trusted stale.
 * NULL when there is nobody (after saying so) or several to choose from.
 */
const MqDoorMatch *
_mq_door_window_get_chosen_match (MqDoorWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  GtkListBoxRow *selected;
  const MqDoorMatch *best;
  g_autoptr(GError) error = NULL;
  int index = 0;

  if (text[0] == '\0')
    return NULL;

  selected = gtk_list_box_get_selected_row (self->results_list);
  if (selected != NULL)
    index = gtk_list_box_row_get_index (selected);
  if (self->picked && index >= 0 && (guint) index < self->matches->len)
    return g_ptr_array_index (self->matches, index);

  if (!search (self, text, &error))
    {
      _mq_door_window_show_error (self, error);
      return NULL;
    }

  if (self->matches->len == 0)
    {
      show_not_on_list (self, text);
      return NULL;
    }

  best = g_ptr_array_index (self->matches, 0);
  if (best->kind == MQ_DOOR_MATCH_CODE || self->matches->len == 1)
    return best;

  gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
  return NULL;
}

/* What a scanner does: the code and Enter. A name needs to be unambiguous. */
void
_mq_door_window_on_search_activate (GtkSearchEntry *entry,
                                    MqDoorWindow   *self)
{
  const MqDoorMatch *match = _mq_door_window_get_chosen_match (self);

  if (match != NULL)
    _mq_door_window_admit_match (self, match, FALSE);
}

void
_mq_door_window_on_result_activated (GtkListBox    *list,
                                     GtkListBoxRow *row,
                                     MqDoorWindow  *self)
{
  int index = gtk_list_box_row_get_index (row);

  _mq_door_window_refocus (self);
  if (index >= 0 && (guint) index < self->matches->len)
    _mq_door_window_admit_match (self, g_ptr_array_index (self->matches, index), FALSE);
}

gboolean
_mq_door_window_on_entry_key_pressed (GtkEventControllerKey *controller,
                                      guint                  keyval,
                                      guint                  keycode,
                                      GdkModifierType        state,
                                      MqDoorWindow          *self)
{
  GtkListBoxRow *selected;
  int index;

  /* Before the entry's own text undo, which would be useless here. */
  if ((state & GDK_CONTROL_MASK) && (keyval == GDK_KEY_z || keyval == GDK_KEY_Z))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "door.undo", NULL);
      return TRUE;
    }

  /* Only part of a party is at the door. */
  if ((state & GDK_SHIFT_MASK) &&
      (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "door.admit-some", NULL);
      return TRUE;
    }

  if (keyval != GDK_KEY_Up && keyval != GDK_KEY_Down &&
      keyval != GDK_KEY_KP_Up && keyval != GDK_KEY_KP_Down)
    return FALSE;

  if (self->matches->len == 0)
    return TRUE;

  selected = gtk_list_box_get_selected_row (self->results_list);
  index = selected != NULL ? gtk_list_box_row_get_index (selected) : -1;
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    index = MAX (index - 1, 0);
  else
    index = MIN (index + 1, (int) self->matches->len - 1);

  select_row (self, index);
  self->picked = TRUE;
  set_admit_hint (self, g_ptr_array_index (self->matches, index),
                  _("Press Enter to admit the highlighted guest."));

  return TRUE;
}

/* Below this width the status goes under the name, which would otherwise
 * be cut short on a phone-sized window, and the entry's placeholder says
 * less so that it still fits in large type (its accessible description keeps
 * the whole sentence).
 */
#define NARROW_WIDTH 560

static void
on_default_width_changed (MqDoorWindow *self)
{
  int width, height;
  gboolean narrow;

  /* GTK 4.8 writes both sizes. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < NARROW_WIDTH;

  for (guint i = 0; i < N_RESULTS; i++)
    {
      GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->row_names[i]));

      gtk_orientable_set_orientation (GTK_ORIENTABLE (box), narrow ? GTK_ORIENTATION_VERTICAL
                                                                   : GTK_ORIENTATION_HORIZONTAL);
      gtk_box_set_spacing (GTK_BOX (box), narrow ? 2 : 12);
      gtk_label_set_xalign (self->row_details[i], narrow ? 0 : 1);
    }

  /* gtk_search_entry_set_placeholder_text() is GTK 4.10. */
  g_object_set (self->search_entry, "placeholder-text",
                narrow ? _("Name or ticket") : _("Type a name or scan a ticket"), NULL);
}

void
_mq_door_window_build_result_rows (MqDoorWindow *self)
{
  for (guint i = 0; i < N_RESULTS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *name = gtk_label_new (NULL);
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (name, "door-result-name");
      gtk_label_set_xalign (GTK_LABEL (detail), 1);
      gtk_widget_add_css_class (detail, "door-result-detail");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), detail);

      self->rows[i] = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
      gtk_list_box_row_set_child (self->rows[i], box);
      gtk_widget_set_focusable (GTK_WIDGET (self->rows[i]), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->rows[i]), FALSE);
      self->row_names[i] = GTK_LABEL (name);
      self->row_details[i] = GTK_LABEL (detail);
      gtk_list_box_append (self->results_list, GTK_WIDGET (self->rows[i]));
    }

  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_default_width_changed), NULL);
  on_default_width_changed (self);
}
