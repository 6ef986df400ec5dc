/* mq-wrap-box.c: children in a row that wraps, each at its natural width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-wrap-box"

#include "config.h"

#include "mq-wrap-box.h"

/* GtkFlowBox lines its children up in columns as wide as the widest, which
 * left holes between filter chips and sent one chip to a second line where
 * all of them fitted; libadwaita's wrap box came after 1.2. This one puts
 * each child at its natural width and starts a new line when the next one
 * does not fit.
 */
struct _MqWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
};

G_DEFINE_FINAL_TYPE (MqWrapBox, mq_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
child_width (GtkWidget *child,
             int        available)
{
  int minimum, natural;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return CLAMP (natural, minimum, MAX (minimum, available));
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int minimum, natural;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  return natural;
}

/* Lays the children out in @width; places them when @allocate. Returns the
 * height they take.
 */
static int
flow (MqWrapBox *self,
      int        width,
      gboolean   allocate)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkWidget *line_start = gtk_widget_get_first_child (GTK_WIDGET (self));
  int y = 0;

  while (line_start != NULL)
    {
      GtkWidget *child = line_start;
      GtkWidget *next_line = NULL;
      int x = 0, line_height = 0;
      guint n = 0;

      /* Which children fit on this line, and how tall it is. */
      for (; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          if (!gtk_widget_should_layout (child))
            continue;

          w = child_width (child, width);
          if (n > 0 && x + self->spacing + w > width)
            break;

          x += (n > 0 ? self->spacing : 0) + w;
          line_height = MAX (line_height, child_height (child, w));
          n++;
        }
      next_line = child;

      if (allocate)
        {
          x = 0;
          for (child = line_start; child != next_line; child = gtk_widget_get_next_sibling (child))
            {
              int w;

              if (!gtk_widget_should_layout (child))
                continue;

              w = child_width (child, width);
              gtk_widget_size_allocate (child,
                                        &(GtkAllocation) { rtl ? width - x - w : x, y, w, line_height },
                                        -1);
              x += w + self->spacing;
            }
        }

      if (n > 0)
        y += line_height + self->spacing;
      line_start = next_line;
    }

  return MAX (0, y - self->spacing);
}

static GtkSizeRequestMode
mq_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mq_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  MqWrapBox *self = MQ_WRAP_BOX (widget);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint n = 0;

      /* As narrow as the widest child, as wide as all in one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_minimum, child_natural;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &child_minimum, &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural += (n++ > 0 ? self->spacing : 0) + child_natural;
        }
    }
  else
    {
      int width = for_size;
      int narrowest;

      /* Asked without a width: the height of one line. */
      if (width < 0)
        mq_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &narrowest, &width, NULL, NULL);
      *minimum = *natural = flow (self, width, FALSE);
    }
}

static void
mq_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  flow (MQ_WRAP_BOX (widget), width, TRUE);
}

static void
mq_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mq_wrap_box_parent_class)->dispose (object);
}

static void
mq_wrap_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MqWrapBox *self = MQ_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_wrap_box_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MqWrapBox *self = MQ_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      if (self->spacing != g_value_get_int (value))
        {
          self->spacing = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_wrap_box_class_init (MqWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_wrap_box_dispose;
  object_class->get_property = mq_wrap_box_get_property;
  object_class->set_property = mq_wrap_box_set_property;
  widget_class->get_request_mode = mq_wrap_box_get_request_mode;
  widget_class->measure = mq_wrap_box_measure;
  widget_class->size_allocate = mq_wrap_box_size_allocate;

  /**
   * MqWrapBox:spacing:
   *
   * Pixels between children, across and between lines.
   */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mq_wrap_box_init (MqWrapBox *self)
{
}

GtkWidget *
mq_wrap_box_new (void)
{
  return g_object_new (MQ_TYPE_WRAP_BOX, NULL);
}
