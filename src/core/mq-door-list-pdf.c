/* mq-door-list-pdf.c: the guest list on paper, for when the laptop dies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-door-list-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mq-door-list-pdf.h"
#include "mq-printout-private.h"

/* Points. Rows are tall and the type large: the list is read standing, in a
 * dim foyer, with a pen in the other hand.
 */
#define MARGIN        40.0
#define HEADER        58.0
#define GUEST_ROW     28.0
#define PLUS_ONE_ROW  21.0
#define BOX           14.0
#define SMALL_BOX     11.0
#define NAME_FONT     "Sans 20"
#define PLUS_ONE_FONT "Sans 15"
#define MARK_FONT     "Sans Bold 11"
#define PARTY_FONT    "Sans 14"
#define PARTY_COLUMN  72.0
#define MARK_COLUMN   150.0
/* A bigger party (a school class) gets one line with room to write a count. */
#define MAX_PLUS_ONE_ROWS 8

struct _MqDoorListPdf
{
  GObject       parent_instance;

  MqPrintEvent *event;
  guint         n_people;
  double        width;
  double        height;
  /* Index of the first guest of each page, then guests->len. */
  GArray       *page_starts;
};

G_DEFINE_FINAL_TYPE (MqDoorListPdf, mq_door_list_pdf, G_TYPE_OBJECT)

static void
mq_door_list_pdf_finalize (GObject *object)
{
  MqDoorListPdf *self = (MqDoorListPdf *) object;

  g_clear_pointer (&self->event, mq_print_event_free);
  g_clear_pointer (&self->page_starts, g_array_unref);

  G_OBJECT_CLASS (mq_door_list_pdf_parent_class)->finalize (object);
}

static void
mq_door_list_pdf_class_init (MqDoorListPdfClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mq_door_list_pdf_finalize;
}

static void
mq_door_list_pdf_init (MqDoorListPdf *self)
{
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

MqDoorListPdf *
mq_door_list_pdf_new (MqStore  *store,
                      gint64    event_id,
                      GError  **error)
{
  g_autoptr(MqDoorListPdf) self = NULL;
  MqPrintEvent *event;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  if (!(event = mq_print_event_load (store, event_id, error)))
    return NULL;

  self = g_object_new (MQ_TYPE_DOOR_LIST_PDF, NULL);
  self->event = event;
  for (guint i = 0; i < event->guests->len; i++)
    self->n_people += ((MqPrintGuest *) g_ptr_array_index (event->guests, i))->party_size;

  mq_door_list_pdf_paginate (self, MQ_A4_WIDTH, MQ_A4_HEIGHT);
  return g_steal_pointer (&self);
}

guint
mq_door_list_pdf_get_n_guests (MqDoorListPdf *self)
{
  g_return_val_if_fail (MQ_IS_DOOR_LIST_PDF (self), 0);

  return self->event->guests->len;
}

static int
plus_one_rows (const MqPrintGuest *guest)
{
  return guest->party_size - 1 <= MAX_PLUS_ONE_ROWS ? guest->party_size - 1 : 1;
}

static double
party_height (const MqPrintGuest *guest)
{
  return GUEST_ROW + plus_one_rows (guest) * PLUS_ONE_ROW;
}

guint
mq_door_list_pdf_paginate (MqDoorListPdf *self,
                           double         width,
                           double         height)
{
  GPtrArray *guests;
  double room, used = 0;
  guint first = 0;

  g_return_val_if_fail (MQ_IS_DOOR_LIST_PDF (self), 0);
  g_return_val_if_fail (width > 2 * MARGIN + PARTY_COLUMN + MARK_COLUMN, 0);
  g_return_val_if_fail (height > 2 * MARGIN + HEADER + GUEST_ROW, 0);

  self->width = width;
  self->height = height;
  guests = self->event->guests;
  room = height - 2 * MARGIN - HEADER;

  /* A party stays on one page, so its plus-ones are ticked next to them;
   * only a party taller than a page has to break.
   */
  g_array_set_size (self->page_starts, 0);
  g_array_append_val (self->page_starts, first);
  for (guint i = 0; i < guests->len; i++)
    {
      double h = party_height (g_ptr_array_index (guests, i));

      if (used > 0 && used + h > room)
        {
          g_array_append_val (self->page_starts, i);
          used = 0;
        }
      used += h;
    }

  return self->page_starts->len;
}

static void
draw_box (cairo_t *cr,
          double   x,
          double   y,
          double   size)
{
  cairo_set_line_width (cr, 1.2);
  cairo_rectangle (cr, x, y, size, size);
  cairo_stroke (cr);
}

static void
draw_header (MqDoorListPdf *self,
             cairo_t       *cr,
             guint          page,
             guint          n_pages)
{
  g_autoptr(PangoLayout) pages = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) when = NULL;
  g_autoptr(PangoLayout) expected = NULL;
  g_autofree char *pages_text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  g_autofree char *expected_text = g_strdup_printf (ngettext ("%u person expected", "%u people expected",
                                                              self->n_people),
                                                    self->n_people);
  double text_width = self->width - 2 * MARGIN - 130;

  title = mq_print_layout (cr, "Sans Bold 24", self->event->title, text_width, TRUE);
  mq_print_text (cr, title, MARGIN, MARGIN);
  when = mq_print_layout (cr, "Sans 15", self->event->when, text_width, TRUE);
  mq_print_text (cr, when, MARGIN, MARGIN + 26);

  pages = mq_print_layout (cr, "Sans 13", pages_text, -1, FALSE);
  mq_print_text (cr, pages, self->width - MARGIN - mq_print_width (pages), MARGIN + 4);
  expected = mq_print_layout (cr, "Sans 13", expected_text, -1, FALSE);
  mq_print_text (cr, expected, self->width - MARGIN - mq_print_width (expected), MARGIN + 28);

  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, MARGIN, MARGIN + HEADER - 10);
  cairo_line_to (cr, self->width - MARGIN, MARGIN + HEADER - 10);
  cairo_stroke (cr);
}

static double
draw_party (MqDoorListPdf      *self,
            cairo_t            *cr,
            const MqPrintGuest *guest,
            double              y)
{
  double right = self->width - MARGIN;
  double name_width = right - PARTY_COLUMN - MARK_COLUMN - MARGIN - BOX - 18;
  g_autoptr(PangoLayout) name = mq_print_layout (cr, NAME_FONT, guest->name, name_width, TRUE);
  double text_y = y + (GUEST_ROW - mq_print_height (name)) / 2;

  draw_box (cr, MARGIN, y + (GUEST_ROW - BOX) / 2, BOX);
  mq_print_text (cr, name, MARGIN + BOX + 10, text_y);

  /* The newcomer mark is words, not a colour: photocopies are grey. */
  if (guest->newcomer)
    {
      g_autofree char *text = guest->greeter != NULL
        ? g_strdup_printf (_("★ New\ngreeter: %s"), guest->greeter)
        : g_strdup (_("★ New"));
      g_autoptr(PangoLayout) mark = mq_print_layout (cr, MARK_FONT, text, MARK_COLUMN - 8, TRUE);

      /* One line per paragraph: the mark, then the greeter. */
      pango_layout_set_height (mark, -1);

      mq_print_text (cr, mark, right - PARTY_COLUMN - MARK_COLUMN,
                     y + (GUEST_ROW - mq_print_height (mark)) / 2);
    }

  if (guest->party_size > 1)
    {
      g_autofree char *text = g_strdup_printf (_("party of %d"), guest->party_size);
      g_autoptr(PangoLayout) party = mq_print_layout (cr, PARTY_FONT, text, -1, FALSE);

      mq_print_text (cr, party, right - mq_print_width (party),
                     y + (GUEST_ROW - mq_print_height (party)) / 2);
    }

  y += GUEST_ROW;

  for (int i = 1; i <= plus_one_rows (guest); i++)
    {
      g_autofree char *text = guest->party_size - 1 > MAX_PLUS_ONE_ROWS
        ? g_strdup_printf (_("+%d with %s: ____ in"), guest->party_size - 1, guest->name)
        : g_strdup_printf (_("+%d with %s"), i, guest->name);
      g_autoptr(PangoLayout) plus_one = mq_print_layout (cr, PLUS_ONE_FONT, text, name_width - 24, TRUE);

      draw_box (cr, MARGIN + 24, y + (PLUS_ONE_ROW - SMALL_BOX) / 2, SMALL_BOX);
      mq_print_text (cr, plus_one, MARGIN + 24 + SMALL_BOX + 8,
                     y + (PLUS_ONE_ROW - mq_print_height (plus_one)) / 2);
      y += PLUS_ONE_ROW;
    }

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, right, y);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  return y;
}

void
mq_door_list_pdf_draw_page (MqDoorListPdf *self,
                            cairo_t       *cr,
                            guint          page)
{
  GPtrArray *guests;
  guint n_pages, last;
  double y;

  g_return_if_fail (MQ_IS_DOOR_LIST_PDF (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->page_starts->len);

  guests = self->event->guests;
  n_pages = self->page_starts->len;
  last = page + 1 < n_pages ? g_array_index (self->page_starts, guint, page + 1) : guests->len;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_header (self, cr, page, n_pages);

  y = MARGIN + HEADER;
  if (guests->len == 0)
    {
      g_autoptr(PangoLayout) empty = mq_print_layout (cr, NAME_FONT, _("Nobody is going yet."), -1, FALSE);

      mq_print_text (cr, empty, MARGIN, y);
    }

  for (guint i = g_array_index (self->page_starts, guint, page); i < last; i++)
    y = draw_party (self, cr, g_ptr_array_index (guests, i), y);

  cairo_restore (cr);
}

static void
draw_pdf_page (gpointer  user_data,
               cairo_t  *cr,
               guint     page)
{
  mq_door_list_pdf_draw_page (user_data, cr, page);
}

gboolean
mq_door_list_pdf_write (MqDoorListPdf  *self,
                        const char     *path,
                        GError        **error)
{
  guint n_pages;

  g_return_val_if_fail (MQ_IS_DOOR_LIST_PDF (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_pages = mq_door_list_pdf_paginate (self, MQ_A4_WIDTH, MQ_A4_HEIGHT);
  return mq_print_write_pdf (path, self->event->title, MQ_A4_WIDTH, MQ_A4_HEIGHT,
                             n_pages, draw_pdf_page, self, error);
}
