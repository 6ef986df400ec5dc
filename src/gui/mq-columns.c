/* mq-columns.c: two columns side by side when there is room, stacked when not
 *
 * libadwaita 1.2 has no breakpoints, and GtkFlowBox chooses its columns by
 * the children's natural widths, which a text view makes as wide as its
 * longest line; this container decides by its own width alone. Children
 * come from .ui files as <child> elements, in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-columns"

#include "config.h"

#include "mq-columns.h"

/* Each column at least this wide before two go side by side. */
#define COLUMN_MIN_WIDTH 360
#define SPACING 24

struct _MqColumns
{
  GtkWidget parent_instance;
  gboolean  side_by_side;
};

G_DEFINE_FINAL_TYPE (MqColumns, mq_columns, GTK_TYPE_WIDGET)

static gboolean
fits_side_by_side (int width)
{
  return width >= 2 * COLUMN_MIN_WIDTH + SPACING;
}

static int
count_visible (MqColumns *self)
{
  int n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_should_layout (child);
  return n;
}

static void
mq_columns_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  MqColumns *self = MQ_COLUMNS (widget);
  int n = count_visible (self);
  gboolean side_by_side = orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 && fits_side_by_side (for_size);
  int column_width = side_by_side ? (for_size - SPACING * (n - 1)) / MAX (n, 1) : for_size;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, column_width, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* Narrow: one column; natural: all of them in a row. */
          *minimum = MAX (*minimum, child_min);
          *natural += child_nat;
        }
      else if (side_by_side)
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          *minimum += child_min;
          *natural += child_nat;
        }
    }

  if (n > 1 && (orientation == GTK_ORIENTATION_HORIZONTAL || !side_by_side))
    {
      if (orientation == GTK_ORIENTATION_VERTICAL)
        *minimum += SPACING * (n - 1);
      *natural += SPACING * (n - 1);
    }
}

static void
mq_columns_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  MqColumns *self = MQ_COLUMNS (widget);
  int n = count_visible (self);
  int offset = 0;

  self->side_by_side = n > 1 && fits_side_by_side (width);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation allocation;

      if (!gtk_widget_should_layout (child))
        continue;
      if (self->side_by_side)
        {
          int column_width = (width - SPACING * (n - 1)) / n;

          allocation = (GtkAllocation) { offset, 0, column_width, height };
          offset += column_width + SPACING;
        }
      else
        {
          int child_height;

          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_height, NULL, NULL, NULL);
          allocation = (GtkAllocation) { 0, offset, width, child_height };
          offset += child_height + SPACING;
        }
      gtk_widget_size_allocate (child, &allocation, -1);
    }
}

static GtkSizeRequestMode
mq_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

gboolean
mq_columns_get_side_by_side (MqColumns *self)
{
  g_return_val_if_fail (MQ_IS_COLUMNS (self), FALSE);

  return self->side_by_side;
}

static void
mq_columns_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mq_columns_parent_class)->dispose (object);
}

static void
mq_columns_class_init (MqColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_columns_dispose;
  widget_class->measure = mq_columns_measure;
  widget_class->size_allocate = mq_columns_size_allocate;
  widget_class->get_request_mode = mq_columns_get_request_mode;
}

static void
mq_columns_init (MqColumns *self)
{
}
