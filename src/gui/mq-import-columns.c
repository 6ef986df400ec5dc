/* mq-import-columns.c: the file's first rows and its columns, for the mapping step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-import-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-import-columns.h"

const char *
mq_import_field_label (MqImportField field)
{
  switch (field)
    {
    case MQ_IMPORT_FIELD_IGNORE: return C_("import field", "Ignore");
    case MQ_IMPORT_FIELD_NAME: return C_("import field", "Name");
    case MQ_IMPORT_FIELD_FIRST_NAME: return C_("import field", "First name");
    case MQ_IMPORT_FIELD_LAST_NAME: return C_("import field", "Last name");
    case MQ_IMPORT_FIELD_EMAIL: return C_("import field", "Email");
    case MQ_IMPORT_FIELD_PHONE: return C_("import field", "Phone");
    case MQ_IMPORT_FIELD_MASTODON: return C_("import field", "Mastodon handle");
    case MQ_IMPORT_FIELD_BLUESKY: return C_("import field", "Bluesky handle");
    case MQ_IMPORT_FIELD_ORGANIZATION: return C_("import field", "Organization");
    case MQ_IMPORT_FIELD_PRONOUNS: return C_("import field", "Pronouns");
    case MQ_IMPORT_FIELD_STATUS: return C_("import field", "RSVP status");
    case MQ_IMPORT_FIELD_PARTY_SIZE: return C_("import field", "Party size");
    case MQ_IMPORT_FIELD_GUESTS: return C_("import field", "Guests (plus-ones)");
    case MQ_IMPORT_FIELD_RSVP_TIME: return C_("import field", "RSVP time");
    case MQ_IMPORT_FIELD_CHECKED_IN: return C_("import field", "Checked in");
    case MQ_IMPORT_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

GListModel *
mq_import_field_list_new (void)
{
  GtkStringList *fields = gtk_string_list_new (NULL);

  for (guint f = 0; f < MQ_IMPORT_N_FIELDS; f++)
    gtk_string_list_append (fields, mq_import_field_label (f));

  return G_LIST_MODEL (fields);
}

static GtkWidget *
preview_cell (const char *text,
              gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Wide enough to recognise a value; the card scrolls sideways instead. */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (g_utf8_strlen (text, -1), 14));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

void
mq_import_columns_fill_grid (GtkGrid         *grid,
                             MqImportPreview *preview)
{
  guint n_columns;
  GtkWidget *child;

  g_return_if_fail (GTK_IS_GRID (grid));
  g_return_if_fail (preview != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);

  n_columns = g_strv_length (preview->header);
  for (guint c = 0; c < n_columns; c++)
    {
      gtk_grid_attach (grid, preview_cell (preview->header[c], TRUE), c, 0, 1, 1);
      for (guint r = 0; r < preview->rows->len; r++)
        {
          char **cells = g_ptr_array_index (preview->rows, r);

          if (c < g_strv_length (cells))
            gtk_grid_attach (grid, preview_cell (cells[c], FALSE), c, r + 1, 1, 1);
        }
    }
}

static char *
sample_values (MqImportPreview *preview,
               guint            column)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint r = 0; r < preview->rows->len && r < 3; r++)
    {
      char **cells = g_ptr_array_index (preview->rows, r);

      if (column < g_strv_length (cells) && cells[column][0] != '\0')
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, cells[column]);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

AdwComboRow *
mq_import_column_row_new (MqImportPreview *preview,
                          guint            column,
                          GListModel      *fields)
{
  AdwComboRow *row;
  g_autofree char *samples = NULL;
  const char *heading;

  g_return_val_if_fail (preview != NULL, NULL);
  g_return_val_if_fail (column < g_strv_length (preview->header), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (fields), NULL);

  row = ADW_COMBO_ROW (adw_combo_row_new ());
  samples = sample_values (preview, column);
  heading = preview->header[column];

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading[0] != '\0' ? heading : _("(no heading)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
  adw_combo_row_set_model (row, fields);

  return row;
}
