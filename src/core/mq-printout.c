/* mq-printout.c: what the door list and the badges print from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-printout"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-error.h"
#include "mq-event-catalog.h"
#include "mq-greeter-pairing.h"
#include "mq-newcomer-rule.h"
#include "mq-printout-private.h"
#include "mq-search-text.h"
#include "mq-store-private.h"

#define SQL_GUESTS \
  "SELECT r.id, r.person_id, p.name, p.pronouns, p.mastodon, p.bluesky, " \
  "r.ticket_code, r.party_size FROM rsvps r JOIN people p ON p.id = r.person_id " \
  "WHERE r.event_id = ?1 AND r.status = 'going'"

void
mq_print_guest_free (MqPrintGuest *guest)
{
  if (guest == NULL)
    return;

  g_free (guest->name);
  g_free (guest->pronouns);
  g_free (guest->handle);
  g_free (guest->ticket_code);
  g_free (guest->greeter);
  g_free (guest->sort_key);
  g_free (guest);
}

void
mq_print_event_free (MqPrintEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->title);
  g_free (event->when);
  g_clear_pointer (&event->guests, g_ptr_array_unref);
  g_free (event);
}

static int
compare_guests (gconstpointer a,
                gconstpointer b)
{
  const MqPrintGuest *x = *(const MqPrintGuest * const *) a;
  const MqPrintGuest *y = *(const MqPrintGuest * const *) b;
  int diff;

  if ((diff = strcmp (x->sort_key, y->sort_key)) != 0)
    return diff;
  if ((diff = g_utf8_collate (x->name, y->name)) != 0)
    return diff;

  return x->rsvp_id < y->rsvp_id ? -1 : x->rsvp_id > y->rsvp_id;
}

static char *
display_handle (const char *mastodon,
                const char *bluesky)
{
  if (mastodon != NULL && *mastodon != '\0')
    return g_strdup (mastodon);
  if (bluesky != NULL && *bluesky != '\0')
    return g_strdup_printf ("@%s", bluesky);

  return NULL;
}

static GPtrArray *
load_guests (MqStore  *store,
             gint64    event_id,
             GError  **error)
{
  g_autoptr(GPtrArray) guests = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_print_guest_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store, SQL_GUESTS, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MqPrintGuest *guest = g_new0 (MqPrintGuest, 1);
      const char *pronouns = mq_column_text (stmt, 3);

      guest->rsvp_id = sqlite3_column_int64 (stmt, 0);
      guest->person_id = sqlite3_column_int64 (stmt, 1);
      guest->name = g_strdup (mq_column_text (stmt, 2));
      guest->pronouns = pronouns != NULL && *pronouns != '\0' ? g_strdup (pronouns) : NULL;
      guest->handle = display_handle (mq_column_text (stmt, 4), mq_column_text (stmt, 5));
      guest->ticket_code = g_strdup (mq_column_text (stmt, 6));
      guest->party_size = sqlite3_column_int (stmt, 7);
      guest->sort_key = mq_search_text_fold (guest->name);
      g_ptr_array_add (guests, guest);
    }
  sqlite3_reset (stmt);

  if (!mq_store_propagate (store, rc, error))
    return NULL;

  g_ptr_array_sort (guests, compare_guests);
  return g_steal_pointer (&guests);
}

/* Marks newcomers and names their greeters. */
static gboolean
mark_newcomers (MqStore    *store,
                gint64      event_id,
                GPtrArray  *guests,
                GError    **error)
{
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (store);
  g_autoptr(MqGreeterPairing) pairing = mq_greeter_pairing_new (store);
  g_autoptr(GArray) newcomers = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GHashTable) is_new = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) greeter_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!(newcomers = mq_newcomer_rule_list_newcomers (rule, event_id, error)) ||
      !(pairs = mq_greeter_pairing_list (pairing, event_id, error)))
    return FALSE;

  for (guint i = 0; i < newcomers->len; i++)
    g_hash_table_add (is_new, &g_array_index (newcomers, gint64, i));

  for (guint i = 0; i < pairs->len; i++)
    {
      MqGreeterAssignment *pair = g_ptr_array_index (pairs, i);
      gint64 id = mq_greeter_assignment_get_newcomer_id (pair);

      g_hash_table_insert (greeter_of, g_memdup2 (&id, sizeof id),
                           (gpointer) mq_greeter_assignment_get_greeter_name (pair));
    }

  for (guint i = 0; i < guests->len; i++)
    {
      MqPrintGuest *guest = g_ptr_array_index (guests, i);
      const char *greeter = g_hash_table_lookup (greeter_of, &guest->person_id);

      guest->newcomer = g_hash_table_contains (is_new, &guest->person_id);
      guest->greeter = g_strdup (greeter);
    }

  return TRUE;
}

MqPrintEvent *
mq_print_event_load (MqStore  *store,
                     gint64    event_id,
                     GError  **error)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(MqPrintEvent) print = g_new0 (MqPrintEvent, 1);
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  if (!(event = mq_event_catalog_get (catalog, event_id, error)))
    return NULL;

  print->title = g_strdup (mq_event_get_title (event));
  local = mq_event_dup_starts_local (event);
  /* TRANSLATORS: the date on printouts: strftime-like format of GDateTime */
  print->when = g_date_time_format (local, _("%A %-d %B %Y, %H:%M"));

  if (!(print->guests = load_guests (store, event_id, error)) ||
      !mark_newcomers (store, event_id, print->guests, error))
    return NULL;

  return g_steal_pointer (&print);
}

PangoLayout *
mq_print_layout (cairo_t    *cr,
                 const char *font,
                 const char *text,
                 double      width,
                 gboolean    ellipsize)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  /* Pango assumes a 96 dpi screen; on paper a point must be a point, so the
   * sizes in the font names and the geometry in points agree.
   */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, ellipsize ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

void
mq_print_text (cairo_t     *cr,
               PangoLayout *layout,
               double       x,
               double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

double
mq_print_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

double
mq_print_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) width / PANGO_SCALE;
}

gboolean
mq_print_write_pdf (const char       *path,
                    const char       *title,
                    double            width,
                    double            height,
                    guint             n_pages,
                    MqPrintPageFunc   draw_page,
                    gpointer          user_data,
                    GError          **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw_page != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Marquee");

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_t *cr = cairo_create (surface);

      draw_page (user_data, cr, page);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_IO,
                   _("Could not write “%s” (%s): check the folder exists and is writable"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
