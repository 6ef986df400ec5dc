/* mq-person-list-model.c: the directory as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-person-list-model"

#include "config.h"

#include "mq-person-directory-private.h"
#include "mq-person-list-model.h"
#include "mq-store-private.h"

/* A list view asks for the rows around what is on screen; 100 rows is a few
 * screens, and the 4 most recently used pages cover the screen and its
 * neighbours while scrolling back and forth. Every loaded person costs about
 * a kilobyte, so keeping more pages showed up in the window's memory
 * (docs/PERFORMANCE.md) without making scrolling any smoother.
 */
#define PAGE_SIZE       100
#define MAX_PAGES       4

struct _MqPersonListModel
{
  GObject            parent_instance;

  MqStore           *store;
  MqPersonDirectory *directory;
  gulong             changed_id;

  char              *query;        /* (nullable) trimmed, NULL when empty */
  guint              n_items;
  GArray            *ids;          /* (nullable) every person's id in name order */
  GArray            *result_ids;   /* (nullable) ids of the search results when query is set */
  GHashTable        *pages;        /* page number -> GPtrArray of MqPerson */
  GQueue             page_order;   /* page numbers, least recently used first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MqPersonListModel, mq_person_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
mq_person_list_model_get_item_type (GListModel *model)
{
  return MQ_TYPE_PERSON;
}

static guint
mq_person_list_model_get_n_items (GListModel *model)
{
  return MQ_PERSON_LIST_MODEL (model)->n_items;
}

/* One statement with a placeholder per row of a page: the SQL is fixed,
 * only the bound ids change.
 */
static const char *
page_sql (void)
{
  static gsize sql = 0;

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new (PERSON_SELECT "WHERE p.id IN (?1");

      for (guint i = 2; i <= PAGE_SIZE; i++)
        g_string_append_printf (text, ", ?%u", i);
      g_string_append (text, ")");
      g_once_init_leave (&sql, (gsize) g_string_free (text, FALSE));
    }

  return (const char *) sql;
}

/* Looking rows up by id keeps a page at the end of the directory as cheap
 * as the first one; LIMIT/OFFSET would sort and skip every row before it.
 */
/* The rows shown: the search results, or the whole directory. */
static GArray *
shown_ids (MqPersonListModel *self)
{
  return self->result_ids != NULL ? self->result_ids : self->ids;
}

static GPtrArray *
read_page (MqPersonListModel  *self,
           guint               page,
           GError            **error)
{
  GArray *ids = shown_ids (self);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autofree gint64 *keys = NULL;
  GPtrArray *rows;
  sqlite3_stmt *stmt;
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, ids->len - first);

  if (!(stmt = mq_store_prepare (self->store, page_sql (), error)))
    return NULL;

  for (guint i = 0; i < PAGE_SIZE; i++)
    {
      if (i < n)
        sqlite3_bind_int64 (stmt, i + 1, g_array_index (ids, gint64, first + i));
      else
        sqlite3_bind_null (stmt, i + 1);
    }

  if (!(found = _mq_person_collect (self->store, stmt, error)))
    return NULL;

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  keys = g_new (gint64, MAX (found->len, 1));
  for (guint i = 0; i < found->len; i++)
    {
      MqPerson *person = g_ptr_array_index (found, i);

      keys[i] = mq_person_get_id (person);
      g_hash_table_insert (by_id, &keys[i], person);
    }

  rows = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (ids, gint64, first + i);
      MqPerson *person = g_hash_table_lookup (by_id, &id);

      /* Deleted since the ids were read: the next reload drops the row. */
      if (person == NULL)
        break;
      g_ptr_array_add (rows, g_object_ref (person));
    }

  return rows;
}

static GArray *
read_ids (MqPersonListModel  *self,
          GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  /* The directory's own order (mq_person_directory_list ()). */
  if (!(stmt = mq_store_prepare (self->store,
                                 "SELECT id FROM people ORDER BY name_key, id",
                                 error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (!mq_store_propagate (self->store, rc, error))
    return NULL;

  return g_steal_pointer (&ids);
}

static GPtrArray *
load_page (MqPersonListModel *self,
           guint              page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    {
      GList *link = g_queue_find (&self->page_order, GUINT_TO_POINTER (page));

      g_queue_unlink (&self->page_order, link);
      g_queue_push_tail_link (&self->page_order, link);
      return rows;
    }

  rows = read_page (self, page, &error);
  if (rows == NULL)
    {
      g_warning ("Could not read people %u to %u: %s",
                 page * PAGE_SIZE, (page + 1) * PAGE_SIZE, error->message);
      return NULL;
    }

  if (g_queue_get_length (&self->page_order) >= MAX_PAGES)
    {
      gpointer oldest = g_queue_pop_head (&self->page_order);
      g_hash_table_remove (self->pages, oldest);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));

  return rows;
}

static gpointer
mq_person_list_model_get_item (GListModel *model,
                               guint       position)
{
  MqPersonListModel *self = MQ_PERSON_LIST_MODEL (model);
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  rows = load_page (self, position / PAGE_SIZE);
  /* Someone may have deleted people since we counted them. */
  if (rows == NULL || position % PAGE_SIZE >= rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mq_person_list_model_get_item_type;
  iface->get_n_items = mq_person_list_model_get_n_items;
  iface->get_item = mq_person_list_model_get_item;
}

static void
forget_pages (MqPersonListModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  g_clear_pointer (&self->result_ids, g_array_unref);
}

/* Switching between a search and the whole directory keeps the ids: only
 * a change of people makes them stale.
 */
static void
refresh (MqPersonListModel *self)
{
  guint old_n_items = self->n_items;

  forget_pages (self);

  if (self->query != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Only the ids: the rows on screen are loaded a page at a time like
       * the whole directory's, so 500 matches cost 4 KB, not 500 people.
       */
      self->result_ids = mq_person_directory_search_ids (self->directory, self->query,
                                                         MQ_PERSON_LIST_MODEL_SEARCH_LIMIT, &error);
      if (self->result_ids == NULL)
        {
          g_warning ("Could not search the directory: %s", error->message);
          self->result_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        }
      self->n_items = self->result_ids->len;
    }
  else if (self->ids == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->ids = read_ids (self, &error);
      if (self->ids == NULL)
        {
          g_warning ("Could not list the directory: %s", error->message);
          self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        }
      self->n_items = self->ids->len;
    }
  else
    {
      self->n_items = self->ids->len;
    }

  if (old_n_items != 0 || self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}

void
mq_person_list_model_reload (MqPersonListModel *self)
{
  g_return_if_fail (MQ_IS_PERSON_LIST_MODEL (self));

  g_clear_pointer (&self->ids, g_array_unref);
  refresh (self);
}

static void
on_store_changed (MqStore           *store,
                  const char        *what,
                  MqPersonListModel *self)
{
  mq_person_list_model_reload (self);
}

static void
mq_person_list_model_dispose (GObject *object)
{
  MqPersonListModel *self = (MqPersonListModel *) object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  forget_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_object (&self->directory);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_person_list_model_parent_class)->dispose (object);
}

static void
mq_person_list_model_finalize (GObject *object)
{
  MqPersonListModel *self = (MqPersonListModel *) object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (mq_person_list_model_parent_class)->finalize (object);
}

static void
mq_person_list_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MqPersonListModel *self = MQ_PERSON_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_person_list_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MqPersonListModel *self = MQ_PERSON_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      mq_person_list_model_set_query (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_person_list_model_class_init (MqPersonListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mq_person_list_model_dispose;
  object_class->finalize = mq_person_list_model_finalize;
  object_class->get_property = mq_person_list_model_get_property;
  object_class->set_property = mq_person_list_model_set_property;

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mq_person_list_model_init (MqPersonListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

MqPersonListModel *
mq_person_list_model_new (MqStore *store)
{
  MqPersonListModel *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_PERSON_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  self->directory = mq_person_directory_new (store);
  self->changed_id = g_signal_connect (store, "changed::people",
                                       G_CALLBACK (on_store_changed), self);
  mq_person_list_model_reload (self);

  return self;
}

const char *
mq_person_list_model_get_query (MqPersonListModel *self)
{
  g_return_val_if_fail (MQ_IS_PERSON_LIST_MODEL (self), NULL);

  return self->query;
}

void
mq_person_list_model_set_query (MqPersonListModel *self,
                                const char        *query)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (MQ_IS_PERSON_LIST_MODEL (self));

  if (query != NULL)
    {
      trimmed = g_strstrip (g_strdup (query));
      if (trimmed[0] == '\0')
        g_clear_pointer (&trimmed, g_free);
    }

  if (g_strcmp0 (trimmed, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&trimmed);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

guint
mq_person_list_model_get_n_cached_pages (MqPersonListModel *self)
{
  g_return_val_if_fail (MQ_IS_PERSON_LIST_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}
