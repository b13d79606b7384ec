/* cpl-history.c: undo and redo for a whole dataset
 *
 * Every step is the whole dataset as text: one mechanism serves a changed
 * number, a renamed scenario, an added or deleted chip, a reordered list.
 * Edits that come in a burst (a number typed digit by digit, a slider
 * dragged) make one step: the state before the burst is kept when it
 * starts, and the burst ends after a pause or at the next undo.  A
 * dataset is tens of kilobytes, so a hundred steps cost a few megabytes.
 *
 * The history also knows whether the dataset differs from what was last
 * opened or saved ("modified"), which is what the title and the close
 * dialog ask.
 */
#define G_LOG_DOMAIN "cpl-history"

#include "config.h"

#include "cpl-history.h"

#define MAX_STEPS      100
#define BURST_PAUSE_MS 700

struct _CplHistory
{
  GObject     parent_instance;

  CplDataset *dataset;
  GQueue      undo;       /* of GBytes, newest at the head */
  GQueue      redo;
  GBytes     *current;    /* the dataset as of the last step */
  GBytes     *saved;      /* as last opened or saved; NULL: never */
  guint       burst_id;   /* the pause that ends the burst */
  gboolean    restoring;
};

G_DEFINE_FINAL_TYPE (CplHistory, cpl_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GBytes *
snapshot (CplHistory *self)
{
  gsize length;
  char *data = cpl_dataset_to_data (self->dataset, &length);

  return g_bytes_new_take (data, length);
}

static void
notify_state (CplHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static gboolean
burst_ended (gpointer data)
{
  CplHistory *self = data;

  self->burst_id = 0;
  cpl_history_commit (self);
  return G_SOURCE_REMOVE;
}

static void
on_dataset_changed (CplHistory *self)
{
  if (self->restoring)
    return;

  if (self->burst_id == 0)
    {
      /* a new step: keep the state before it */
      g_queue_push_head (&self->undo, g_bytes_ref (self->current));
      while (g_queue_get_length (&self->undo) > MAX_STEPS)
        g_bytes_unref (g_queue_pop_tail (&self->undo));
      g_queue_clear_full (&self->redo, (GDestroyNotify) g_bytes_unref);
    }
  else
    g_source_remove (self->burst_id);
  self->burst_id = g_timeout_add (BURST_PAUSE_MS, burst_ended, self);
  notify_state (self);
}

static void
on_items_changed (CplHistory *self,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  on_dataset_changed (self);
}

/**
 * cpl_history_commit:
 *
 * Ends the current burst of edits: the next edit starts a new step.
 */
void
cpl_history_commit (CplHistory *self)
{
  g_return_if_fail (CPL_IS_HISTORY (self));

  g_clear_handle_id (&self->burst_id, g_source_remove);
  g_clear_pointer (&self->current, g_bytes_unref);
  self->current = snapshot (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static gboolean
cpl_history_restore (CplHistory *self,
                     GQueue     *from,
                     GQueue     *to)
{
  g_autoptr(GBytes) state = NULL;
  g_autoptr(GError) error = NULL;

  cpl_history_commit (self);
  if (g_queue_is_empty (from))
    return FALSE;

  state = g_queue_pop_head (from);
  g_queue_push_head (to, g_bytes_ref (self->current));
  self->restoring = TRUE;
  /* What the dataset wrote, it reads back; a failure here is a bug. */
  if (!cpl_dataset_load_bytes (self->dataset, state, "undo", CPL_LOAD_ALONE, &error))
    g_critical ("could not restore a step of the history: %s", error->message);
  self->restoring = FALSE;
  g_clear_pointer (&self->current, g_bytes_unref);
  self->current = g_bytes_ref (state);
  notify_state (self);
  return TRUE;
}

gboolean
cpl_history_undo (CplHistory *self)
{
  g_return_val_if_fail (CPL_IS_HISTORY (self), FALSE);
  return cpl_history_restore (self, &self->undo, &self->redo);
}

gboolean
cpl_history_redo (CplHistory *self)
{
  g_return_val_if_fail (CPL_IS_HISTORY (self), FALSE);
  return cpl_history_restore (self, &self->redo, &self->undo);
}

gboolean
cpl_history_can_undo (CplHistory *self)
{
  g_return_val_if_fail (CPL_IS_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->undo);
}

gboolean
cpl_history_can_redo (CplHistory *self)
{
  g_return_val_if_fail (CPL_IS_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->redo);
}

/**
 * cpl_history_reset:
 *
 * Forgets every step, as after opening a file: the dataset as it is now
 * is the unmodified state.
 */
void
cpl_history_reset (CplHistory *self)
{
  g_return_if_fail (CPL_IS_HISTORY (self));

  g_queue_clear_full (&self->undo, (GDestroyNotify) g_bytes_unref);
  g_queue_clear_full (&self->redo, (GDestroyNotify) g_bytes_unref);
  cpl_history_commit (self);
  cpl_history_set_unmodified (self);
}

/* Whether the dataset differs from what was last opened or saved. */
gboolean
cpl_history_get_modified (CplHistory *self)
{
  g_return_val_if_fail (CPL_IS_HISTORY (self), FALSE);
  if (self->burst_id != 0)
    return TRUE;
  return self->saved == NULL || !g_bytes_equal (self->saved, self->current);
}

/* The dataset as it is now was just saved. */
void
cpl_history_set_unmodified (CplHistory *self)
{
  g_return_if_fail (CPL_IS_HISTORY (self));

  cpl_history_commit (self);
  g_clear_pointer (&self->saved, g_bytes_unref);
  self->saved = g_bytes_ref (self->current);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
cpl_history_dispose (GObject *object)
{
  CplHistory *self = CPL_HISTORY (object);

  g_clear_handle_id (&self->burst_id, g_source_remove);
  if (self->dataset != NULL)
    {
      GListModel *lists[] = {
        cpl_dataset_get_vendors (self->dataset), cpl_dataset_get_chips (self->dataset),
        cpl_dataset_get_rules (self->dataset), cpl_dataset_get_scenarios (self->dataset),
        cpl_dataset_get_revenue_cases (self->dataset),
      };

      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        g_signal_handlers_disconnect_by_data (lists[i], self);
      g_signal_handlers_disconnect_by_data (self->dataset, self);
    }
  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (cpl_history_parent_class)->dispose (object);
}

static void
cpl_history_finalize (GObject *object)
{
  CplHistory *self = CPL_HISTORY (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify) g_bytes_unref);
  g_queue_clear_full (&self->redo, (GDestroyNotify) g_bytes_unref);
  g_clear_pointer (&self->current, g_bytes_unref);
  g_clear_pointer (&self->saved, g_bytes_unref);
  G_OBJECT_CLASS (cpl_history_parent_class)->finalize (object);
}

static void
cpl_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CplHistory *self = CPL_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cpl_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cpl_history_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, cpl_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_history_class_init (CplHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cpl_history_dispose;
  object_class->finalize = cpl_history_finalize;
  object_class->get_property = cpl_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cpl_history_init (CplHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/**
 * cpl_history_new:
 *
 * Records every later edit of @dataset.  The dataset as it is now counts
 * as unmodified.
 */
CplHistory *
cpl_history_new (CplDataset *dataset)
{
  CplHistory *self = g_object_new (CPL_TYPE_HISTORY, NULL);
  GListModel *lists[] = {
    cpl_dataset_get_vendors (dataset), cpl_dataset_get_chips (dataset),
    cpl_dataset_get_rules (dataset), cpl_dataset_get_scenarios (dataset),
    cpl_dataset_get_revenue_cases (dataset),
  };

  self->dataset = g_object_ref (dataset);
  self->current = snapshot (self);
  self->saved = g_bytes_ref (self->current);
  g_signal_connect_object (dataset, "entry-changed", G_CALLBACK (on_dataset_changed), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_signal_connect_object (lists[i], "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  return self;
}
