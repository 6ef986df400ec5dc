/* test-people.c: the People page, its rows, and undoing person edits and merges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-fixture.h"

#include <adwaita.h>

#include "mq-people-page.h"
#include "mq-person-row.h"
#include "mq-window.h"

static MqPerson *
person_named (const char *name,
              const char *email)
{
  MqPerson *person = mq_person_new ();

  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  return person;
}

static void
test_row_initials (void)
{
  static const struct { const char *name; const char *initials; } cases[] = {
    { "Ana de Sousa", "AS" },
    { "  zoë   adeyemi ", "ZA" },
    { "Björn", "B" },
    { "王小明", "王" },
    { "Ødegård, Åse", "ØÅ" },
  };
  GtkWidget *row = g_object_ref_sink (mq_person_row_new ());

  g_assert_cmpstr (mq_person_row_get_initials (MQ_PERSON_ROW (row)), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MqPerson) person = person_named (cases[i].name, NULL);

      mq_person_row_set_person (MQ_PERSON_ROW (row), person);
      g_assert_true (mq_person_row_get_person (MQ_PERSON_ROW (row)) == person);
      g_assert_cmpstr (mq_person_row_get_initials (MQ_PERSON_ROW (row)), ==, cases[i].initials);
    }

  mq_person_row_set_person (MQ_PERSON_ROW (row), NULL);
  g_assert_null (mq_person_row_get_person (MQ_PERSON_ROW (row)));
  g_assert_cmpstr (mq_person_row_get_initials (MQ_PERSON_ROW (row)), ==, "");
  g_object_unref (row);
}

static void
collect_rows (GtkWidget  *widget,
              GPtrArray  *rows)
{
  if (MQ_IS_PERSON_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static gboolean
model_has (GListModel *model,
           MqPerson   *person)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MqPerson) at = g_list_model_get_item (model, i);

      if (mq_person_get_id (at) == mq_person_get_id (person))
        return g_str_equal (mq_person_get_name (at), mq_person_get_name (person));
    }

  return FALSE;
}

/* How many rows show someone; each of them must be in @model. */
static guint
count_bound_rows (MqPeoplePage *page,
                  GListModel   *model)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint bound = 0;

  collect_rows (GTK_WIDGET (page), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      MqPerson *person = mq_person_row_get_person (g_ptr_array_index (rows, i));

      if (person != NULL)
        {
          g_assert_true (model_has (model, person));
          bound++;
        }
    }

  return bound;
}

/* The rows show the model's people, also after a search. */
static void
test_list_rows_body (Fixture       *fixture,
                     gconstpointer  data)
{
  MqPeoplePage *page = template_child (fixture->window, MQ_TYPE_WINDOW, "people_page");
  GListModel *model;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "people");
  spin (200);
  model = mq_people_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 100);
  g_assert_cmpuint (count_bound_rows (page, model), >, 10);

  mq_people_page_set_query (page, "zoe");
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 20);
  g_assert_cmpuint (count_bound_rows (page, model), ==, g_list_model_get_n_items (model));
  mq_people_page_set_query (page, NULL);
}

static void
test_list_rows (Fixture       *fixture,
                gconstpointer  data)
{
  run_in_app (fixture, TRUE, test_list_rows_body, data);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/people/row-initials", test_row_initials);
  g_test_add ("/gui/people/list-rows", Fixture, NULL,
              fixture_set_up, test_list_rows, fixture_tear_down);

  return g_test_run ();
}
