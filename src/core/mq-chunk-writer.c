/* mq-chunk-writer.c: an output stream written from a thread of its own
 *
 * A large export spends its time in SQLite and in formatting rows; the
 * writes to the file can happen meanwhile on another core. Filled chunks go
 * to the writer thread through one queue and come back empty through
 * another, so no more than MAX_CHUNKS of them ever exist: memory stays the
 * same whatever the export's size. GIO's own async writes would need a main
 * loop in the exporting thread, which the CLI and the GUI's worker lack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-chunk-writer"

#include "config.h"

#include "mq-chunk-writer-private.h"

#define MAX_CHUNKS 3

struct _MqChunkWriter
{
  GOutputStream *out;
  GCancellable  *cancellable;
  gsize          chunk_size;
  GThread       *thread;
  GAsyncQueue   *full;     /* chunks to write, then the writer itself to stop */
  GAsyncQueue   *empty;    /* written chunks, to be filled again */
  GString       *current;  /* the chunk being filled */
  guint          n_chunks;
  GMutex         lock;
  GError        *error;    /* the first failed write; under @lock */
};

static void
free_chunk (gpointer chunk)
{
  g_string_free (chunk, TRUE);
}

static gpointer
write_chunks (gpointer data)
{
  MqChunkWriter *self = data;

  for (;;)
    {
      gpointer item = g_async_queue_pop (self->full);
      GString *chunk = item;
      gboolean failed;

      /* The writer itself, as the last item, says that no chunk follows. */
      if (item == self)
        break;

      g_mutex_lock (&self->lock);
      failed = self->error != NULL;
      g_mutex_unlock (&self->lock);

      if (!failed)
        {
          g_autoptr(GError) error = NULL;

          /* Not every stream looks at the cancellable (memory streams do not). */
          if (g_cancellable_set_error_if_cancelled (self->cancellable, &error) ||
              !g_output_stream_write_all (self->out, chunk->str, chunk->len, NULL,
                                          self->cancellable, &error))
            {
              g_mutex_lock (&self->lock);
              self->error = g_steal_pointer (&error);
              g_mutex_unlock (&self->lock);
            }
        }

      g_string_truncate (chunk, 0);
      g_async_queue_push (self->empty, chunk);
    }

  return NULL;
}

MqChunkWriter *
mq_chunk_writer_new (GOutputStream *out,
                     gsize          chunk_size,
                     GCancellable  *cancellable)
{
  MqChunkWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);
  g_return_val_if_fail (chunk_size > 0, NULL);

  self = g_new0 (MqChunkWriter, 1);
  self->out = g_object_ref (out);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->chunk_size = chunk_size;
  self->full = g_async_queue_new ();
  self->empty = g_async_queue_new_full (free_chunk);
  self->current = g_string_sized_new (chunk_size + 4096);
  self->n_chunks = 1;
  g_mutex_init (&self->lock);
  self->thread = g_thread_new ("mq-chunk-writer", write_chunks, self);

  return self;
}

GString *
mq_chunk_writer_get_buffer (MqChunkWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->current;
}

static gboolean
check_error (MqChunkWriter  *self,
             GError        **error)
{
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = self->error == NULL;
  if (!ok && error != NULL)
    *error = g_error_copy (self->error);
  g_mutex_unlock (&self->lock);

  return ok;
}

static void
send_current (MqChunkWriter *self)
{
  GString *next;

  if (self->current->len == 0)
    return;

  g_async_queue_push (self->full, self->current);

  next = g_async_queue_try_pop (self->empty);
  if (next == NULL && self->n_chunks < MAX_CHUNKS)
    {
      next = g_string_sized_new (self->chunk_size + 4096);
      self->n_chunks++;
    }
  else if (next == NULL)
    next = g_async_queue_pop (self->empty);

  self->current = next;
}

gboolean
mq_chunk_writer_maybe_send (MqChunkWriter  *self,
                            GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->current->len < self->chunk_size)
    return TRUE;

  send_current (self);

  /* A cancelled export stops here rather than after its last row. */
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  return check_error (self, error);
}

static void
stop (MqChunkWriter *self)
{
  if (self->thread == NULL)
    return;

  g_async_queue_push (self->full, self);
  g_thread_join (g_steal_pointer (&self->thread));
}

gboolean
mq_chunk_writer_finish (MqChunkWriter  *self,
                        GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  send_current (self);
  stop (self);

  return check_error (self, error);
}

void
mq_chunk_writer_free (MqChunkWriter *self)
{
  if (self == NULL)
    return;

  stop (self);

  /* Every chunk but the one being filled is back in the empty queue. */
  g_string_free (self->current, TRUE);
  g_async_queue_unref (self->empty);
  g_async_queue_unref (self->full);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);
  g_clear_object (&self->cancellable);
  g_object_unref (self->out);
  g_free (self);
}
