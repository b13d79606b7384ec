/* cpl-chart.c: what every chart has in common
 *
 * A chart is drawn for the size, PangoContext and palette it is given: a
 * CplChartView gives its own (and the theme's palette, again after every
 * style change); cpl_chart_draw() gives pango-cairo's and a fixed light
 * or dark palette, so charts are drawn and exported with no display.
 * The layout is made on demand for the current size and data, and kept
 * until either changes, so hit tests and drawing use the same geometry:
 * subclasses call cpl_chart_invalidate() when their data changes and
 * cpl_chart_ensure_layout() before using the geometry.  The chart asks
 * whatever shows it to draw or measure again through CplChart::update.
 */
#define G_LOG_DOMAIN "cpl-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cpl-chart-private.h"
#include "cpl-chart.h"

/* What the chart is drawn for: its view's, or an export's. */
typedef struct
{
  CplChartPalette palette;
  gboolean        palette_valid;
  PangoContext   *context;            /* NULL until asked for or given */
  int             width;
  int             height;
  gboolean        focused;
  gboolean        exporting;          /* drawn by cpl_chart_draw() */
} CplChartTarget;

typedef struct
{
  CplChartTarget  target;

  gboolean        layout_valid;
  CplChartFrame   frame;

  CplChartFormat  formats[2];         /* by GtkOrientation */

  char           *title;
  char           *subject;            /* under the title of an export */
  char           *source;
  char           *label;              /* the accessible label without a title */
  char           *description;
  char           *zero_note;          /* in the plot when every value is zero */
  int             min_height;         /* cpl_chart_set_min_height(), or 0 */

  /* cpl_chart_freeze_updates() */
  guint           freeze;
  CplChartUpdate  pending;            /* asked for while frozen */
  GBytes         *frozen_content;     /* content_digest() when frozen, or NULL */
} CplChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CplChart, cpl_chart, G_TYPE_OBJECT)

enum
{
  SIGNAL_UPDATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define PRIV(self) ((CplChartPrivate *) cpl_chart_get_instance_private (self))

/* ---- one colour per thing ---- */

/* Colours handed out so far, per kind: "chip", "scenario", "rule" (the
 * threshold maps), and "money" for vendors and the fixed series of money
 * ("series:…") that share charts with them. */
typedef struct
{
  GHashTable *colors;                 /* key → GINT_TO_POINTER (color + 1) */
  guint       uses[CPL_CHART_N_COLORS];
} ColorRegistry;

static const char *
color_kind (const char *key)
{
  if (g_str_has_prefix (key, "vendor:") || g_str_has_prefix (key, "series:"))
    return "money";
  if (g_str_has_prefix (key, "scenario:"))
    return "scenario";
  if (g_str_has_prefix (key, "rule:"))
    return "rule";
  return "chip";
}

/* How a kind chooses among the colours (color_score()). */
typedef enum
{
  SCORE_USES,       /* money and rules: the least used */
  SCORE_CHIP,
  SCORE_SCENARIO,
} ScoreKind;

static ScoreKind
score_kind (const char *kind)
{
  return g_str_equal (kind, "chip") ? SCORE_CHIP : g_str_equal (kind, "scenario") ? SCORE_SCENARIO : SCORE_USES;
}

/* The fixed series of money that share charts with one another, each in
 * a colour of its own from the start, whatever is drawn first: by their
 * ids' hashes the vendors' net revenue came out vermilion, the domestic
 * chip's colour, beside the government's ochre take on the share-rate
 * curve, where the two lines cross. */
static const struct {
  const char    *key;
  CplChartColor  color;
} pinned[] = {
  { "series:government-take", CPL_CHART_COLOR_ORANGE },
  { "series:vendor-net-revenue", CPL_CHART_COLOR_SKY },
  { "series:vendor-profit", CPL_CHART_COLOR_GREEN },
  /* purple as the compute gap, with which it never shares a chart: the
   * cost under the profit and the take was yellow beside the ochre take */
  { "series:vendor-cost", CPL_CHART_COLOR_PURPLE },
  { "series:compute-gap", CPL_CHART_COLOR_PURPLE },
};

/* The hues each hue reads alike with on a chart: blue and sky (in the
 * dark palette), sky and green (in the light one, where the sky is a teal
 * beside the green's), and the warm three, orange, vermilion and yellow
 * (the light yellow is an olive). */
#define BIT(c) (1u << (c))
static const guint alike[CPL_CHART_N_COLORS] = {
  [CPL_CHART_COLOR_BLUE] = BIT (CPL_CHART_COLOR_SKY),
  [CPL_CHART_COLOR_SKY] = BIT (CPL_CHART_COLOR_BLUE) | BIT (CPL_CHART_COLOR_GREEN),
  [CPL_CHART_COLOR_GREEN] = BIT (CPL_CHART_COLOR_SKY),
  [CPL_CHART_COLOR_ORANGE] = BIT (CPL_CHART_COLOR_VERMILLION) | BIT (CPL_CHART_COLOR_YELLOW),
  [CPL_CHART_COLOR_VERMILLION] = BIT (CPL_CHART_COLOR_ORANGE) | BIT (CPL_CHART_COLOR_YELLOW),
  [CPL_CHART_COLOR_YELLOW] = BIT (CPL_CHART_COLOR_ORANGE) | BIT (CPL_CHART_COLOR_VERMILLION),
  [CPL_CHART_COLOR_PURPLE] = 0, [CPL_CHART_COLOR_GREY] = 0,
};
#undef BIT

/* The colours of the measures a scenario's results page draws beside
 * its chips: the government's take (orange) and the compute gap
 * (purple), pinned above. */
#define BESIDE_CHIPS ((1u << CPL_CHART_COLOR_ORANGE) | (1u << CPL_CHART_COLOR_PURPLE))

/* How poor a choice colour @c is for @key: a colour taken counts most;
 * for the compared scenarios, drawn side by side in every chart, each
 * taken hue that reads alike counts too (three scenarios came out
 * yellow, orange and vermilion; the full ban green beside a teal sky),
 * and grey, which reads as switched off, comes after one such hue.  A
 * chip takes grey, then a measure's colour (BESIDE_CHIPS), only once the
 * other colours are taken as often: the MI308X was the compute gap's
 * purple, a chart above it, and the H200 grey once it was not.  Money
 * keeps its colours as they were. */
static guint
color_score (const ColorRegistry *registry,
             guint                c,
             ScoreKind            kind)
{
  guint alike_uses = 0;

  if (kind == SCORE_CHIP)
    return registry->uses[c] * 4 + ((BESIDE_CHIPS & (1u << c)) != 0) * 2 + (c == CPL_CHART_COLOR_GREY);
  if (kind == SCORE_USES)
    return registry->uses[c];
  for (guint other = 0; other < CPL_CHART_N_COLORS; other++)
    if (alike[c] & (1u << other))
      alike_uses += registry->uses[other];
  return registry->uses[c] * 100 + alike_uses * 10 + (c == CPL_CHART_COLOR_GREY ? 15 : 0);
}

/**
 * cpl_chart_color_for_key:
 * @key: what a series shows, as "KIND:ID": "chip:nvidia-h200",
 *   "scenario:full-ban", "vendor:amd", "series:government-take",
 *   "rule:eccn-3a090a-2023"
 *
 * The colour of a chip, scenario, vendor or fixed series on every chart of
 * every view, for the rest of the session.  It is derived from the id, so
 * it does not change when other things are added; when that colour is
 * already taken within the kind, the least used one after it is taken
 * instead (for scenarios, one of a hue family not yet taken, see
 * color_score()), so the first CPL_CHART_N_COLORS keys of a kind are
 * distinct.
 *
 * Returns: the colour
 */
static GHashTable *registries;        /* kind → ColorRegistry */
static GMutex registries_lock;

CplChartColor
cpl_chart_color_for_key (const char *key)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&registries_lock);
  const char *kind;
  ColorRegistry *registry;
  gpointer found;
  guint preferred, best, best_score;
  ScoreKind scoring;

  g_return_val_if_fail (key != NULL, 0);

  if (registries == NULL)
    registries = g_hash_table_new (g_str_hash, g_str_equal);
  kind = color_kind (key);
  registry = g_hash_table_lookup (registries, kind);
  if (registry == NULL)
    {
      registry = g_new0 (ColorRegistry, 1);
      registry->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (registries, (gpointer) kind, registry);
      for (guint i = 0; i < G_N_ELEMENTS (pinned); i++)
        if (g_str_equal (color_kind (pinned[i].key), kind))
          {
            g_hash_table_insert (registry->colors, g_strdup (pinned[i].key), GINT_TO_POINTER (pinned[i].color + 1));
            registry->uses[pinned[i].color]++;
          }
    }

  found = g_hash_table_lookup (registry->colors, key);
  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;

  preferred = g_str_hash (key) % CPL_CHART_N_COLORS;
  scoring = score_kind (kind);
  best = preferred;
  best_score = color_score (registry, best, scoring);
  for (guint i = 1; i < CPL_CHART_N_COLORS; i++)
    {
      guint c = (preferred + i) % CPL_CHART_N_COLORS;
      guint score = color_score (registry, c, scoring);

      if (score < best_score)
        {
          best = c;
          best_score = score;
        }
    }
  registry->uses[best]++;
  g_hash_table_insert (registry->colors, g_strdup (key), GINT_TO_POINTER (best + 1));
  return best;
}

/* Forgets every colour handed out, as if the program had just started
 * (for tests: a colour must not depend on what was drawn before). */
void
cpl_chart_colors_forget (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&registries_lock);
  GHashTableIter iter;
  gpointer registry;

  if (registries == NULL)
    return;
  g_hash_table_iter_init (&iter, registries);
  while (g_hash_table_iter_next (&iter, NULL, &registry))
    {
      g_hash_table_unref (((ColorRegistry *) registry)->colors);
      g_free (registry);
    }
  g_clear_pointer (&registries, g_hash_table_unref);
}

/* The colour of @id of @kind ("chip", "scenario", "vendor", "series", "rule"):
 * cpl_chart_color_for_key() of "KIND:ID". */
CplChartColor
cpl_chart_color_for (const char *kind,
                     const char *id)
{
  char buffer[128];
  g_autofree char *long_key = NULL;
  gsize kind_length = strlen (kind), id_length = strlen (id);

  /* on the stack: a file's 10,000 chips are coloured as it opens */
  if (kind_length + 1 + id_length >= sizeof buffer)
    return cpl_chart_color_for_key (long_key = g_strconcat (kind, ":", id, NULL));
  memcpy (buffer, kind, kind_length);
  buffer[kind_length] = ':';
  memcpy (buffer + kind_length + 1, id, id_length + 1);
  return cpl_chart_color_for_key (buffer);
}

/* ---- for subclasses ---- */

static void
emit_update (CplChart       *self,
             CplChartUpdate  what)
{
  CplChartPrivate *priv = PRIV (self);

  if (priv->freeze > 0)
    priv->pending |= what;
  else
    g_signal_emit (self, signals[SIGNAL_UPDATE], 0, (guint) what);
}

/* ---- batches of updates ---- */

void
cpl_chart_digest_string (GByteArray *content,
                         const char *text)
{
  /* with its end, so that "ab" + "c" differs from "a" + "bc"; NULL is
   * neither "" nor any text */
  if (text == NULL)
    cpl_chart_digest_int (content, -1);
  else
    g_byte_array_append (content, (const guint8 *) text, strlen (text) + 1);
}

void
cpl_chart_digest_doubles (GByteArray   *content,
                          const double *values,
                          guint         n)
{
  cpl_chart_digest_int (content, values != NULL ? (gint64) n : -1);
  if (values != NULL && n > 0)
    g_byte_array_append (content, (const guint8 *) values, n * sizeof (double));
}

void
cpl_chart_digest_int (GByteArray *content,
                      gint64     value)
{
  g_byte_array_append (content, (const guint8 *) &value, sizeof value);
}

/* What the chart draws from, in bytes (compared whole: no hash that
 * two contents could share), or NULL when its class cannot say. */
static GBytes *
content_digest (CplChart *self)
{
  CplChartClass *klass = CPL_CHART_GET_CLASS (self);
  CplChartPrivate *priv = PRIV (self);
  GByteArray *content;

  if (klass->digest == NULL)
    return NULL;
  content = g_byte_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (priv->formats); i++)
    g_byte_array_append (content, (const guint8 *) &priv->formats[i], sizeof priv->formats[i]);
  klass->digest (self, content);
  return g_byte_array_free_to_bytes (content);
}

/**
 * cpl_chart_freeze_updates:
 *
 * Holds back CplChart::update until cpl_chart_thaw_updates(), so that
 * filling a chart again (clear, then add its series) asks once, and
 * only when what it draws changed: a chart filled with what it already
 * shows keeps its drawing.  Calls nest.
 */
void
cpl_chart_freeze_updates (CplChart *self)
{
  CplChartPrivate *priv;

  g_return_if_fail (CPL_IS_CHART (self));

  priv = PRIV (self);
  if (priv->freeze++ > 0)
    return;
  priv->pending = 0;
  g_clear_pointer (&priv->frozen_content, g_bytes_unref);
  priv->frozen_content = content_digest (self);
}

void
cpl_chart_thaw_updates (CplChart *self)
{
  CplChartPrivate *priv;
  CplChartUpdate what;

  g_return_if_fail (CPL_IS_CHART (self));

  priv = PRIV (self);
  g_return_if_fail (priv->freeze > 0);
  if (--priv->freeze > 0)
    return;
  what = priv->pending;
  priv->pending = 0;
  if (what & (CPL_CHART_UPDATE_DRAW | CPL_CHART_UPDATE_SIZE))
    {
      g_autoptr(GBytes) content = content_digest (self);

      /* the same content: the same size and drawing (the layout is made
       * again only if something asks for it) */
      if (content != NULL && priv->frozen_content != NULL && g_bytes_equal (content, priv->frozen_content))
        what &= ~(CPL_CHART_UPDATE_DRAW | CPL_CHART_UPDATE_SIZE | CPL_CHART_UPDATE_TOOLTIP);
    }
  g_clear_pointer (&priv->frozen_content, g_bytes_unref);
  if (what != 0)
    emit_update (self, what);
}

const CplChartPalette *
cpl_chart_get_palette (CplChart *self)
{
  CplChartPrivate *priv = PRIV (self);

  if (!priv->target.palette_valid)
    {
      cpl_chart_palette_init (&priv->target.palette, FALSE);
      priv->target.palette_valid = TRUE;
    }
  return &priv->target.palette;
}

/* The colours to draw with from now on, the view's theme's; it draws again. */
void
cpl_chart_set_palette (CplChart              *self,
                       const CplChartPalette *palette)
{
  CplChartPrivate *priv = PRIV (self);

  priv->target.palette = *palette;
  priv->target.palette_valid = TRUE;
  priv->layout_valid = FALSE;
}

CplChartFrame *
cpl_chart_get_frame (CplChart *self)
{
  return &PRIV (self)->frame;
}

const CplChartFormat *
cpl_chart_get_format (CplChart       *self,
                      GtkOrientation  axis)
{
  return &PRIV (self)->formats[axis == GTK_ORIENTATION_VERTICAL ? 1 : 0];
}

/* The legend items (CplChartLegendItem) for the current data and palette. */
GArray *
cpl_chart_build_legend (CplChart *self)
{
  CplChartClass *klass = CPL_CHART_GET_CLASS (self);
  GArray *items = g_array_new (FALSE, TRUE, sizeof (CplChartLegendItem));

  cpl_chart_get_palette (self);
  if (klass->build_legend != NULL)
    klass->build_legend (self, items);
  return items;
}

/* The data changed: lay out again before the next hit test or frame. */
void
cpl_chart_invalidate (CplChart *self)
{
  PRIV (self)->layout_valid = FALSE;
  emit_update (self, CPL_CHART_UPDATE_SIZE | CPL_CHART_UPDATE_DRAW);
}

/* Something other than the layout changed: a hover, the cursor. */
void
cpl_chart_queue_draw (CplChart *self)
{
  emit_update (self, CPL_CHART_UPDATE_DRAW);
}

void
cpl_chart_ensure_layout (CplChart *self)
{
  CplChartPrivate *priv = PRIV (self);
  CplChartClass *klass = CPL_CHART_GET_CLASS (self);

  if (priv->layout_valid && priv->frame.width == priv->target.width && priv->frame.height == priv->target.height)
    return;

  cpl_chart_get_palette (self);
  if (klass->layout != NULL)
    klass->layout (self, priv->target.width, priv->target.height);
  priv->frame.width = priv->target.width;
  priv->frame.height = priv->target.height;
  priv->layout_valid = TRUE;
}

/* The width the chart is laid out for. */
int
cpl_chart_get_width (CplChart *self)
{
  return PRIV (self)->target.width;
}

void
cpl_chart_set_accessible_label (CplChart   *self,
                                const char *label)
{
  if (cpl_chart_set_string (&PRIV (self)->label, label))
    emit_update (self, CPL_CHART_UPDATE_ACCESSIBLE);
}

/* ---- actions ---- */

/**
 * cpl_chart_class_add_action:
 * @name: "chart.NAME"
 * @key: the first key that activates it, 0 for none
 * @...: more keys, then 0
 *
 * Gives every view of a chart of @klass the action @name, bound to the
 * keys; the chart's activate_action handles it.
 */
void
cpl_chart_class_add_action (CplChartClass *klass,
                            const char    *name,
                            guint          key,
                            ...)
{
  CplChartAction action = { g_intern_string (name), { 0 } };
  va_list args;

  va_start (args, key);
  for (guint k = 0; key != 0 && k < G_N_ELEMENTS (action.keys); k++)
    {
      action.keys[k] = key;
      key = va_arg (args, guint);
    }
  va_end (args);

  if (klass->actions == NULL)
    klass->actions = g_array_new (FALSE, TRUE, sizeof (CplChartAction));
  g_array_append_val (klass->actions, action);
}

const CplChartAction *
cpl_chart_get_actions (CplChart *self,
                       guint    *n_actions)
{
  GArray *actions = CPL_CHART_GET_CLASS (self)->actions;

  *n_actions = actions != NULL ? actions->len : 0;
  return actions != NULL ? (const CplChartAction *) (gpointer) actions->data : NULL;
}

/* The verbs of the cursor actions, and the keys that bind them. */
static const struct
{
  const char *verb;
  guint       keys[2];
} cursor_moves[] = {
  { "next",     { GDK_KEY_Right, GDK_KEY_KP_Right } },
  { "previous", { GDK_KEY_Left,  GDK_KEY_KP_Left } },
  { "first",    { GDK_KEY_Home,  GDK_KEY_KP_Home } },
  { "last",     { GDK_KEY_End,   GDK_KEY_KP_End } },
};

void
cpl_chart_class_install_cursor_actions (CplChartClass *klass,
                                        const char    *unit)
{
  for (guint m = 0; m < G_N_ELEMENTS (cursor_moves); m++)
    {
      g_autofree char *name = g_strdup_printf ("chart.%s-%s", cursor_moves[m].verb, unit);

      cpl_chart_class_add_action (klass, name, cursor_moves[m].keys[0], cursor_moves[m].keys[1], 0);
    }
}

void
cpl_chart_move_cursor (CplChart   *self,
                       int        *cursor,
                       guint       n,
                       const char *action_name)
{
  int last = (int) n - 1;
  const char *verb = action_name + strlen ("chart.");

  if (last < 0)
    return;

  if (g_str_has_prefix (verb, "next-"))
    *cursor = *cursor < 0 ? 0 : MIN (*cursor + 1, last);
  else if (g_str_has_prefix (verb, "previous-"))
    *cursor = *cursor < 0 ? last : MAX (*cursor - 1, 0);
  else if (g_str_has_prefix (verb, "first-"))
    *cursor = 0;
  else if (g_str_has_prefix (verb, "last-"))
    *cursor = last;

  emit_update (self, CPL_CHART_UPDATE_TOOLTIP | CPL_CHART_UPDATE_DRAW);
}

/* ---- object ---- */

static void
cpl_chart_dispose (GObject *object)
{
  CplChartPrivate *priv = PRIV (CPL_CHART (object));

  cpl_chart_frame_clear (&priv->frame);
  cpl_chart_frame_free_cache (&priv->frame);
  cpl_chart_format_clear (&priv->formats[0]);
  cpl_chart_format_clear (&priv->formats[1]);
  g_clear_object (&priv->target.context);

  G_OBJECT_CLASS (cpl_chart_parent_class)->dispose (object);
}

static void
cpl_chart_finalize (GObject *object)
{
  CplChartPrivate *priv = PRIV (CPL_CHART (object));

  g_free (priv->title);
  g_free (priv->subject);
  g_free (priv->source);
  g_free (priv->label);
  g_free (priv->description);
  g_free (priv->zero_note);
  g_clear_pointer (&priv->frozen_content, g_bytes_unref);

  G_OBJECT_CLASS (cpl_chart_parent_class)->finalize (object);
}

static void
cpl_chart_class_init (CplChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cpl_chart_dispose;
  object_class->finalize = cpl_chart_finalize;

  /**
   * CplChart::update:
   * @what: the CplChartUpdate flags: what to do again
   *
   * Whatever shows the chart should draw it again, measure it again, ask
   * for its tooltip again or read its accessible texts again.
   */
  signals[SIGNAL_UPDATE] = g_signal_new ("update", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
cpl_chart_init (CplChart *self)
{
  CplChartPrivate *priv = PRIV (self);

  priv->target.width = CPL_CHART_NAT_WIDTH;
  priv->target.height = CPL_CHART_NAT_HEIGHT;
}

/* ---- public ---- */

/**
 * cpl_chart_set_description:
 * @text: (nullable): what the chart shows, in words, for screen readers
 */
void
cpl_chart_set_description (CplChart   *self,
                           const char *text)
{
  g_return_if_fail (CPL_IS_CHART (self));

  if (cpl_chart_set_string (&PRIV (self)->description, text))
    emit_update (self, CPL_CHART_UPDATE_ACCESSIBLE);
}

const char *
cpl_chart_get_description (CplChart *self)
{
  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  return PRIV (self)->description;
}

/**
 * cpl_chart_set_title:
 * @title: (nullable): what the chart shows, as on its card
 *
 * Drawn over an exported chart, and the accessible name of its view.
 */
void
cpl_chart_set_title (CplChart   *self,
                     const char *title)
{
  g_return_if_fail (CPL_IS_CHART (self));

  if (cpl_chart_set_string (&PRIV (self)->title, title))
    emit_update (self, CPL_CHART_UPDATE_ACCESSIBLE);
}

const char *
cpl_chart_get_title (CplChart *self)
{
  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  return PRIV (self)->title;
}

/**
 * cpl_chart_set_zero_note:
 * @note: (nullable): what it means that every value is zero, "No compute
 *   gap in any year"
 *
 * Written in the plot when the chart's values are all zero, where a flat
 * line on an axis with one tick, 0, could read as a chart that failed.
 */
/**
 * cpl_chart_set_min_height:
 * @min_height: in pixels, or 0 for the usual
 *
 * The least height the chart asks for, legend included; a chart that
 * needs room of its own on top (a bar chart's slanted names) asks for
 * that much more.  Use it rather than a size request on the view, which
 * would swallow that room.
 */
void
cpl_chart_set_min_height (CplChart *self,
                          int       min_height)
{
  g_return_if_fail (CPL_IS_CHART (self));

  if (PRIV (self)->min_height != min_height)
    {
      PRIV (self)->min_height = min_height;
      emit_update (self, CPL_CHART_UPDATE_SIZE);
    }
}

void
cpl_chart_set_zero_note (CplChart   *self,
                         const char *note)
{
  g_return_if_fail (CPL_IS_CHART (self));

  if (cpl_chart_set_string (&PRIV (self)->zero_note, note))
    emit_update (self, CPL_CHART_UPDATE_DRAW);
}

const char *
cpl_chart_get_zero_note (CplChart *self)
{
  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  return PRIV (self)->zero_note;
}

/**
 * cpl_chart_set_subject:
 * @subject: (nullable): what the chart is of, "NVIDIA H20 at a 15% revenue
 *   share": the scenario, the sale line or the day whose figures it draws
 *
 * Drawn under the title of an exported chart, so that the picture says
 * whose figures it shows once it leaves the app (an exported "Where the
 * Revenue Goes" named no sale line).  The view shows it elsewhere.
 */
void
cpl_chart_set_subject (CplChart   *self,
                       const char *subject)
{
  g_return_if_fail (CPL_IS_CHART (self));

  cpl_chart_set_string (&PRIV (self)->subject, subject);
}

const char *
cpl_chart_get_subject (CplChart *self)
{
  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  return PRIV (self)->subject;
}

/**
 * cpl_chart_set_source:
 * @source: (nullable): the source line, "Chip Policy Lab · data: …"
 *
 * Drawn under an exported chart, in a smaller, dimmer font.
 */
void
cpl_chart_set_source (CplChart   *self,
                      const char *source)
{
  g_return_if_fail (CPL_IS_CHART (self));

  cpl_chart_set_string (&PRIV (self)->source, source);
}

const char *
cpl_chart_get_source (CplChart *self)
{
  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  return PRIV (self)->source;
}

/* The accessible name of the chart's view: its title, else its kind. */
const char *
cpl_chart_get_accessible_label (CplChart *self)
{
  CplChartPrivate *priv;

  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  priv = PRIV (self);
  return priv->title != NULL && priv->title[0] != '\0' ? priv->title : priv->label;
}

/**
 * cpl_chart_set_format:
 * @axis: %GTK_ORIENTATION_VERTICAL for the value axis,
 *   %GTK_ORIENTATION_HORIZONTAL for a numeric horizontal axis
 * @func: (nullable): makes the text of a value; %NULL for plain numbers
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data when the format is replaced or
 *   the chart disposed
 *
 * How the values of @axis read in tick labels, tooltips and value labels.
 * Tick labels drop the zeros that end their decimals ("$5.00 B" → "$5 B"),
 * as @func is made for single values.
 */
void
cpl_chart_set_format (CplChart           *self,
                      GtkOrientation      axis,
                      CplChartFormatFunc  func,
                      gpointer            user_data,
                      GDestroyNotify      destroy)
{
  CplChartFormat *format;

  g_return_if_fail (CPL_IS_CHART (self));

  format = &PRIV (self)->formats[axis == GTK_ORIENTATION_VERTICAL ? 1 : 0];
  cpl_chart_format_clear (format);
  format->func = func;
  format->data = user_data;
  format->destroy = destroy;
  cpl_chart_invalidate (self);
}

/**
 * cpl_chart_set_tick_format:
 * @axis: as for cpl_chart_set_format()
 * @tick_func: (nullable): makes the tick labels of @axis, knowing its
 *   largest tick, with the user data of cpl_chart_set_format(); %NULL
 *   for that format's
 *
 * For values whose unit changes with their size (money: "5,000 美元",
 * "1 万美元"), so that every tick of an axis reads in the unit of the
 * largest.  Set after cpl_chart_set_format(), which clears it.
 */
void
cpl_chart_set_tick_format (CplChart               *self,
                           GtkOrientation          axis,
                           CplChartTickFormatFunc  tick_func)
{
  g_return_if_fail (CPL_IS_CHART (self));

  PRIV (self)->formats[axis == GTK_ORIENTATION_VERTICAL ? 1 : 0].tick_func = tick_func;
  cpl_chart_invalidate (self);
}

/**
 * cpl_chart_format_value:
 *
 * Returns: (transfer full): @value as the chart shows it in tooltips
 */
char *
cpl_chart_format_value (CplChart       *self,
                        GtkOrientation  axis,
                        double          value)
{
  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  return cpl_chart_format_apply (cpl_chart_get_format (self, axis), value);
}

/**
 * cpl_chart_dup_tick_labels:
 * @axis: %GTK_ORIENTATION_VERTICAL for the value axis,
 *   %GTK_ORIENTATION_HORIZONTAL for a numeric horizontal axis
 *
 * The tick labels as laid out for the current size, lowest value first;
 * empty when the axis has none (a bar chart's categories are not ticks).
 *
 * Returns: (transfer full): a %NULL-terminated array of strings
 */
char **
cpl_chart_dup_tick_labels (CplChart       *self,
                           GtkOrientation  axis)
{
  CplChartFrame *frame;

  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  cpl_chart_ensure_layout (self);
  frame = &PRIV (self)->frame;
  return cpl_chart_ticks_dup_labels (axis == GTK_ORIENTATION_VERTICAL ? &frame->y_ticks : &frame->x_ticks);
}

/* ---- what a view calls ---- */

/* A context for text with no display: pango-cairo's, in the GNOME font
 * (or the nearest there is) at the size and resolution of the screen. */
static PangoContext *
headless_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Noto Sans, Sans 11");
  cairo_font_options_t *options = cairo_font_options_create ();

  /* glyph advances that do not depend on the pixel grid, for PNG and
   * vector exports alike */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96);
  pango_context_set_font_description (context, font);
  pango_context_set_language (context, pango_language_get_default ());

  cairo_font_options_destroy (options);
  pango_font_description_free (font);
  return context;
}

/**
 * cpl_chart_set_pango_context:
 * @context: (nullable): the context of the chart's text; %NULL for
 *   pango-cairo's, with no display
 */
void
cpl_chart_set_pango_context (CplChart     *self,
                             PangoContext *context)
{
  CplChartPrivate *priv;

  g_return_if_fail (CPL_IS_CHART (self));
  g_return_if_fail (context == NULL || PANGO_IS_CONTEXT (context));

  priv = PRIV (self);
  if (g_set_object (&priv->target.context, context))
    cpl_chart_invalidate (self);
}

PangoContext *
cpl_chart_get_pango_context (CplChart *self)
{
  CplChartPrivate *priv;

  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  priv = PRIV (self);
  if (priv->target.context == NULL)
    priv->target.context = headless_context_new ();
  return priv->target.context;
}

/* The size to lay the chart out for; its view's, or an export's. */
void
cpl_chart_set_size (CplChart *self,
                    int       width,
                    int       height)
{
  CplChartPrivate *priv;

  g_return_if_fail (CPL_IS_CHART (self));

  priv = PRIV (self);
  priv->target.width = MAX (width, 0);
  priv->target.height = MAX (height, 0);
}

/* Whether the chart's view has the keyboard focus: the cursor shows. */
void
cpl_chart_set_focused (CplChart *self,
                       gboolean  focused)
{
  CplChartPrivate *priv;

  g_return_if_fail (CPL_IS_CHART (self));

  priv = PRIV (self);
  if (priv->target.focused == !!focused)
    return;
  priv->target.focused = !!focused;
  emit_update (self, CPL_CHART_UPDATE_DRAW);
}

gboolean
cpl_chart_has_focus (CplChart *self)
{
  g_return_val_if_fail (CPL_IS_CHART (self), FALSE);

  return PRIV (self)->target.focused;
}

/* The size the chart asks for, as GtkWidget::measure. */
void
cpl_chart_measure_size (CplChart       *self,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural)
{
  CplChartClass *klass;

  g_return_if_fail (CPL_IS_CHART (self));

  klass = CPL_CHART_GET_CLASS (self);
  if (klass->measure != NULL)
    klass->measure (self, orientation, for_size, minimum, natural);
  else
    cpl_chart_measure_plain (self, orientation, for_size, minimum, natural);
}

/* The size of a chart with a legend over a plot of the usual size: what
 * a chart whose class has no measure() asks for. */
void
cpl_chart_measure_plain (CplChart       *self,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural)
{
  int legend_height = 0;

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      g_autoptr(GArray) legend = cpl_chart_build_legend (self);

      legend_height = cpl_chart_legend_measure (cpl_chart_frame_get_legend_cache (&PRIV (self)->frame),
                                                cpl_chart_get_pango_context (self),
                                                (const CplChartLegendItem *) (gpointer) legend->data,
                                                legend->len, cpl_chart_legend_width (for_size));
    }
  cpl_chart_measure (orientation, legend_height, minimum, natural);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = MAX (*minimum, PRIV (self)->min_height);
      *natural = MAX (*natural, *minimum);
    }
}

/* Legend, axes and data, for the size set with cpl_chart_set_size(). */
void
cpl_chart_snapshot (CplChart    *self,
                    GtkSnapshot *snapshot)
{
  CplChartPrivate *priv;
  CplChartClass *klass;
  const CplChartPalette *palette;
  g_autoptr(GArray) legend = NULL;

  g_return_if_fail (CPL_IS_CHART (self));

  priv = PRIV (self);
  klass = CPL_CHART_GET_CLASS (self);
  palette = cpl_chart_get_palette (self);
  cpl_chart_ensure_layout (self);
  legend = cpl_chart_build_legend (self);

  cpl_chart_frame_snapshot (&priv->frame, cpl_chart_get_pango_context (self), snapshot,
                            (const CplChartLegendItem *) (gpointer) legend->data, legend->len,
                            palette);

  if (cpl_chart_frame_has_plot (&priv->frame) && klass->snapshot_plot != NULL)
    klass->snapshot_plot (self, snapshot);
}

/* The pointer moved to (@x, @y); NaN, NaN: it left. */
void
cpl_chart_pointer_moved (CplChart *self,
                         double    x,
                         double    y)
{
  CplChartClass *klass;

  g_return_if_fail (CPL_IS_CHART (self));

  klass = CPL_CHART_GET_CLASS (self);
  if (klass->pointer_moved != NULL)
    klass->pointer_moved (self, x, y);
}

void
cpl_chart_pressed (CplChart *self,
                   int       n_press,
                   double    x,
                   double    y)
{
  CplChartClass *klass;

  g_return_if_fail (CPL_IS_CHART (self));

  klass = CPL_CHART_GET_CLASS (self);
  if (klass->pressed != NULL)
    klass->pressed (self, n_press, x, y);
}

/* Whether the chart follows drags at all. */
gboolean
cpl_chart_can_drag (CplChart *self)
{
  g_return_val_if_fail (CPL_IS_CHART (self), FALSE);

  return CPL_CHART_GET_CLASS (self)->drag_begin != NULL;
}

void
cpl_chart_drag_begin (CplChart *self,
                      double    x,
                      double    y)
{
  CplChartClass *klass;

  g_return_if_fail (CPL_IS_CHART (self));

  klass = CPL_CHART_GET_CLASS (self);
  if (klass->drag_begin != NULL)
    klass->drag_begin (self, x, y);
}

void
cpl_chart_drag_update (CplChart *self,
                       double    dx,
                       double    dy)
{
  CplChartClass *klass;

  g_return_if_fail (CPL_IS_CHART (self));

  klass = CPL_CHART_GET_CLASS (self);
  if (klass->drag_update != NULL)
    klass->drag_update (self, dx, dy);
}

/**
 * cpl_chart_query_tooltip:
 * @area: (out): where the tooltip holds
 *
 * Returns: (transfer full) (nullable): the tooltip at (@x, @y), with the
 *   keyboard cursor's when @keyboard_mode
 */
char *
cpl_chart_query_tooltip (CplChart     *self,
                         double        x,
                         double        y,
                         gboolean      keyboard_mode,
                         GdkRectangle *area)
{
  CplChartClass *klass;

  g_return_val_if_fail (CPL_IS_CHART (self), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  klass = CPL_CHART_GET_CLASS (self);
  *area = (GdkRectangle) { 0, 0, PRIV (self)->target.width, PRIV (self)->target.height };
  cpl_chart_ensure_layout (self);
  if (!cpl_chart_frame_has_plot (&PRIV (self)->frame) || klass->query_tooltip == NULL)
    return NULL;
  return klass->query_tooltip (self, x, y, keyboard_mode, area);
}

/**
 * cpl_chart_activate_action:
 * @action_name: "chart.NAME", one of the chart's actions
 *
 * Returns: %TRUE when the chart has that action
 */
gboolean
cpl_chart_activate_action (CplChart   *self,
                           const char *action_name)
{
  const CplChartAction *actions;
  guint n;

  g_return_val_if_fail (CPL_IS_CHART (self), FALSE);
  g_return_val_if_fail (action_name != NULL, FALSE);

  actions = cpl_chart_get_actions (self, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (actions[i].name, action_name))
      {
        CPL_CHART_GET_CLASS (self)->activate_action (self, actions[i].name);
        return TRUE;
      }
  return FALSE;
}

/* ---- export ---- */

/**
 * cpl_chart_ensure_headless:
 *
 * Makes drawing charts safe with no display, where gtk_init() was never
 * called: registers the GSK render node types, which GtkSnapshot needs.
 * Called by cpl_chart_draw(); may be called any number of times.
 */
void
cpl_chart_ensure_headless (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      /* registering one node type registers them all */
      g_type_ensure (GSK_TYPE_COLOR_NODE);
      g_once_init_leave (&done, 1);
    }
}

/**
 * cpl_chart_export_format_from_path:
 * @format: (out): the format, by the extension of @path
 *
 * Returns: %TRUE for a path ending in .png, .svg or .pdf (in any case)
 */
gboolean
cpl_chart_export_format_from_path (const char           *path,
                                   CplChartExportFormat *format)
{
  static const struct
  {
    const char           *extension;
    CplChartExportFormat  format;
  } formats[] = {
    { ".png", CPL_CHART_EXPORT_PNG },
    { ".svg", CPL_CHART_EXPORT_SVG },
    { ".pdf", CPL_CHART_EXPORT_PDF },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension) && strlen (lower) > strlen (formats[i].extension))
      {
        if (format != NULL)
          *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

/**
 * cpl_chart_append_cairo:
 * @bounds: where the drawing may go, in the chart's coordinates
 *
 * Like gtk_snapshot_append_cairo(): a cairo context drawing on
 * @snapshot in the chart's coordinates, clipped to @bounds; the caller
 * destroys it when done.
 *
 * On screen that is all.  For cpl_chart_draw() the drawing's node covers
 * the chart from its origin (0, 0) to the far corner of @bounds, and is
 * placed with a transform: GtkSnapshot folds its offsets into a cairo
 * node's bounds and records the drawing in a cairo recording surface
 * that starts where the bounds do, and cairo 1.16's SVG backend writes
 * such a surface without its origin, so lines drawn in the plot came out
 * shifted against the axes.  A recording surface starting at (0, 0),
 * placed by a translation, is written right by every cairo.
 */
cairo_t *
cpl_chart_append_cairo (CplChart              *self,
                        GtkSnapshot           *snapshot,
                        const graphene_rect_t *bounds)
{
  GskRenderNode *node;
  cairo_t *cr;

  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  if (!PRIV (self)->target.exporting)
    return gtk_snapshot_append_cairo (snapshot, bounds);

  /* nothing drawn left of or above the chart's origin shows anyway */
  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0,
                                                  MAX (bounds->origin.x + bounds->size.width, 0),
                                                  MAX (bounds->origin.y + bounds->size.height, 0)));
  cr = gsk_cairo_node_get_draw_context (node);
  /* not a translation: the snapshot puts the node under a transform node */
  gtk_snapshot_append_node (snapshot, node);
  gsk_render_node_unref (node);
  cairo_rectangle (cr, bounds->origin.x, bounds->origin.y, bounds->size.width, bounds->size.height);
  cairo_clip (cr);
  return cr;
}

/**
 * cpl_chart_drawing_begin:
 * @drawing: what was drawn there last, kept by the caller
 * @bounds: where the drawing may go, in the chart's coordinates
 *
 * Like cpl_chart_append_cairo(), for a drawing that often comes out the
 * same from one frame to the next (a chart's lines, redrawn for a hover,
 * a tooltip or a range that arrives later): draw with
 * cpl_chart_drawing_fill() and cpl_chart_drawing_stroke() only, and end
 * with cpl_chart_drawing_end().  Each fill and stroke records what it
 * draws (its path, colour, line width, dashes, clip and transform); when
 * a drawing records exactly what the last one did, the last one's node
 * is shown again, and the renderer, which keeps a drawing's pixels while
 * its node lives, does not rasterize the same lines once more.
 *
 * An export draws through cpl_chart_append_cairo(), and keeps nothing.
 */
cairo_t *
cpl_chart_drawing_begin (CplChart              *self,
                         CplChartDrawing       *drawing,
                         GtkSnapshot           *snapshot,
                         const graphene_rect_t *bounds)
{
  g_return_val_if_fail (CPL_IS_CHART (self), NULL);
  g_return_val_if_fail (drawing->next == NULL, NULL);

  if (PRIV (self)->target.exporting)
    return cpl_chart_append_cairo (self, snapshot, bounds);

  /* in the chart's coordinates, not the snapshot's: moved, it is the same */
  drawing->next = gsk_cairo_node_new (bounds);
  drawing->next_key = g_byte_array_new ();
  g_byte_array_append (drawing->next_key, (const guint8 *) bounds, sizeof *bounds);
  return gsk_cairo_node_get_draw_context (drawing->next);
}

static void
key_add (GByteArray *key,
         const void *data,
         gsize       size)
{
  g_byte_array_append (key, data, (guint) size);
}

/* Records in @drawing what the fill or stroke @op about to be made on
 * @cr draws; a source other than one colour, or a clip other than
 * rectangles, is not recorded: that drawing is not kept. */
static void
drawing_record (CplChartDrawing *drawing,
                cairo_t         *cr,
                guint8           op)
{
  GByteArray *key = drawing->next_key;
  cairo_path_t *path;
  cairo_rectangle_list_t *clip;
  cairo_matrix_t matrix;
  double rgba[4], width = cairo_get_line_width (cr), offset = 0;
  int ints[6] = {
    cairo_get_line_cap (cr), cairo_get_line_join (cr), cairo_get_fill_rule (cr),
    cairo_get_operator (cr), cairo_get_antialias (cr), cairo_get_dash_count (cr),
  };

  if (key == NULL)
    return;
  if (cairo_pattern_get_rgba (cairo_get_source (cr), &rgba[0], &rgba[1], &rgba[2], &rgba[3]) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&drawing->next_key, g_byte_array_unref);
      return;
    }
  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS)
    {
      cairo_rectangle_list_destroy (clip);
      g_clear_pointer (&drawing->next_key, g_byte_array_unref);
      return;
    }

  key_add (key, &op, 1);
  key_add (key, rgba, sizeof rgba);
  key_add (key, &width, sizeof width);
  key_add (key, ints, sizeof ints);
  if (ints[5] > 0)
    {
      g_autofree double *dashes = g_new (double, ints[5]);

      cairo_get_dash (cr, dashes, &offset);
      key_add (key, dashes, ints[5] * sizeof *dashes);
      key_add (key, &offset, sizeof offset);
    }
  cairo_get_matrix (cr, &matrix);
  key_add (key, &matrix, sizeof matrix);
  key_add (key, &clip->num_rectangles, sizeof clip->num_rectangles);
  key_add (key, clip->rectangles, clip->num_rectangles * sizeof *clip->rectangles);
  cairo_rectangle_list_destroy (clip);

  /* element by element: a header leaves half of its union unset */
  path = cairo_copy_path (cr);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      int header[2] = { path->data[i].header.type, path->data[i].header.length };

      key_add (key, header, sizeof header);
      for (int j = 1; j < header[1]; j++)
        key_add (key, &path->data[i + j].point, sizeof path->data[i + j].point);
    }
  cairo_path_destroy (path);
}

/* cairo_fill() on a drawing from cpl_chart_drawing_begin(). */
void
cpl_chart_drawing_fill (CplChartDrawing *drawing,
                        cairo_t         *cr)
{
  drawing_record (drawing, cr, 'f');
  cairo_fill (cr);
}

/* cairo_stroke() on a drawing from cpl_chart_drawing_begin(). */
void
cpl_chart_drawing_stroke (CplChartDrawing *drawing,
                          cairo_t         *cr)
{
  drawing_record (drawing, cr, 's');
  cairo_stroke (cr);
}

/* Ends and shows the drawing begun with cpl_chart_drawing_begin(): the
 * last one's node when it drew the same, else this one, kept for next
 * time.  Destroys @cr. */
void
cpl_chart_drawing_end (CplChartDrawing *drawing,
                       GtkSnapshot     *snapshot,
                       cairo_t         *cr)
{
  g_autoptr(GskRenderNode) next = g_steal_pointer (&drawing->next);
  g_autoptr(GByteArray) key = g_steal_pointer (&drawing->next_key);

  cairo_destroy (cr);
  if (next == NULL)   /* an export: appended as it began */
    return;

  if (key != NULL && drawing->key != NULL && drawing->node != NULL
      && key->len == drawing->key->len && memcmp (key->data, drawing->key->data, key->len) == 0)
    {
      gtk_snapshot_append_node (snapshot, drawing->node);
      return;
    }
  gtk_snapshot_append_node (snapshot, next);
  g_clear_pointer (&drawing->node, gsk_render_node_unref);
  g_clear_pointer (&drawing->key, g_byte_array_unref);
  drawing->node = g_steal_pointer (&next);
  drawing->key = g_steal_pointer (&key);
}

void
cpl_chart_drawing_clear (CplChartDrawing *drawing)
{
  g_clear_pointer (&drawing->node, gsk_render_node_unref);
  g_clear_pointer (&drawing->key, g_byte_array_unref);
  g_clear_pointer (&drawing->next, gsk_render_node_unref);
  g_clear_pointer (&drawing->next_key, g_byte_array_unref);
}

/* A line of @text over the export, in @font and @color, at most
 * @max_lines lines within @width; returns its height, 0 without text. */
static int
append_export_text (CplChart      *self,
                    GtkSnapshot   *snapshot,
                    const char    *text,
                    CplChartFont   font,
                    int            max_lines,
                    double         width,
                    double         y,
                    gboolean       from_bottom,
                    const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (text == NULL || text[0] == '\0')
    return 0;

  layout = cpl_chart_layout_new (cpl_chart_get_pango_context (self), text, font);
  cpl_chart_layout_limit (layout, (int) width - 2 * CPL_CHART_PADDING, max_lines);
  cpl_chart_layout_size (layout, NULL, &height);
  cpl_chart_append_layout (snapshot, layout, CPL_CHART_PADDING, from_bottom ? y - height : y, color);
  return height;
}

/**
 * cpl_chart_draw:
 * @cr: where to draw, in user units
 * @dark: the dark palette instead of the light one
 *
 * Draws the chart for an export at @width × @height: a filled background,
 * the title at the top in bold, its subject under it, the legend, axis
 * titles, ticks and data as on screen, and the source line at the bottom
 * in a smaller, dimmer font.
 * The colours are the fixed light or dark palette, the text pango-cairo's,
 * whatever shows the chart on screen; it needs no display.
 */
void
cpl_chart_draw (CplChart *self,
                cairo_t  *cr,
                double    width,
                double    height,
                gboolean  dark)
{
  CplChartPrivate *priv;
  CplChartTarget saved;
  const CplChartPalette *palette;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GdkRGBA title_color, source_color;
  int top, bottom;

  g_return_if_fail (CPL_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  cpl_chart_ensure_headless ();
  priv = PRIV (self);

  /* what the view gave the chart, back after drawing */
  saved = priv->target;
  priv->target.context = headless_context_new ();
  pango_cairo_update_context (cr, priv->target.context);
  cpl_chart_palette_init (&priv->target.palette, dark);
  priv->target.palette_valid = TRUE;
  priv->target.focused = FALSE;
  priv->target.exporting = TRUE;
  palette = &priv->target.palette;

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &palette->background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  title_color = palette->fg;
  title_color.alpha = 1;
  source_color = cpl_chart_rgba_alpha (&palette->fg, .6f);
  top = append_export_text (self, snapshot, priv->title, CPL_CHART_FONT_HEADING, 2, width,
                            CPL_CHART_PADDING, FALSE, &title_color);
  if (top > 0 && priv->subject != NULL && priv->subject[0] != '\0')
    top += CPL_CHART_LABEL_GAP;
  top += append_export_text (self, snapshot, priv->subject, CPL_CHART_FONT_TITLE, 2, width,
                             CPL_CHART_PADDING + top, FALSE, &title_color);
  if (top > 0)
    top += CPL_CHART_PADDING - CPL_CHART_LABEL_GAP;
  bottom = append_export_text (self, snapshot, priv->source, CPL_CHART_FONT_LABEL, 2, width,
                               height - CPL_CHART_PADDING, TRUE, &source_color);
  if (bottom > 0)
    bottom += CPL_CHART_PADDING - CPL_CHART_LABEL_GAP;

  priv->target.width = (int) floor (width);
  priv->target.height = MAX ((int) floor (height) - top - bottom, 0);
  priv->layout_valid = FALSE;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, top));
  cpl_chart_snapshot (self, snapshot);
  gtk_snapshot_restore (snapshot);

  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    {
      gsk_render_node_draw (node, cr);
      gsk_render_node_unref (node);
    }

  g_object_unref (priv->target.context);
  priv->target = saved;
  priv->layout_valid = FALSE;
}

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * cpl_chart_export:
 * @path: the file to write, replaced if it exists
 * @width: in pixels before @scale for PNG, in points for SVG and PDF
 * @scale: PNG only: the picture is @scale × @width by @scale × @height
 *   pixels, drawn at that scale (2 for a sharp picture on a slide)
 * @dark: the dark palette instead of the light one
 *
 * Draws the chart with cpl_chart_draw() into a PNG, SVG or PDF file.
 * With no display.
 *
 * Returns: %TRUE when written; %FALSE with @error, naming @path, if not
 */
gboolean
cpl_chart_export (CplChart              *self,
                  const char            *path,
                  CplChartExportFormat   format,
                  int                    width,
                  int                    height,
                  double                 scale,
                  gboolean               dark,
                  GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (CPL_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (scale > 0 && scale <= 16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
    case CPL_CHART_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;

    case CPL_CHART_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes, width, height);
      break;

    case CPL_CHART_EXPORT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
      break;
    }

  cr = cairo_create (surface);
  cpl_chart_draw (self, cr, width, height, dark);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (format == CPL_CHART_EXPORT_PNG)
    status = cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
             ? cairo_surface_status (surface)
             : cairo_surface_write_to_png_stream (surface, write_to_bytes, bytes);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the chart for “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  file = g_file_new_for_path (path);
  if (!g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error))
    {
      /* GIO names the file in most of its messages: then only once */
      if (error != NULL && strstr ((*error)->message, path) != NULL)
        g_prefix_error (error, _("Could not export the chart: "));
      else
        g_prefix_error (error, _("Could not export the chart to “%s”: "), path);
      return FALSE;
    }
  return TRUE;
}
