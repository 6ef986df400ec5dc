/* mq-person-list-model.c: the directory as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-person-list-model"

#include "config.h"

#include "mq-person-list-model.h"

/* A list view asks for the rows around what is on screen; 100 rows is a few
 * screens, and 16 pages keep scrolling back and forth cheap while memory
 * stays flat however large the directory is.
 */
#define PAGE_SIZE       100
#define MAX_PAGES       16

struct _MqPersonListModel
{
  GObject            parent_instance;

  MqStore           *store;
  MqPersonDirectory *directory;
  gulong             changed_id;

  char              *query;        /* (nullable) trimmed, NULL when empty */
  guint              n_items;
  GPtrArray         *results;      /* (nullable) search results when query is set */
  GHashTable        *pages;        /* page number -> GPtrArray of MqPerson */
  GQueue             page_order;   /* page numbers, oldest loaded first */
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

static GPtrArray *
load_page (MqPersonListModel *self,
           guint              page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    return rows;

  rows = mq_person_directory_list (self->directory, page * PAGE_SIZE, PAGE_SIZE, &error);
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

  if (self->results != NULL)
    return g_object_ref (g_ptr_array_index (self->results, position));

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
  g_clear_pointer (&self->results, g_ptr_array_unref);
}

void
mq_person_list_model_reload (MqPersonListModel *self)
{
  guint old_n_items;

  g_return_if_fail (MQ_IS_PERSON_LIST_MODEL (self));

  old_n_items = self->n_items;
  forget_pages (self);

  if (self->query != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->results = mq_person_directory_search (self->directory, self->query,
                                                  MQ_PERSON_LIST_MODEL_SEARCH_LIMIT, &error);
      if (self->results == NULL)
        {
          g_warning ("Could not search the directory: %s", error->message);
          self->results = g_ptr_array_new_with_free_func (g_object_unref);
        }
      self->n_items = self->results->len;
    }
  else
    {
      self->n_items = mq_person_directory_count (self->directory);
    }

  if (old_n_items != 0 || self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
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
  self->n_items = mq_person_directory_count (self->directory);

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

  mq_person_list_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

guint
mq_person_list_model_get_n_cached_pages (MqPersonListModel *self)
{
  g_return_val_if_fail (MQ_IS_PERSON_LIST_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}
