/* cpl-history.c: undo and redo for a dataset, as commands applied in place
 *
 * A step is a short list of commands: set an entry's state (any field, its
 * name, its lists), insert an entry at a position, remove one, move one.
 * Undo applies the inverse commands to the very objects the dataset holds,
 * so an entry keeps its identity (and whoever shows it keeps showing it)
 * and nothing else is touched: no step re-reads the dataset.
 *
 * The history learns of edits from the signals the dataset has anyway.  On
 * CplDataset::entry-changed it compares the entry's state before the
 * change (its JSON object, which the entry keeps when it is about to
 * change: cpl_entity_will_change()) with the new one to make a "set"
 * command with both; nothing is copied of entries that never change (a
 * file of 10,000 of them is not snapshotted when it opens).  It keeps a
 * mirror of each list, so that on
 * GListModel::items-changed it knows which objects left; an entry removed
 * and put back at another position in one burst is a move.
 *
 * Edits that come in a burst (a number typed digit by digit, a slider
 * dragged) to the same fields of one entry make one step; the burst ends
 * after a pause or at the next undo.  Whether the dataset differs from
 * what was last opened or saved ("modified") is whether the newest step
 * is still the one that was newest then.
 */
#define G_LOG_DOMAIN "cpl-history"

#include "config.h"

#include "cpl-history.h"

#define MAX_STEPS      100
#define BURST_PAUSE_MS 700

#define N_LISTS        5   /* vendors, chips, rules, scenarios, revenue cases */

typedef enum {
  COMMAND_SET,     /* the entry went from @before to @after */
  COMMAND_INSERT,  /* the entry was inserted at @to */
  COMMAND_REMOVE,  /* the entry was removed from @from */
  COMMAND_MOVE,    /* the entry went from @from to @to */
} CommandKind;

typedef struct {
  CommandKind  kind;
  CplEntity   *entity;
  JsonObject  *before;
  JsonObject  *after;
  guint        from;
  guint        to;
} Command;

typedef struct {
  guint64    serial;    /* unique: what "modified" compares */
  GPtrArray *commands;  /* of Command, in the order they happened */
  char      *burst;     /* a set step: the keys it changed, to extend it */
} Step;

struct _CplHistory
{
  GObject     parent_instance;

  CplDataset *dataset;
  GListModel *lists[N_LISTS];
  GPtrArray  *mirror[N_LISTS];  /* each list as last seen, with references */
  GQueue      undo;             /* of Step, newest at the head */
  GQueue      redo;
  guint64     last_serial;
  guint64     saved_serial;     /* the newest step when last opened or saved */
  guint       burst_id;         /* the pause that ends the burst; 0: no burst */
  guint       group_depth;      /* cpl_history_begin_group() calls not yet ended */
  gboolean    group_open;       /* the newest step is the group's */
  gboolean    restoring;        /* an undo or redo, or a reset begun: nothing recorded */
  CplEntity  *restored;         /* the entry the last undo or redo changed first */
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

/* Commands and steps ------------------------------------------------------ */

static Command *
command_new (CommandKind kind,
             CplEntity  *entity)
{
  Command *command = g_new0 (Command, 1);

  command->kind = kind;
  command->entity = g_object_ref (entity);
  return command;
}

static void
command_free (gpointer data)
{
  Command *command = data;

  g_object_unref (command->entity);
  g_clear_pointer (&command->before, json_object_unref);
  g_clear_pointer (&command->after, json_object_unref);
  g_free (command);
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->commands);
  g_free (step->burst);
  g_free (step);
}

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  g_autoptr(JsonNode) x = json_node_init_object (json_node_alloc (), a);
  g_autoptr(JsonNode) y = json_node_init_object (json_node_alloc (), b);

  return json_node_equal (x, y);
}

/* The top-level keys whose values differ, sorted: "name revenue_share". */
static char *
changed_keys (JsonObject *before,
              JsonObject *after)
{
  g_autoptr(GList) keys = g_list_concat (json_object_get_members (before),
                                         json_object_get_members (after));
  g_autoptr(GString) text = g_string_new (NULL);
  const char *last = NULL;

  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      JsonNode *x = json_object_get_member (before, l->data);
      JsonNode *y = json_object_get_member (after, l->data);

      if (g_strcmp0 (last, l->data) == 0)
        continue;
      last = l->data;
      if (x == NULL || y == NULL || !json_node_equal (x, y))
        g_string_append_printf (text, "%s%s", text->len ? " " : "", (char *) l->data);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint64
top_serial (CplHistory *self)
{
  Step *step = g_queue_peek_head (&self->undo);

  return step != NULL ? step->serial : 0;
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

/* The newest step, while its burst lasts. */
static Step *
open_step (CplHistory *self)
{
  return self->burst_id != 0 ? g_queue_peek_head (&self->undo) : NULL;
}

/* Folds @command into the open step, if it continues it: a set of the same
 * keys of the same entry, or the insertion of the entry the step removed
 * (a move).  Returns whether it did. */
static gboolean
merge (CplHistory *self,
       Command    *command,
       const char *burst)
{
  Step *step = open_step (self);
  Command *last;

  if (step == NULL || step->commands->len == 0)
    return FALSE;
  last = g_ptr_array_index (step->commands, step->commands->len - 1);
  if (last->entity != command->entity)
    return FALSE;

  if (command->kind == COMMAND_SET && last->kind == COMMAND_SET &&
      step->commands->len == 1 && g_strcmp0 (step->burst, burst) == 0)
    {
      g_clear_pointer (&last->after, json_object_unref);
      last->after = g_steal_pointer (&command->after);
    }
  else if (command->kind == COMMAND_INSERT && last->kind == COMMAND_REMOVE)
    {
      last->kind = COMMAND_MOVE;
      last->to = command->to;
    }
  else
    return FALSE;

  /* back where the step started: there is nothing to undo */
  if ((last->kind == COMMAND_SET && objects_equal (last->before, last->after)) ||
      (last->kind == COMMAND_MOVE && last->from == last->to))
    g_ptr_array_remove_index (step->commands, step->commands->len - 1);
  if (step->commands->len == 0)
    {
      step_free (g_queue_pop_head (&self->undo));
      g_clear_handle_id (&self->burst_id, g_source_remove);
    }
  return TRUE;
}

/* Records @commands (taking them) as one step, or as the continuation of
 * the open one. */
static void
record (CplHistory *self,
        GPtrArray  *commands,
        const char *burst)
{
  g_autoptr(GPtrArray) owned = commands;
  Step *step;

  if (commands->len == 0)
    return;
  g_queue_clear_full (&self->redo, step_free);
  if (self->group_open)
    {
      step = g_queue_peek_head (&self->undo);
      g_ptr_array_extend_and_steal (step->commands, g_steal_pointer (&owned));
      notify_state (self);
      return;
    }
  if (commands->len == 1 && merge (self, g_ptr_array_index (commands, 0), burst))
    {
      if (self->burst_id != 0)
        {
          g_source_remove (self->burst_id);
          self->burst_id = g_timeout_add (BURST_PAUSE_MS, burst_ended, self);
        }
      notify_state (self);
      return;
    }

  cpl_history_commit (self);
  step = g_new0 (Step, 1);
  step->serial = ++self->last_serial;
  step->commands = g_steal_pointer (&owned);
  step->burst = g_strdup (burst);
  g_queue_push_head (&self->undo, step);
  while (g_queue_get_length (&self->undo) > MAX_STEPS)
    step_free (g_queue_pop_tail (&self->undo));
  self->group_open = self->group_depth > 0;
  self->burst_id = g_timeout_add (BURST_PAUSE_MS, burst_ended, self);
  notify_state (self);
}

/* What the dataset tells ------------------------------------------------- */

static void
on_entry_changed (CplHistory *self,
                  CplEntity  *entity)
{
  JsonObject *before = cpl_entity_get_previous_snapshot (entity);
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *burst = NULL;
  GPtrArray *commands;
  Command *command;

  if (self->restoring)
    return;
  if (before == NULL)
    {
      /* the entry's code changed it without cpl_entity_will_change() */
      g_critical ("the entry \"%s\" changed without keeping its state before; the change "
                  "cannot be undone", cpl_entity_get_id (entity));
      return;
    }
  after = cpl_entity_dup_snapshot (entity);
  if (objects_equal (before, after))
    return;

  command = command_new (COMMAND_SET, entity);
  command->before = json_object_ref (before);
  command->after = g_steal_pointer (&after);
  burst = changed_keys (command->before, command->after);
  commands = g_ptr_array_new_with_free_func (command_free);
  g_ptr_array_add (commands, command);
  record (self, commands, burst);
}

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  CplHistory *self)
{
  GPtrArray *commands = self->restoring ? NULL : g_ptr_array_new_with_free_func (command_free);
  GPtrArray *mirror = NULL;

  for (guint i = 0; i < N_LISTS; i++)
    if (self->lists[i] == list)
      mirror = self->mirror[i];
  g_return_if_fail (mirror != NULL);

  /* each leaves from @position in turn, so undone in reverse each goes
   * back to @position in front of the one after it */
  for (guint i = 0; i < removed; i++)
    {
      CplEntity *entity = g_ptr_array_index (mirror, position + i);

      if (commands != NULL)
        {
          Command *command = command_new (COMMAND_REMOVE, entity);

          command->from = position;
          g_ptr_array_add (commands, command);
        }
    }
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      CplEntity *entity = g_list_model_get_item (list, position + i);

      if (commands != NULL)
        {
          Command *command = command_new (COMMAND_INSERT, entity);

          command->to = position + i;
          g_ptr_array_add (commands, command);
        }
      g_ptr_array_insert (mirror, position + i, entity);  /* takes the reference */
    }

  if (commands != NULL)
    record (self, commands, NULL);
}

/* Applying steps ---------------------------------------------------------- */

static void
apply (CplHistory *self,
       Command    *command,
       gboolean    forward)
{
  g_autoptr(GError) error = NULL;

  switch (command->kind)
    {
    case COMMAND_SET:
      /* What the entry wrote, it reads back; a failure here is a bug. */
      if (!cpl_entity_assign_json (command->entity, forward ? command->after : command->before, &error))
        g_critical ("could not restore a step of the history: %s", error->message);
      break;
    case COMMAND_INSERT:
    case COMMAND_REMOVE:
      if ((command->kind == COMMAND_INSERT) == forward)
        cpl_dataset_insert (self->dataset, command->kind == COMMAND_INSERT ? command->to : command->from,
                            command->entity);
      else
        cpl_dataset_remove (self->dataset, command->entity);
      break;
    case COMMAND_MOVE:
      cpl_dataset_remove (self->dataset, command->entity);
      cpl_dataset_insert (self->dataset, forward ? command->to : command->from, command->entity);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
cpl_history_restore (CplHistory *self,
                     GQueue     *from,
                     GQueue     *to,
                     gboolean    forward)
{
  Step *step;

  cpl_history_commit (self);
  step = g_queue_pop_head (from);
  if (step == NULL)
    return FALSE;

  self->restoring = TRUE;
  for (guint i = 0; i < step->commands->len; i++)
    apply (self, g_ptr_array_index (step->commands, forward ? i : step->commands->len - 1 - i), forward);
  self->restoring = FALSE;
  if (step->commands->len > 0)
    g_set_object (&self->restored, ((Command *) g_ptr_array_index (step->commands, 0))->entity);
  else
    g_clear_object (&self->restored);
  g_queue_push_head (to, step);
  notify_state (self);
  return TRUE;
}

/* Public API -------------------------------------------------------------- */

/**
 * cpl_history_commit:
 *
 * Ends the current burst of edits: the next edit starts a new step.
 */
void
cpl_history_commit (CplHistory *self)
{
  g_return_if_fail (CPL_IS_HISTORY (self));

  if (self->burst_id == 0)
    return;
  g_clear_handle_id (&self->burst_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * cpl_history_begin_group:
 *
 * Every edit until the matching cpl_history_end_group() makes one step,
 * whatever entries it touches (an update of many entries, undone at
 * once).  What came before is a step of its own.  Groups nest.
 */
void
cpl_history_begin_group (CplHistory *self)
{
  g_return_if_fail (CPL_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    cpl_history_commit (self);
}

void
cpl_history_end_group (CplHistory *self)
{
  g_return_if_fail (CPL_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  self->group_open = FALSE;
  cpl_history_commit (self);
}

gboolean
cpl_history_undo (CplHistory *self)
{
  g_return_val_if_fail (CPL_IS_HISTORY (self), FALSE);
  return cpl_history_restore (self, &self->undo, &self->redo, FALSE);
}

gboolean
cpl_history_redo (CplHistory *self)
{
  g_return_val_if_fail (CPL_IS_HISTORY (self), FALSE);
  return cpl_history_restore (self, &self->redo, &self->undo, TRUE);
}

/**
 * cpl_history_get_restored:
 *
 * Returns: (transfer none) (nullable): the entry that the last
 *   cpl_history_undo() or cpl_history_redo() changed (of a step that
 *   changed several, the first), for a window to say where the change is
 */
CplEntity *
cpl_history_get_restored (CplHistory *self)
{
  g_return_val_if_fail (CPL_IS_HISTORY (self), NULL);
  return self->restored;
}

/**
 * cpl_history_undo_removal:
 * @type: the type of the removed entry (e.g. CPL_TYPE_SCENARIO)
 * @id: its id
 *
 * What a "deleted" toast's Undo does.  When the removal of the entry @id
 * is the newest step, undoes it.  When later steps came after it, puts the
 * very entry back where it was, as a new step.  When it was undone already
 * (or the history no longer knows it), or its id is in use again, does
 * nothing: never a second entry with one id.
 *
 * Returns: whether the entry was put back.
 */
gboolean
cpl_history_undo_removal (CplHistory *self,
                          GType       type,
                          const char *id)
{
  Command *found = NULL;

  g_return_val_if_fail (CPL_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  cpl_history_commit (self);
  for (GList *l = self->undo.head; l != NULL && found == NULL; l = l->next)
    {
      Step *step = l->data;

      for (guint i = step->commands->len; i-- > 0 && found == NULL;)
        {
          Command *command = g_ptr_array_index (step->commands, i);

          if (command->kind == COMMAND_REMOVE && G_OBJECT_TYPE (command->entity) == type &&
              g_strcmp0 (cpl_entity_get_id (command->entity), id) == 0)
            found = command;
        }
      if (found != NULL && l == self->undo.head && step->commands->len == 1)
        return cpl_history_undo (self);
    }
  if (found == NULL || cpl_dataset_position (self->dataset, found->entity) != G_MAXUINT ||
      cpl_dataset_lookup (self->dataset, type, id) != NULL)
    return FALSE;
  /* recorded as a step of its own, which ends at once */
  if (!cpl_dataset_insert (self->dataset, found->from, found->entity))
    return FALSE;
  cpl_history_commit (self);
  return TRUE;
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
 * cpl_history_begin_reset:
 *
 * Until cpl_history_reset(), the dataset's changes are followed but not
 * recorded as steps: a load that replaces every entry and then resets
 * makes no step of 10,000 insertions only to forget it.
 */
void
cpl_history_begin_reset (CplHistory *self)
{
  g_return_if_fail (CPL_IS_HISTORY (self));
  self->restoring = TRUE;
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

  self->restoring = FALSE;
  g_clear_handle_id (&self->burst_id, g_source_remove);
  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);
  g_clear_object (&self->restored);
  self->saved_serial = 0;
  notify_state (self);
}

/* Whether the dataset differs from what was last opened or saved. */
gboolean
cpl_history_get_modified (CplHistory *self)
{
  g_return_val_if_fail (CPL_IS_HISTORY (self), FALSE);
  return top_serial (self) != self->saved_serial;
}

/* The dataset as it is now was just saved. */
void
cpl_history_set_unmodified (CplHistory *self)
{
  g_return_if_fail (CPL_IS_HISTORY (self));

  cpl_history_commit (self);
  self->saved_serial = top_serial (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Life cycle -------------------------------------------------------------- */

static void
cpl_history_dispose (GObject *object)
{
  CplHistory *self = CPL_HISTORY (object);

  g_clear_handle_id (&self->burst_id, g_source_remove);
  for (guint i = 0; i < N_LISTS; i++)
    if (self->lists[i] != NULL)
      g_signal_handlers_disconnect_by_data (self->lists[i], self);
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_clear_object (&self->dataset);
  g_clear_object (&self->restored);
  G_OBJECT_CLASS (cpl_history_parent_class)->dispose (object);
}

static void
cpl_history_finalize (GObject *object)
{
  CplHistory *self = CPL_HISTORY (object);

  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&self->mirror[i], g_ptr_array_unref);
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

  GListModel *lists[N_LISTS] = {
    cpl_dataset_get_vendors (dataset), cpl_dataset_get_chips (dataset),
    cpl_dataset_get_rules (dataset), cpl_dataset_get_scenarios (dataset),
    cpl_dataset_get_revenue_cases (dataset),
  };

  self->dataset = g_object_ref (dataset);
  for (guint i = 0; i < N_LISTS; i++)
    {
      guint n = g_list_model_get_n_items (lists[i]);

      self->lists[i] = lists[i];

      self->mirror[i] = g_ptr_array_new_full (n, g_object_unref);
      for (guint j = 0; j < n; j++)
        {
          CplEntity *entity = g_list_model_get_item (self->lists[i], j);

          g_ptr_array_add (self->mirror[i], entity);
        }
      g_signal_connect_object (self->lists[i], "items-changed", G_CALLBACK (on_items_changed), self, 0);
    }
  g_signal_connect_object (dataset, "entry-changed", G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  return self;
}
