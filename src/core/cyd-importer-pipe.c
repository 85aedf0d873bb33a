/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-import"

#include "config.h"

#include "cyd-importer-private.h"

/* Records, and how they pass from the thread that reads the file to the one
 * that writes them. Parsing and validating the XML and writing to SQLite
 * take about as long as each other, so an optimistic pass runs them side by
 * side: the reader hands over events in batches, and takes back the records
 * the writer is done with. A fixed number of each keeps the memory flat. */

#define STRINGS_BLOCK 1024
#define BATCH_SIZE 32
#define N_BATCHES  4

Record *
record_new (void)
{
  Record *record = g_new0 (Record, 1);

  record->unknown = g_array_new (FALSE, FALSE, sizeof (Unknown));
  record->children = g_array_new (FALSE, FALSE, sizeof (Child));
  record->strings = g_string_chunk_new (STRINGS_BLOCK);
  return record;
}

void
record_reset (Record *record)
{
  record->def = NULL;
  memset (record->attrs, 0, sizeof record->attrs);
  g_array_set_size (record->unknown, 0);
  memset (record->text, 0, sizeof record->text);
  memset (record->text2, 0, sizeof record->text2);
  g_array_set_size (record->children, 0);
  record->line = record->column = record->end_line = 0;
  record->bad = FALSE;
  memset (record->text_line, 0, sizeof record->text_line);
  g_string_chunk_clear (record->strings);
}

void
record_free (Record *record)
{
  g_array_unref (record->unknown);
  g_array_unref (record->children);
  g_string_chunk_free (record->strings);
  g_free (record);
}

void
import_apply_event (ImportRun   *run,
                    ImportEvent *event)
{
  switch (event->kind)
    {
    case EVENT_SECTION:
      import_start_section (run, event->def, event->employer, event->snapshot, event->line, event->column);
      break;
    case EVENT_RECORD:
      import_write_record (run, event->record);
      break;
    case EVENT_END_SECTION:
      import_finish_section (run, event->def);
      break;
    default:
      g_assert_not_reached ();
    }
}

typedef struct {
  ImportEvent events[BATCH_SIZE];
  guint       n;
  gboolean    last;
} Batch;

struct _ImportPipe {
  ImportRun   *run;
  GThread     *thread;
  GAsyncQueue *full;       /* Batch, to the writer */
  GAsyncQueue *empty;      /* Batch, back to the reader */
  GAsyncQueue *records;    /* Record, free */
  GPtrArray   *batches;
  GPtrArray   *all;        /* every Record, wherever it is */
  Batch       *batch;      /* the one the reader fills */
  gint         stop;       /* atomic: apply no more */
};

static gpointer
write_thread (gpointer data)
{
  ImportPipe *pipe = data;
  gboolean last = FALSE;

  while (!last)
    {
      Batch *batch = g_async_queue_pop (pipe->full);

      for (guint i = 0; i < batch->n; i++)
        {
          ImportEvent *event = &batch->events[i];

          if (!g_atomic_int_get (&pipe->stop) && !g_atomic_int_get (&pipe->run->gave_up))
            import_apply_event (pipe->run, event);
          g_clear_pointer (&event->employer, g_free);
          if (event->record != NULL)
            {
              record_reset (event->record);
              g_async_queue_push (pipe->records, event->record);
            }
        }
      last = batch->last;
      batch->n = 0;
      g_async_queue_push (pipe->empty, batch);
    }

  /* The indexes are made here, by the thread that wrote the rows, so that
   * they reuse the memory its writing freed: made by the reader once this
   * thread was gone, the import's peak for 100,000 staff was 0.7 MB higher. */
  if (!g_atomic_int_get (&pipe->stop) && !g_atomic_int_get (&pipe->run->gave_up) &&
      !import_build_indexes (pipe->run, NULL))
    import_give_up (pipe->run);
  return NULL;
}

/* Starts the writer: from now until import_pipe_finish(), only it uses the
 * store. */
ImportPipe *
import_pipe_new (ImportRun *run)
{
  ImportPipe *pipe = g_new0 (ImportPipe, 1);

  pipe->run = run;
  pipe->full = g_async_queue_new ();
  pipe->empty = g_async_queue_new ();
  pipe->records = g_async_queue_new ();
  pipe->batches = g_ptr_array_new_with_free_func (g_free);
  pipe->all = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  for (guint i = 0; i < N_BATCHES; i++)
    {
      Batch *batch = g_new0 (Batch, 1);

      g_ptr_array_add (pipe->batches, batch);
      g_async_queue_push (pipe->empty, batch);
    }
  /* one more record than the batches hold: the one being read */
  for (guint i = 0; i < N_BATCHES * BATCH_SIZE + 1; i++)
    {
      Record *record = record_new ();

      g_ptr_array_add (pipe->all, record);
      g_async_queue_push (pipe->records, record);
    }
  pipe->thread = g_thread_new ("cyd-import-write", write_thread, pipe);
  return pipe;
}

/* A free record for the reader to fill; it waits while the writer is
 * behind. */
Record *
import_pipe_record (ImportPipe *pipe)
{
  return g_async_queue_pop (pipe->records);
}

static void
send_batch (ImportPipe *pipe,
            gboolean    last)
{
  if (pipe->batch == NULL)
    pipe->batch = g_async_queue_pop (pipe->empty);
  pipe->batch->last = last;
  g_async_queue_push (pipe->full, g_steal_pointer (&pipe->batch));
}

void
import_pipe_push (ImportPipe  *pipe,
                  ImportEvent *event)
{
  ImportEvent *copy;

  if (pipe->batch == NULL)
    pipe->batch = g_async_queue_pop (pipe->empty);
  copy = &pipe->batch->events[pipe->batch->n++];
  *copy = *event;
  copy->employer = g_strdup (event->employer);
  if (pipe->batch->n == BATCH_SIZE)
    send_batch (pipe, FALSE);
}

/* Waits for the writer to write what it was given, or, when @abandon, only
 * to stop; then frees the pipe and every record it gave. */
void
import_pipe_finish (ImportPipe *pipe,
                    gboolean    abandon)
{
  if (abandon)
    g_atomic_int_set (&pipe->stop, TRUE);
  send_batch (pipe, TRUE);
  g_thread_join (pipe->thread);

  g_ptr_array_unref (pipe->batches);
  g_ptr_array_unref (pipe->all);
  g_async_queue_unref (pipe->full);
  g_async_queue_unref (pipe->empty);
  g_async_queue_unref (pipe->records);
  g_free (pipe);
}
