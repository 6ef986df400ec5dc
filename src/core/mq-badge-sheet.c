/* mq-badge-sheet.c: name badges with a QR code of the ticket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-badge-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "mq-badge-sheet.h"
#include "mq-error.h"
#include "mq-printout-private.h"

#define SHEET_BADGE_WIDTH  MQ_MM_TO_PT (85.0)
#define SHEET_BADGE_HEIGHT MQ_MM_TO_PT (55.0)
#define SHEET_COLUMNS      2
#define SHEET_ROWS         4
#define LABEL_WIDTH        MQ_MM_TO_PT (101.0)
#define LABEL_HEIGHT       MQ_MM_TO_PT (54.0)

#define PADDING            MQ_MM_TO_PT (4.0)
#define QR_SIZE            MQ_MM_TO_PT (25.0)
#define RIBBON_HEIGHT      MQ_MM_TO_PT (9.0)
/* Scanners need a white margin of four modules around the code. */
#define QR_QUIET_MODULES   4
#define NAME_MAX_POINTS    32
#define NAME_MIN_POINTS    12

struct _MqBadgeSheet
{
  GObject        parent_instance;

  MqPrintEvent  *event;
  MqBadgeLayout  layout;
  MqBadgeFlags   flags;
};

G_DEFINE_FINAL_TYPE (MqBadgeSheet, mq_badge_sheet, G_TYPE_OBJECT)

static void
mq_badge_sheet_finalize (GObject *object)
{
  MqBadgeSheet *self = (MqBadgeSheet *) object;

  g_clear_pointer (&self->event, mq_print_event_free);

  G_OBJECT_CLASS (mq_badge_sheet_parent_class)->finalize (object);
}

static void
mq_badge_sheet_class_init (MqBadgeSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mq_badge_sheet_finalize;
}

static void
mq_badge_sheet_init (MqBadgeSheet *self)
{
}

MqBadgeSheet *
mq_badge_sheet_new (MqStore        *store,
                    gint64          event_id,
                    MqBadgeLayout   layout,
                    MqBadgeFlags    flags,
                    GError        **error)
{
  MqBadgeSheet *self;
  MqPrintEvent *event;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (layout <= MQ_BADGE_LAYOUT_LABEL, NULL);

  if (!(event = mq_print_event_load (store, event_id, error)))
    return NULL;

  self = g_object_new (MQ_TYPE_BADGE_SHEET, NULL);
  self->event = event;
  self->layout = layout;
  self->flags = flags;

  return self;
}

guint
mq_badge_sheet_get_n_badges (MqBadgeSheet *self)
{
  g_return_val_if_fail (MQ_IS_BADGE_SHEET (self), 0);

  return self->event->guests->len;
}

static guint
badges_per_page (MqBadgeSheet *self)
{
  return self->layout == MQ_BADGE_LAYOUT_A4_SHEET ? SHEET_COLUMNS * SHEET_ROWS : 1;
}

guint
mq_badge_sheet_get_n_pages (MqBadgeSheet *self)
{
  guint per_page;

  g_return_val_if_fail (MQ_IS_BADGE_SHEET (self), 0);

  per_page = badges_per_page (self);
  /* An empty event still prints one (empty) page rather than an invalid PDF. */
  return MAX (1, (self->event->guests->len + per_page - 1) / per_page);
}

void
mq_badge_sheet_get_page_size (MqBadgeSheet *self,
                              double       *width,
                              double       *height)
{
  g_return_if_fail (MQ_IS_BADGE_SHEET (self));

  *width = self->layout == MQ_BADGE_LAYOUT_A4_SHEET ? MQ_A4_WIDTH : LABEL_WIDTH;
  *height = self->layout == MQ_BADGE_LAYOUT_A4_SHEET ? MQ_A4_HEIGHT : LABEL_HEIGHT;
}

/* The code as dark squares, each row's runs merged into one rectangle so a
 * rasterizer leaves no hairline seams for the scanner to trip on.
 */
static void
draw_qr (cairo_t    *cr,
         const char *text,
         double      x,
         double      y,
         double      size)
{
  QRcode *qr = QRcode_encodeString (text, 0, QR_ECLEVEL_Q, QR_MODE_8, 1);
  double module;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);

  if (qr == NULL)
    {
      g_warning ("Could not encode the ticket code “%s” as a QR code", text);
      cairo_restore (cr);
      return;
    }

  module = size / (qr->width + 2 * QR_QUIET_MODULES);
  x += QR_QUIET_MODULES * module;
  y += QR_QUIET_MODULES * module;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < qr->width; row++)
    {
      int column = 0;

      while (column < qr->width)
        {
          int start;

          if (!(qr->data[row * qr->width + column] & 1))
            {
              column++;
              continue;
            }

          start = column;
          while (column < qr->width && (qr->data[row * qr->width + column] & 1))
            column++;
          cairo_rectangle (cr, x + start * module, y + row * module,
                           (column - start) * module, module);
        }
    }
  cairo_fill (cr);
  cairo_restore (cr);
  QRcode_free (qr);
}

/* The largest size from NAME_MAX_POINTS down at which the name fits in two
 * lines of @width x @height without breaking a word; at the smallest size
 * a name that still does not fit is broken and ellipsized.
 */
static PangoLayout *
fit_name (cairo_t    *cr,
          const char *name,
          double      width,
          double      height)
{
  PangoLayout *layout;

  for (int points = NAME_MAX_POINTS; points > NAME_MIN_POINTS; points--)
    {
      g_autofree char *font = g_strdup_printf ("Sans Bold %d", points);
      g_autoptr(PangoLayout) candidate = mq_print_layout (cr, font, name, width, FALSE);
      PangoRectangle extents;

      pango_layout_set_wrap (candidate, PANGO_WRAP_WORD);
      pango_layout_get_pixel_extents (candidate, NULL, &extents);
      if (pango_layout_get_line_count (candidate) <= 2 &&
          extents.height <= height && extents.width <= width)
        return g_steal_pointer (&candidate);
    }

  layout = mq_print_layout (cr, "Sans Bold " G_STRINGIFY (NAME_MIN_POINTS), name, width, TRUE);
  pango_layout_set_height (layout, -2);
  return layout;
}

/* The ribbon's words on one line, from 13 points down to 9, then ellipsized. */
static PangoLayout *
fit_line (cairo_t    *cr,
          const char *text,
          double      width)
{
  for (int points = 13; points >= 9; points--)
    {
      g_autofree char *font = g_strdup_printf ("Sans Bold %d", points);
      g_autoptr(PangoLayout) layout = mq_print_layout (cr, font, text, -1, FALSE);

      if (mq_print_width (layout) <= width || points == 9)
        {
          pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          return g_steal_pointer (&layout);
        }
    }

  g_assert_not_reached ();
}

static void
draw_badge (MqBadgeSheet       *self,
            cairo_t            *cr,
            const MqPrintGuest *guest,
            double              width,
            double              height)
{
  gboolean ribbon = guest->newcomer && (self->flags & MQ_BADGE_NEWCOMER_RIBBON);
  double text_width = width - 3 * PADDING - QR_SIZE;
  double bottom = height - PADDING - (ribbon ? RIBBON_HEIGHT : 0);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) code = NULL;
  double y;

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  title = mq_print_layout (cr, "Sans 9", self->event->title, text_width, TRUE);
  mq_print_text (cr, title, PADDING, PADDING);
  y = PADDING + mq_print_height (title) + MQ_MM_TO_PT (2);

  cairo_set_source_rgb (cr, 0, 0, 0);
  name = fit_name (cr, guest->name, text_width, (bottom - y) * 0.6);
  mq_print_text (cr, name, PADDING, y);
  y += mq_print_height (name) + MQ_MM_TO_PT (1.5);

  if (guest->pronouns != NULL)
    {
      g_autoptr(PangoLayout) pronouns = mq_print_layout (cr, "Sans Italic 13", guest->pronouns, text_width, TRUE);

      mq_print_text (cr, pronouns, PADDING, y);
      y += mq_print_height (pronouns) + MQ_MM_TO_PT (1);
    }

  if (guest->handle != NULL && y < bottom)
    {
      g_autoptr(PangoLayout) handle = mq_print_layout (cr, "Sans 12", guest->handle, text_width, TRUE);

      mq_print_text (cr, handle, PADDING, y);
    }

  draw_qr (cr, guest->ticket_code, width - PADDING - QR_SIZE, PADDING, QR_SIZE);
  code = mq_print_layout (cr, "Monospace 9", guest->ticket_code, -1, FALSE);
  mq_print_text (cr, code, width - PADDING - QR_SIZE + (QR_SIZE - mq_print_width (code)) / 2,
                 PADDING + QR_SIZE);

  if (ribbon)
    {
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) label = NULL;

      if (guest->greeter != NULL && (self->flags & MQ_BADGE_GREETER_NAME))
        text = g_strdup_printf (_("First time here · greeter: %s"), guest->greeter);
      else
        text = g_strdup (_("First time here"));

      cairo_set_source_rgb (cr, 0.10, 0.32, 0.62);
      cairo_rectangle (cr, 0, height - RIBBON_HEIGHT, width, RIBBON_HEIGHT);
      cairo_fill (cr);

      cairo_set_source_rgb (cr, 1, 1, 1);
      label = fit_line (cr, text, width - 2 * PADDING);
      pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
      mq_print_text (cr, label, PADDING,
                     height - RIBBON_HEIGHT + (RIBBON_HEIGHT - mq_print_height (label)) / 2);
    }
}

static void
draw_cut_marks (cairo_t *cr,
                double   x,
                double   y,
                double   width,
                double   height)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.3);
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
mq_badge_sheet_draw_page (MqBadgeSheet *self,
                          cairo_t      *cr,
                          guint         page)
{
  GPtrArray *guests;
  guint per_page, first;
  double page_width, page_height, badge_width, badge_height, left, top;

  g_return_if_fail (MQ_IS_BADGE_SHEET (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < mq_badge_sheet_get_n_pages (self));

  guests = self->event->guests;
  per_page = badges_per_page (self);
  first = page * per_page;
  mq_badge_sheet_get_page_size (self, &page_width, &page_height);

  if (self->layout == MQ_BADGE_LAYOUT_A4_SHEET)
    {
      badge_width = SHEET_BADGE_WIDTH;
      badge_height = SHEET_BADGE_HEIGHT;
    }
  else
    {
      badge_width = page_width;
      badge_height = page_height;
    }
  left = (page_width - SHEET_COLUMNS * badge_width) / 2;
  top = (page_height - SHEET_ROWS * badge_height) / 2;

  for (guint i = first; i < guests->len && i < first + per_page; i++)
    {
      guint slot = i - first;
      double x = 0, y = 0;

      if (self->layout == MQ_BADGE_LAYOUT_A4_SHEET)
        {
          x = left + (slot % SHEET_COLUMNS) * badge_width;
          y = top + (slot / SHEET_COLUMNS) * badge_height;
        }

      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_rectangle (cr, 0, 0, badge_width, badge_height);
      cairo_clip (cr);
      draw_badge (self, cr, g_ptr_array_index (guests, i), badge_width, badge_height);
      cairo_restore (cr);

      if (self->layout == MQ_BADGE_LAYOUT_A4_SHEET)
        draw_cut_marks (cr, x, y, badge_width, badge_height);
    }
}

static void
draw_pdf_page (gpointer  user_data,
               cairo_t  *cr,
               guint     page)
{
  mq_badge_sheet_draw_page (user_data, cr, page);
}

gboolean
mq_badge_sheet_write (MqBadgeSheet  *self,
                      const char    *path,
                      GError       **error)
{
  double width, height;

  g_return_val_if_fail (MQ_IS_BADGE_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  mq_badge_sheet_get_page_size (self, &width, &height);
  return mq_print_write_pdf (path, self->event->title, width, height,
                             mq_badge_sheet_get_n_pages (self), draw_pdf_page, self, error);
}
