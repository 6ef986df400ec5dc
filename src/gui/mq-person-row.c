/* mq-person-row.c: one person in a directory list, drawn in one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-person-row"

#include "config.h"

#include "mq-person-row.h"

/* GTK 4.8's list view keeps about 200 rows alive whatever the screen shows,
 * and a search replaces all of them at every keystroke. A row made of an
 * AdwAvatar, two boxes and two labels was ten widgets and 16 KB, each with
 * its own Pango context; this one is one widget whose three layouts share
 * the widget's context, and only the twenty or so rows on screen ever lay
 * out their text: the height comes from the font's metrics, the same for
 * every row (docs/PERFORMANCE.md).
 */
#define AVATAR_SIZE  32
#define SPACING      12
#define CAPTION_SIZE 9      /* points, as libadwaita's .caption */
#define DIM_OPACITY  0.55f  /* as libadwaita's .dim-label */

/* libadwaita's avatar palette (avatar.color1 … color14): top and bottom of
 * the gradient, then the initials.
 */
static const guint32 palette[][3] = {
  { 0x83b6ec, 0x337fdc, 0xcfe1f5 },
  { 0x7ad9f1, 0x0f9ac8, 0xcaeaf2 },
  { 0x8de6b1, 0x29ae74, 0xcef8d8 },
  { 0xb5e98a, 0x6ab85b, 0xe6f9d7 },
  { 0xf8e359, 0xd29d09, 0xf9f4e1 },
  { 0xffcb62, 0xd68400, 0xffead1 },
  { 0xffa95a, 0xed5b00, 0xffe5c5 },
  { 0xf78773, 0xe62d42, 0xf8d2ce },
  { 0xe973ab, 0xe33b6a, 0xfac7de },
  { 0xcb78d4, 0x9945b5, 0xe7c2e8 },
  { 0x9e91e8, 0x7a59ca, 0xd5d2f5 },
  { 0xe3cf9c, 0xb08952, 0xf2eade },
  { 0xbe916d, 0x785336, 0xe5d6ca },
  { 0xc0bfbc, 0x6e6d71, 0xd8d7d3 },
};

struct _MqPersonRow
{
  GtkWidget    parent_instance;

  MqPerson    *person;           /* (nullable) */
  char        *initials;
  guint        color;            /* index into palette */
  guint        font_hash;        /* of the font the layouts and lines are for */
  int          name_line;        /* height of a line of the name, from the metrics */
  int          detail_line;
  PangoLayout *initials_layout;  /* (nullable) until needed */
  PangoLayout *name_layout;
  PangoLayout *detail_layout;
};

G_DEFINE_FINAL_TYPE (MqPersonRow, mq_person_row, GTK_TYPE_WIDGET)

static void
rgb_to_rgba (guint32  rgb,
             GdkRGBA *rgba)
{
  rgba->red = ((rgb >> 16) & 0xff) / 255.f;
  rgba->green = ((rgb >> 8) & 0xff) / 255.f;
  rgba->blue = (rgb & 0xff) / 255.f;
  rgba->alpha = 1.f;
}

/* The first letter of the first and of the last word, in upper case. */
static char *
initials_of (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name != NULL ? name : "", " \t", -1);
  GString *initials = g_string_new (NULL);
  const char *first = NULL;
  const char *last = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0' || !g_utf8_validate (words[i], -1, NULL))
        continue;
      if (first == NULL)
        first = words[i];
      else
        last = words[i];
    }

  if (first != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (first)));
  if (last != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (last)));

  return g_string_free (initials, FALSE);
}

/* What the second line shows: how to reach the person. */
static const char *
detail_of (MqPerson *person)
{
  const char *candidates[] = {
    mq_person_get_email (person), mq_person_get_mastodon (person), mq_person_get_bluesky (person),
    mq_person_get_phone (person),
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (candidates[i] != NULL && candidates[i][0] != '\0')
        return candidates[i];
    }

  return "";
}

static void
clear_layouts (MqPersonRow *self)
{
  g_clear_object (&self->initials_layout);
  g_clear_object (&self->name_layout);
  g_clear_object (&self->detail_layout);
  self->name_line = 0;
}

static PangoFontDescription *
caption_font (const PangoFontDescription *base)
{
  PangoFontDescription *caption = pango_font_description_copy (base);

  pango_font_description_set_size (caption, CAPTION_SIZE * PANGO_SCALE);
  return caption;
}

static int
line_height (PangoContext               *context,
             const PangoFontDescription *font)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (context, font, NULL);
  int height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));

  pango_font_metrics_unref (metrics);
  return height;
}

/* Asking Pango for metrics shapes sample text: done once per font for all
 * the rows, not once per row.
 */
static void
ensure_lines (MqPersonRow *self)
{
  static guint cached_hash;
  static int cached_name_line, cached_detail_line;
  PangoContext *context;
  const PangoFontDescription *base;
  g_autoptr(PangoFontDescription) caption = NULL;
  guint hash;

  if (self->name_line > 0)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  base = pango_context_get_font_description (context);
  hash = pango_font_description_hash (base);
  if (hash != cached_hash || cached_name_line == 0)
    {
      caption = caption_font (base);
      cached_name_line = line_height (context, base);
      cached_detail_line = line_height (context, caption);
      cached_hash = hash;
    }

  self->font_hash = hash;
  self->name_line = cached_name_line;
  self->detail_line = cached_detail_line;
}

static PangoLayout *
new_layout (MqPersonRow                *self,
            const char                 *text,
            const PangoFontDescription *font)
{
  PangoLayout *layout = pango_layout_new (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* Like a label with xalign 0: at the start of the row in both directions. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);

  return layout;
}

static void
ensure_layouts (MqPersonRow *self)
{
  const PangoFontDescription *base;
  g_autoptr(PangoFontDescription) caption = NULL;
  g_autoptr(PangoFontDescription) initials = NULL;

  if (self->name_layout != NULL)
    return;

  ensure_lines (self);
  base = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  caption = caption_font (base);
  initials = pango_font_description_copy (base);
  pango_font_description_set_weight (initials, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (initials, AVATAR_SIZE * 0.36 * PANGO_SCALE);

  self->name_layout = new_layout (self, self->person != NULL ? mq_person_get_name (self->person) : "", base);
  self->detail_layout = new_layout (self, self->person != NULL ? detail_of (self->person) : "", caption);
  self->initials_layout = new_layout (self, self->initials, initials);
  pango_layout_set_ellipsize (self->initials_layout, PANGO_ELLIPSIZE_NONE);
}

/* Two lines even without an address, so that every row is as tall. */
static int
text_height (MqPersonRow *self)
{
  ensure_lines (self);
  return self->name_line + self->detail_line;
}

static void
mq_person_row_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  MqPersonRow *self = MQ_PERSON_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Names and addresses are ellipsized in the width the list pane has;
       * measuring them would shape the text of every row kept off screen.
       */
      *minimum = *natural = AVATAR_SIZE + SPACING;
    }
  else
    {
      *minimum = *natural = MAX (AVATAR_SIZE, text_height (self));
    }
}

static void
mq_person_row_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  MqPersonRow *self = MQ_PERSON_ROW (widget);
  int text_width = MAX (0, width - AVATAR_SIZE - SPACING);

  if (self->name_layout == NULL)
    return;

  pango_layout_set_width (self->name_layout, text_width * PANGO_SCALE);
  pango_layout_set_width (self->detail_layout, text_width * PANGO_SCALE);
}

static void
snapshot_avatar (MqPersonRow *self,
                 GtkSnapshot *snapshot,
                 float        x,
                 float        y)
{
  graphene_rect_t box = GRAPHENE_RECT_INIT (x, y, AVATAR_SIZE, AVATAR_SIZE);
  GskRoundedRect circle;
  GskColorStop stops[2];
  GdkRGBA foreground;
  PangoRectangle logical;

  gsk_rounded_rect_init_from_rect (&circle, &box, AVATAR_SIZE / 2.f);
  stops[0].offset = 0.f;
  stops[1].offset = 1.f;
  rgb_to_rgba (palette[self->color][0], &stops[0].color);
  rgb_to_rgba (palette[self->color][1], &stops[1].color);
  rgb_to_rgba (palette[self->color][2], &foreground);

  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_linear_gradient (snapshot, &box,
                                       &GRAPHENE_POINT_INIT (x, y),
                                       &GRAPHENE_POINT_INIT (x, y + AVATAR_SIZE),
                                       stops, G_N_ELEMENTS (stops));
  gtk_snapshot_pop (snapshot);

  pango_layout_get_pixel_extents (self->initials_layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (x + (AVATAR_SIZE - logical.width) / 2.f - logical.x,
                                                y + (AVATAR_SIZE - logical.height) / 2.f - logical.y));
  gtk_snapshot_append_layout (snapshot, self->initials_layout, &foreground);
  gtk_snapshot_restore (snapshot);
}

static void
mq_person_row_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  MqPersonRow *self = MQ_PERSON_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float text_x = rtl ? 0.f : AVATAR_SIZE + SPACING;
  float text_y;
  GdkRGBA color, dim;

  if (self->name_layout == NULL)
    {
      ensure_layouts (self);
      mq_person_row_size_allocate (widget, width, height, -1);
    }
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  dim = color;
  dim.alpha *= DIM_OPACITY;

  snapshot_avatar (self, snapshot, rtl ? width - AVATAR_SIZE : 0.f, (height - AVATAR_SIZE) / 2.f);

  text_y = (height - text_height (self)) / 2.f;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (text_x, text_y));
  gtk_snapshot_append_layout (snapshot, self->name_layout, &color);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0.f, self->name_line));
  gtk_snapshot_append_layout (snapshot, self->detail_layout, &dim);
  gtk_snapshot_restore (snapshot);
}

static void
mq_person_row_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  MqPersonRow *self = MQ_PERSON_ROW (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (mq_person_row_parent_class)->css_changed (widget, change);

  /* Hover and selection change the style too; only a new font (text
   * scaling, another font in the settings) changes the layouts.
   */
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->name_line > 0 && pango_font_description_hash (font) != self->font_hash)
    {
      clear_layouts (self);
      gtk_widget_queue_resize (widget);
    }
}

static void
mq_person_row_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  clear_layouts (MQ_PERSON_ROW (widget));
  gtk_widget_queue_resize (widget);
}

static void
mq_person_row_dispose (GObject *object)
{
  MqPersonRow *self = MQ_PERSON_ROW (object);

  clear_layouts (self);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (mq_person_row_parent_class)->dispose (object);
}

static void
mq_person_row_finalize (GObject *object)
{
  MqPersonRow *self = MQ_PERSON_ROW (object);

  g_clear_pointer (&self->initials, g_free);

  G_OBJECT_CLASS (mq_person_row_parent_class)->finalize (object);
}

static void
mq_person_row_class_init (MqPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_person_row_dispose;
  object_class->finalize = mq_person_row_finalize;
  widget_class->measure = mq_person_row_measure;
  widget_class->size_allocate = mq_person_row_size_allocate;
  widget_class->snapshot = mq_person_row_snapshot;
  widget_class->css_changed = mq_person_row_css_changed;
  widget_class->direction_changed = mq_person_row_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "personrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
mq_person_row_init (MqPersonRow *self)
{
  self->initials = g_strdup ("");
  gtk_widget_set_margin_top (GTK_WIDGET (self), 3);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 3);
}

GtkWidget *
mq_person_row_new (void)
{
  return g_object_new (MQ_TYPE_PERSON_ROW, NULL);
}

void
mq_person_row_set_person (MqPersonRow *self,
                          MqPerson    *person)
{
  g_autofree char *label = NULL;

  g_return_if_fail (MQ_IS_PERSON_ROW (self));
  g_return_if_fail (person == NULL || MQ_IS_PERSON (person));

  if (!g_set_object (&self->person, person))
    return;

  g_free (self->initials);
  self->initials = initials_of (person != NULL ? mq_person_get_name (person) : NULL);
  /* The colour AdwAvatar would pick for the same name elsewhere in the app. */
  self->color = person != NULL ? g_str_hash (mq_person_get_name (person)) % G_N_ELEMENTS (palette) : 0;

  if (person != NULL)
    {
      const char *detail = detail_of (person);

      label = *detail != '\0' ? g_strdup_printf ("%s, %s", mq_person_get_name (person), detail)
                              : g_strdup (mq_person_get_name (person));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : "", -1);

  clear_layouts (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

MqPerson *
mq_person_row_get_person (MqPersonRow *self)
{
  g_return_val_if_fail (MQ_IS_PERSON_ROW (self), NULL);

  return self->person;
}

const char *
mq_person_row_get_initials (MqPersonRow *self)
{
  g_return_val_if_fail (MQ_IS_PERSON_ROW (self), NULL);

  return self->initials;
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  gtk_list_item_set_child (item, mq_person_row_new ());
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  mq_person_row_set_person (MQ_PERSON_ROW (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item));
}

static void
unbind_item (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  mq_person_row_set_person (MQ_PERSON_ROW (gtk_list_item_get_child (item)), NULL);
}

GtkListItemFactory *
mq_person_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item), NULL);

  return factory;
}
