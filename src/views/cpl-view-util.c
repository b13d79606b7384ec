/* cpl-view-util.c: small things the views share */
#define G_LOG_DOMAIN "cpl-view-util"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cpl-application.h"
#include "cpl-builtin.h"
#include "cpl-report.h"
#include "cpl-window.h"
#include "cpl-view-util.h"
#include "widgets/cpl-line-chart.h"

typedef struct {
  GWeakRef widget;
  GWeakRef foldable;
} FoldWatch;

static void
fold_watch_free (gpointer data)
{
  FoldWatch *watch = data;

  g_weak_ref_clear (&watch->widget);
  g_weak_ref_clear (&watch->foldable);
  g_free (watch);
}

static gboolean
apply_folded (gpointer data)
{
  FoldWatch *watch = data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&watch->widget);
  g_autoptr(GObject) foldable = g_weak_ref_get (&watch->foldable);
  gboolean folded = FALSE;

  if (widget != NULL && foldable != NULL)
    {
      g_object_get (foldable, "folded", &folded, NULL);
      gtk_widget_set_visible (widget, folded);
    }
  return G_SOURCE_REMOVE;
}

static void
on_folded (GObject    *foldable,
           GParamSpec *pspec,
           GtkWidget  *widget)
{
  FoldWatch *watch = g_new0 (FoldWatch, 1);

  g_weak_ref_init (&watch->widget, widget);
  g_weak_ref_init (&watch->foldable, foldable);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_folded, watch, fold_watch_free);
}

/**
 * cpl_show_when_folded:
 * @foldable: an AdwLeaflet or AdwFlap
 *
 * Shows @widget (a back button, a toggle) only while @foldable is folded.
 * A leaflet folds while it is being allocated; a binding would show the
 * button in the middle of that allocation, and GTK then draws it before
 * it has a size.  The change waits for an idle instead.
 */
void
cpl_show_when_folded (GtkWidget *widget,
                      gpointer   foldable)
{
  gboolean folded = FALSE;

  g_object_get (foldable, "folded", &folded, NULL);
  gtk_widget_set_visible (widget, folded);
  g_signal_connect_object (foldable, "notify::folded", G_CALLBACK (on_folded), widget, 0);
}

/**
 * cpl_leaflet_show:
 * @page: a child of @leaflet
 *
 * Makes @page the leaflet's visible child: the page in front on a phone,
 * the one shown when a wide window folds.  A leaflet moves the keyboard
 * focus into the page it shows, folded or not: on a wide window the first
 * click on a scenario sent the focus from its row to the results' view
 * switcher, and the arrow keys no longer moved along the list.  Unfolded,
 * the focus stays where it is.
 */
void
cpl_leaflet_show (AdwLeaflet *leaflet,
                  GtkWidget  *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (leaflet));
  GtkWidget *focus = root != NULL && !adw_leaflet_get_folded (leaflet) ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL)
    g_object_ref (focus);
  adw_leaflet_set_visible_child (leaflet, page);
  if (focus != NULL)
    {
      if (gtk_widget_get_root (focus) == root && gtk_root_get_focus (root) != focus)
        gtk_widget_grab_focus (focus);
      g_object_unref (focus);
    }
}

/**
 * cpl_scroll_to_top:
 * @inside: a widget in a scrolled window
 *
 * Scrolls the scrolled window around @inside back to its top: a list's
 * detail shown for another entry (another scenario, chip or sale line)
 * starts at its headline, as a page of its own would, not where the last
 * entry's was left (a scenario opened at its share-rate curve, a chip on
 * a phone at its price, with its status above, out of sight).
 */
void
cpl_scroll_to_top (GtkWidget *inside)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (inside, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  if (scrolled == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* Scrolls @page by @dy of @controller's units: a notch of the wheel as
 * far as GtkScrolledWindow moves it. */
static void
scroll_page (GtkEventControllerScroll *controller,
             GtkWidget                *page,
             double                    dy)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  double step = 1;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
}

/* The wheel turned up or down over a table that scrolls only sideways:
 * the page around it scrolls, as it would anywhere else (a scroller takes
 * every turn of the wheel for itself otherwise). */
static gboolean
on_sideways_scroll (GtkEventControllerScroll *controller,
                    double                    dx,
                    double                    dy,
                    gpointer                  user_data)
{
  GtkWidget *scroller = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *page = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* sideways (or Shift and the wheel): the table's own */
  if (dx != 0 || dy == 0 || (state & GDK_SHIFT_MASK) || page == NULL)
    return GDK_EVENT_PROPAGATE;
  scroll_page (controller, page, dy);
  return GDK_EVENT_STOP;
}

/* The wheel over a spin button the keyboard is not in: the page scrolls,
 * the number stays (scrolling down the What If… form took the H20's FP32
 * from 44 to 43 and its TF32 from 74 to 73.9 as it passed them). */
static gboolean
on_spin_scroll (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                gpointer                  user_data)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *page = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);

  if (gtk_widget_get_state_flags (spin) & GTK_STATE_FLAG_FOCUS_WITHIN)
    return GDK_EVENT_PROPAGATE;
  if (page != NULL && dy != 0)
    scroll_page (controller, page, dy);
  return GDK_EVENT_STOP;
}

/**
 * cpl_leave_wheel_to_page:
 * @spin: a spin button or a slider in a page that scrolls
 *
 * The wheel turned over @spin scrolls the page unless @spin has the
 * keyboard (clicked or tabbed into): a form is scrolled through without
 * changing what it passes (the share-rate slider took a sale line from
 * 15% to 5% as the page scrolled past it).
 */
void
cpl_leave_wheel_to_page (GtkWidget *spin)
{
  GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  g_signal_connect (wheel, "scroll", G_CALLBACK (on_spin_scroll), NULL);
  gtk_widget_add_controller (spin, wheel);
}

/* @child in a scroller as big as @child is, up to its limits, scrolling
 * sideways or up and down. */
static GtkWidget *
scrolled_new (GtkWidget *child,
              gboolean   sideways)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  sideways ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER,
                                  sideways ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), child);
  return scrolled;
}

/**
 * cpl_scroll_sideways:
 *
 * Returns: (transfer floating): @child in a scroller that scrolls sideways
 *   when the window is narrower than @child (a table of several columns
 *   on a phone), and is exactly as tall as @child.  The wheel turned up or
 *   down over it scrolls the page that holds it.
 */
GtkWidget *
cpl_scroll_sideways (GtkWidget *child)
{
  GtkWidget *scroller = scrolled_new (child, TRUE);
  GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  g_signal_connect (wheel, "scroll", G_CALLBACK (on_sideways_scroll), NULL);
  gtk_widget_add_controller (scroller, wheel);
  return scroller;
}

/* The bar shown when there is something to scroll sideways. */
static void
on_sideways_changed (GtkAdjustment *adjustment,
                     GtkWidget     *bar)
{
  gtk_widget_set_visible (bar, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment) >
                               gtk_adjustment_get_page_size (adjustment) + 0.5);
}

/**
 * cpl_sideways_bar_new:
 * @scroller: a scroller that scrolls sideways
 *
 * Returns: (transfer floating): a scrollbar for @scroller's sideways
 *   scrolling, to be put under it: drawn whenever there is something to
 *   scroll (the columns cut at the edge of a table on a phone gave no
 *   sign of more; an overlay scrollbar shows only under the pointer), and
 *   in a place of its own (with overlay scrolling off, GTK 4.8 drew the
 *   bar over the table's last row).
 */
GtkWidget *
cpl_sideways_bar_new (GtkScrolledWindow *scroller)
{
  GtkWidget *bar = gtk_scrollbar_new (GTK_ORIENTATION_HORIZONTAL, NULL);

  cpl_sideways_bar_follow (GTK_SCROLLBAR (bar), scroller);
  return bar;
}

/* @bar (a horizontal scrollbar) as cpl_sideways_bar_new() makes one. */
void
cpl_sideways_bar_follow (GtkScrollbar      *bar,
                         GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (scroller);

  gtk_scrollbar_set_adjustment (bar, adjustment);
  on_sideways_changed (adjustment, GTK_WIDGET (bar));
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_sideways_changed), bar, 0);
}

/**
 * cpl_text_join_list:
 * @items: (array length=n): the items
 *
 * Returns: (transfer full): "A", "A and B", "A, B and C"
 */
char *
cpl_text_join_list (const char * const *items,
                    guint               n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: between the last two items of a list, "A, B and C" */
        g_string_append (text, i + 1 == n ? _(" and ") : _(", "));
      g_string_append (text, items[i]);
    }
  return g_string_free (text, FALSE);
}

/* Whether @p (in a string) is a Chinese date's 年, 月 or 日. */
static gboolean
is_date_part (const char *p)
{
  return g_str_has_prefix (p, "年") || g_str_has_prefix (p, "月") || g_str_has_prefix (p, "日");
}

/* Whether the space at @p (in @text) is the one of an English date
 * between its month and its year: "April 2025". */
static gboolean
is_month_space (const char *text,
                const char *p)
{
  static const char * const months[] = { "January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December" };

  if (*p != ' ' || !(g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
                     g_ascii_isdigit (p[4]) && !g_ascii_isdigit (p[5])))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      gsize n = strlen (months[i]);
      const char *start = p - n;

      if ((gsize) (p - text) >= n && strncmp (start, months[i], n) == 0 &&
          (start == text || !g_ascii_isalpha (start[-1])))
        return TRUE;
    }
  return FALSE;
}

/* Whether the space at @p (in @text) is the one of an English date
 * between its day and its month: "4 December 2026". */
static gboolean
is_day_space (const char *text,
              const char *p)
{
  const char *month = p + 1;

  if (*p != ' ' || p == text || !g_ascii_isdigit (p[-1]))
    return FALSE;
  while (g_ascii_isalpha (*month))
    month++;
  return month > p + 1 && is_month_space (text, month);
}

/* Appends the character at @p of @text to @kept, keeping a date whole:
 * a word joiner between a Chinese date's numbers and its 年, 月 and 日
 * ("2025年" over "8月", or "2025年8" over "月", broke), a no-break space
 * for a space between them ("2025 年 8 月", as the built-in data and the
 * translations write them), and between an English day, month and year
 * ("April" over "2025", "4" over "December 2026").
 *
 * Returns: whether it did (FALSE: @p is not inside a date). */
static gboolean
keep_date_at (GString    *kept,
              const char *text,
              const char *p)
{
  const char *next = g_utf8_next_char (p);
  const char *prev = p > text ? g_utf8_prev_char (p) : p;

  if (is_month_space (text, p) || is_day_space (text, p) ||
      (*p == ' ' && p > text && g_ascii_isdigit (*prev) && is_date_part (next)) ||
      (*p == ' ' && g_ascii_isdigit (*next) && (g_str_has_prefix (prev, "年") || g_str_has_prefix (prev, "月"))))
    {
      g_string_append (kept, "\xc2\xa0");              /* U+00A0 NO-BREAK SPACE */
      return TRUE;
    }
  if ((g_ascii_isdigit (*p) && is_date_part (next)) ||
      ((g_str_has_prefix (p, "年") || g_str_has_prefix (p, "月")) && p > text && g_ascii_isdigit (p[-1]) &&
       g_ascii_isdigit (*next)))
    {
      g_string_append_len (kept, p, next - p);
      g_string_append (kept, "\xe2\x81\xa0");          /* U+2060 WORD JOINER */
      return TRUE;
    }
  return FALSE;
}

/* Whether @c may stand on one side of a unit's slash: a Latin letter
 * (GB/s), a Chinese character (美元/千瓦时), or before it a percent sign
 * (%/年, "% a year": "20%～60%/" ended a phone's line and "年" began the
 * next). */
static gboolean
unit_side (gunichar c,
           gboolean before)
{
  return (c < 0x80 && g_ascii_isalpha (c)) || (before && c == '%') ||
         g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

#define WORD_JOINER "\xe2\x81\xa0"    /* U+2060 */

/**
 * cpl_text_keep_units:
 *
 * Returns: @text for a label that wraps, with every number kept on the
 *   line of the word after it ("4,000 GB/s", "700 W": the space after a
 *   digit becomes a no-break space) and no line break inside a unit such
 *   as GB/s, PFLOP/s or %/年 (a word joiner after its slash), nor
 *   after the dash of a range ("10–60% a year", "$659 B–$1,511 B",
 *   "P10–P90": a word joiner after it), nor on either side of a Chinese
 *   range's "～" or "—" ("6,594 亿美元～15,107 亿美元", "2026—2030 年";
 *   "a — b", with spaces, may still break), nor inside a Chinese
 *   unit after a number ("亿美|元": a word joiner between its
 *   characters), nor inside a date (cpl_text_keep_dates()).
 */
char *
cpl_text_keep_units (const char *text)
{
  /* a range's dashes; the Chinese ones may break before them as well as
   * after them ("2026" ended a phone's line, "—2030" began the next;
   * "8,132,183" over "～18,632,395"): a word joiner on both sides */
  static const struct { const char *dash; gboolean before; } dashes[] = {
    { "\xe2\x80\x93", FALSE },     /* – */
    { "~", FALSE },
    { "\xef\xbd\x9e", TRUE },      /* ～ */
    { "\xe2\x80\x94", TRUE },      /* — */
  };
  /* the Chinese money and energy units, longest first */
  static const char * const units[] = { "万亿美元", "亿美元", "万美元", "兆美元", "億美元", "萬美元", "美元",
                                        "千瓦时", "千瓦時" };
  GString *kept = g_string_new (NULL);
  const char *unit_end = NULL;      /* the end of the unit after a number */

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      gsize dash = 0;
      gboolean before = FALSE;

      /* "a — b" with spaces, or a dash at the end, is left alone */
      for (guint i = 0; i < G_N_ELEMENTS (dashes) && dash == 0; i++)
        if (p > text && p[-1] != ' ' && g_str_has_prefix (p, dashes[i].dash) && *next != '\0' && *next != ' ')
          {
            dash = strlen (dashes[i].dash);
            before = dashes[i].before;
          }
      if (dash > 0)
        {
          /* a text kept already keeps its joiners, and gets no more */
          if (before && !g_str_has_suffix (kept->str, WORD_JOINER))
            g_string_append (kept, WORD_JOINER);
          g_string_append_len (kept, p, dash);
          if (!g_str_has_prefix (p + dash, WORD_JOINER))
            g_string_append (kept, WORD_JOINER);
        }
      /* not before "(": "BF16 (TFLOPS)" may break there, a chart's
       * category too narrow for it on one line ran over its neighbours */
      else if (keep_date_at (kept, text, p))
        ;
      else if (*p == ' ' && p > text && g_ascii_isdigit (p[-1]) && *next != '\0' && *next != ' ' && *next != '(')
        {
          g_string_append (kept, "\xc2\xa0");              /* U+00A0 NO-BREAK SPACE */
          for (guint i = 0; i < G_N_ELEMENTS (units) && unit_end == NULL; i++)
            if (g_str_has_prefix (next, units[i]))
              unit_end = next + strlen (units[i]);
        }
      else if (*p == '/' && p > text && unit_side (g_utf8_get_char (g_utf8_prev_char (p)), TRUE) &&
               unit_side (g_utf8_get_char (next), FALSE))
        g_string_append (kept, "/\xe2\x81\xa0");
      else
        {
          g_string_append_len (kept, p, next - p);
          if (unit_end != NULL && next < unit_end)
            g_string_append (kept, "\xe2\x81\xa0");
          else
            unit_end = NULL;
        }
    }
  return g_string_free (kept, FALSE);
}

/**
 * cpl_text_keep_terms:
 *
 * Returns: @text for a short label that wraps (a chart's marker): as
 *   cpl_text_keep_units(), and no line break inside a term, neither after
 *   the hyphen of "break-even" nor inside a Chinese word ("盈亏 | 平衡"
 *   broke, cpl_text_keep_han_words())
 */
char *
cpl_text_keep_terms (const char *text)
{
  g_autofree char *units = cpl_text_keep_units (text);
  GString *kept = g_string_new (NULL);

  for (const char *p = units; *p != '\0'; p++)
    {
      g_string_append_c (kept, *p);
      if (*p == '-' && p > units && g_ascii_isalpha (p[-1]) && g_ascii_isalpha (p[1]))
        g_string_append (kept, "\xe2\x81\xa0");          /* U+2060 WORD JOINER */
    }
  {
    g_autofree char *hyphens = g_string_free (kept, FALSE);

    return cpl_text_keep_han_words (hyphens);
  }
}

/**
 * cpl_text_keep_dates:
 *
 * Returns: @text for a label that wraps, its dates whole: a Chinese
 *   date's numbers kept with their 年, 月 and 日 (a scenario's name in the
 *   list broke as "…（2025年8" over "月）", and as "（2025年" over "8月）"),
 *   an English month with its year ("Full ban (April" over "2025)" in the
 *   comparison's menu of baselines).
 */
char *
cpl_text_keep_dates (const char *text)
{
  GString *kept = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!keep_date_at (kept, text, p))
        g_string_append_len (kept, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (kept, FALSE);
}

/* A titled AdwPreferencesGroup at the end of @box. */
GtkWidget *
cpl_group_append (GtkWidget  *box,
                  const char *title,
                  const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

/* What a notes group keeps: the text shown, as written, and whose it is. */
typedef struct
{
  GtkLabel       *caveat;        /* over the notes: what they no longer describe */
  GtkLabel       *label;
  char           *text;          /* as written (the label keeps units whole) */
  const char     *description;   /* what to write, when there is nothing */
  gboolean        editable;
  GWeakRef        entity;        /* the chip, scenario or sale line shown */
} NotesGroup;

static void
notes_group_free (gpointer data)
{
  NotesGroup *notes = data;

  g_weak_ref_clear (&notes->entity);
  g_free (notes->text);
  g_free (notes);
}

static NotesGroup *
notes_group (GtkWidget *group)
{
  return g_object_get_data (G_OBJECT (group), "cpl-notes");
}

/**
 * cpl_notes_group_append:
 * @box: a vertical box
 *
 * Returns: (transfer none): a "Notes" group at the end of @box, for where
 *   an entry's figures come from (cpl_notes_group_show()): a
 *   selectable label, so that a source can be copied; hidden until it
 *   has text, or until cpl_notes_group_set_editable() makes it editable.
 */
GtkWidget *
cpl_notes_group_append (GtkWidget *box)
{
  GtkWidget *group = cpl_group_append (box, _("Notes"), NULL);
  NotesGroup *notes = g_new0 (NotesGroup, 1);

  g_weak_ref_init (&notes->entity, NULL);
  notes->caveat = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (notes->caveat, TRUE);
  gtk_label_set_xalign (notes->caveat, 0);
  gtk_widget_add_css_class (GTK_WIDGET (notes->caveat), "warning");
  gtk_widget_set_margin_bottom (GTK_WIDGET (notes->caveat), 6);
  gtk_widget_set_visible (GTK_WIDGET (notes->caveat), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (notes->caveat));
  notes->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (notes->label, TRUE);
  gtk_label_set_xalign (notes->label, 0);
  gtk_label_set_selectable (notes->label, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (notes->label));
  g_object_set_data_full (G_OBJECT (group), "cpl-notes", notes, notes_group_free);
  gtk_widget_set_visible (group, FALSE);
  return group;
}

static void
notes_group_update (GtkWidget *group)
{
  NotesGroup *notes = notes_group (group);
  gboolean empty = notes->text == NULL || *notes->text == '\0';

  gtk_widget_set_visible (GTK_WIDGET (notes->label), !empty);
  gtk_widget_set_visible (GTK_WIDGET (notes->caveat), !empty && *gtk_label_get_text (notes->caveat) != '\0');
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         empty && notes->editable ? notes->description : NULL);
  gtk_widget_set_visible (group, !empty || notes->editable);
}

/**
 * cpl_notes_group_show:
 * @group: a group made by cpl_notes_group_append()
 * @entity: (nullable): the chip, scenario or sale line whose notes to show
 *
 * Shows @entity's notes in the user's language in @group, a number on
 * its unit's line and a date whole ("814" over "mm²", "2025 年 8" over
 * "月起"); an editable group's Save edits them
 * (cpl_entity_edit_notes()).
 */
void
cpl_notes_group_show (GtkWidget *group,
                      CplEntity *entity)
{
  NotesGroup *notes = notes_group (group);
  CplText *text = entity != NULL ? cpl_entity_get_notes (entity) : NULL;
  const char *shown = text != NULL ? cpl_text_get (text) : "";
  g_autofree char *kept = NULL;

  g_return_if_fail (notes != NULL);
  g_return_if_fail (entity == NULL || CPL_IS_ENTITY (entity));
  g_weak_ref_set (&notes->entity, entity);
  /* an edit of the scenario's figures shows its notes again: as they were */
  if (g_strcmp0 (notes->text, shown) == 0)
    return;
  kept = cpl_text_keep_units (shown);
  g_free (notes->text);
  notes->text = g_strdup (shown);
  cpl_label_set_text (notes->label, kept);
  notes_group_update (group);
}

/**
 * cpl_notes_caveat:
 * @entity: a chip, scenario or sale line
 * @format: how the view shows each field
 * @others: (nullable): what else the view names as changed
 * @data: for @format
 *
 * What of @entity's figures differ from the built-in ones its notes were
 * written for (cpl_builtin_notes_source(): a built-in entry, or a copy of
 * one), for cpl_notes_group_set_caveat(): "These notes were written for
 * the built-in figures. Changed since: Revenue share: 25% → 30%;
 * Allowed chips."
 *
 * Returns: (transfer full) (nullable): the caveat, or %NULL when nothing
 *   differs or the notes are not the built-in ones (the reader's own)
 */
char *
cpl_notes_caveat (CplEntity       *entity,
                  CplFormatField   format,
                  CplOtherChanges  others,
                  gpointer         data)
{
  CplEntity *shipped = cpl_builtin_notes_source (entity);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (shipped == NULL)
    return NULL;
  for (guint i = 0; i < cpl_entity_get_n_fields (entity); i++)
    {
      double was = cpl_entity_get_number (shipped, i);
      double now = cpl_entity_get_number (entity, i);
      const char *title = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (was == now || (isnan (was) && isnan (now)))
        continue;
      /* a field the view does not show (a scenario's Monte Carlo seed)
       * is no figure the notes speak of */
      if ((from = format (i, was, &title, data)) == NULL)
        continue;
      to = format (i, now, &title, data);
      /* Translators: a figure changed since the notes were written: %1$s
       * its name, %2$s the built-in value, %3$s the value now, "Revenue
       * share: 25% → 30%" */
      g_ptr_array_add (changes, g_strdup_printf (_("%1$s: %2$s → %3$s"), title, from, to));
    }
  if (others != NULL)
    others (entity, shipped, changes);
  if (changes->len == 0)
    return NULL;
  g_ptr_array_add (changes, NULL);
  /* Translators: between the changed figures */
  list = g_strjoinv (_("; "), (char **) changes->pdata);
  /* Translators: over the notes of a scenario, a sale line or a chip; %s
   * lists what was changed, "Revenue share: 25% → 30%; Allowed chips" */
  return g_strdup_printf (_("These notes were written for the built-in figures. Changed since: %s."), list);
}

/**
 * cpl_notes_group_set_caveat:
 * @group: a group made by cpl_notes_group_append()
 * @caveat: (nullable): what the notes no longer describe (figures changed
 *   since they were written), or %NULL
 *
 * Shows @caveat over the notes, in the warning colour, while there are
 * notes.
 */
void
cpl_notes_group_set_caveat (GtkWidget  *group,
                            const char *caveat)
{
  NotesGroup *notes = notes_group (group);
  g_autofree char *kept = NULL;

  g_return_if_fail (notes != NULL);
  kept = cpl_text_keep_units (caveat != NULL ? caveat : "");
  cpl_label_set_text (notes->caveat, kept);
  notes_group_update (group);
}

/* The caveat a notes group shows, or %NULL when it shows none (a test hook). */
const char *
cpl_notes_group_get_caveat (GtkWidget *group)
{
  NotesGroup *notes = notes_group (group);

  g_return_val_if_fail (notes != NULL, NULL);
  return gtk_widget_get_visible (group) && gtk_widget_get_visible (GTK_WIDGET (notes->caveat))
         ? gtk_label_get_text (notes->caveat) : NULL;
}

/* The text a notes group shows, or %NULL when it shows none (a test hook). */
const char *
cpl_notes_group_get_text (GtkWidget *group)
{
  NotesGroup *notes = notes_group (group);

  g_return_val_if_fail (notes != NULL, NULL);
  return gtk_widget_get_visible (group) && gtk_widget_get_visible (GTK_WIDGET (notes->label))
         ? gtk_label_get_text (notes->label) : NULL;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
on_notes_response (AdwMessageDialog *dialog,
                   const char       *response,
                   GtkWidget        *group)
{
  NotesGroup *notes = notes_group (group);
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "cpl-notes-buffer");
  /* a view that makes its page again for the edited entry (Chips) drops
   * the group while it is told */
  g_autoptr(GtkWidget) keep = g_object_ref (group);
  g_autoptr(CplEntity) entity = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "save") || notes == NULL || !notes->editable)
    return;
  /* the entry the dialog was opened for, unless it is gone */
  entity = g_weak_ref_get (g_object_get_data (G_OBJECT (dialog), "cpl-notes-entity"));
  if (entity == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cpl_entity_edit_notes (entity, text);
}

/**
 * cpl_notes_group_edit:
 * @group: an editable notes group (cpl_notes_group_set_editable())
 *
 * Opens a dialog to write the notes in, with the text shown; Save makes
 * it the notes of the entry shown when the dialog opened, as one edit
 * (cpl_entity_edit_notes(); Ctrl+Z in the dialog undoes typing there,
 * not the document).  Its own window: a text view in the
 * page made the page's layout change while it was drawn.
 *
 * Returns: (transfer none): the dialog (for tests)
 */
GtkWidget *
cpl_notes_group_edit (GtkWidget *group)
{
  NotesGroup *notes = notes_group (group);
  g_autoptr(GObject) entity = NULL;
  GtkWidget *dialog, *view, *scroller;
  GtkTextBuffer *buffer;
  GWeakRef *entity_ref;

  g_return_val_if_fail (notes != NULL && notes->editable, NULL);
  entity = g_weak_ref_get (&notes->entity);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (group)), _("Edit Notes"), notes->description);
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, notes->text != NULL ? notes->text : "", -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cpl-notes-buffer", buffer);
  entity_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (entity_ref, entity);
  g_object_set_data_full (G_OBJECT (dialog), "cpl-notes-entity", entity_ref, weak_ref_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_notes_response), group, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
  return dialog;
}

static void
on_edit_notes_clicked (GtkWidget *group)
{
  cpl_notes_group_edit (group);
}

/**
 * cpl_notes_group_set_editable:
 * @group: a group made by cpl_notes_group_append()
 * @description: what the notes are for, said where there are none and in
 *   the dialog (static)
 *
 * Puts an Edit button by the group's title (cpl_notes_group_edit()); the
 * group then shows with no notes too, saying what to write.
 */
void
cpl_notes_group_set_editable (GtkWidget  *group,
                              const char *description)
{
  NotesGroup *notes = notes_group (group);
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  g_return_if_fail (notes != NULL);
  notes->description = description;
  notes->editable = TRUE;
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Edit Notes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Notes"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_edit_notes_clicked), group);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  notes_group_update (group);
}

static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       model)
{
  gtk_menu_button_set_menu_model (button, model);
}

/**
 * cpl_menu_button_set_menu_when_opened:
 * @button: a menu button with no popover
 * @model: its menu
 *
 * Gives @button the menu of @model when it first opens (a click, or F10
 * on the window's primary menu), not now: a menu's popover is a row, a
 * label and a box per item, a few dozen widgets each, that the window's
 * first frame made and styled without showing.
 */
void
cpl_menu_button_set_menu_when_opened (GtkMenuButton *button,
                                      GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button) && G_IS_MENU_MODEL (model));
  g_return_if_fail (gtk_menu_button_get_popover (button) == NULL);

  gtk_menu_button_set_create_popup_func (button, create_menu_popup, g_object_ref (model), g_object_unref);
}

/**
 * cpl_widget_take_undo_keys:
 * @widget: a field whose every change is an edit of the dataset (a
 *   name, a number), its own undo turned off
 *
 * Ctrl+Z and Shift+Ctrl+Z in @widget undo and redo the document's edits
 * (win.undo, win.redo), taken before the field's own keys: a field's own
 * undo went back a word and made that a new edit.
 */
void
cpl_widget_take_undo_keys (GtkWidget *widget)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                          gtk_named_action_new ("win.undo")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>z"),
                                                          gtk_named_action_new ("win.redo")));
  gtk_widget_add_controller (widget, shortcuts);
}

/**
 * cpl_remove_with_undo:
 * @widget: a widget inside the window's toast overlay
 *
 * Removes @entity from @dataset and says so in a toast whose Undo goes
 * through the window's history ("win.undo-removal"), like Ctrl+Z: pressed
 * after Ctrl+Z has put the entry back, it does nothing.
 *
 * Returns: (transfer none) (nullable): the toast, if one was shown.
 */
AdwToast *
cpl_remove_with_undo (GtkWidget  *widget,
                      CplDataset *dataset,
                      CplEntity  *entity)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!cpl_dataset_remove (dataset, entity) || overlay == NULL)
    return NULL;
  name = cpl_format_excerpt (cpl_entity_get_name (entity));
  /* Translators: a toast; %s is the name of what was deleted */
  title = g_strdup_printf (_("“%s” deleted"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-removal");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", G_OBJECT_TYPE_NAME (entity),
                                                           cpl_entity_get_id (entity)));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return toast;
}

/* Deferred updates ------------------------------------------------------- */

typedef struct {
  GtkWidget *widget;
  CplUpdateFunc update;
  gpointer   data;
  guint      tick_id;
  gboolean   dirty;
  guint      count;
} DeferredUpdate;

static GQuark
deferred_update_quark (void)
{
  return g_quark_from_static_string ("cpl-deferred-update");
}

static void
deferred_update_free (gpointer data)
{
  DeferredUpdate *deferred = data;

  if (deferred->tick_id != 0)
    gtk_widget_remove_tick_callback (deferred->widget, deferred->tick_id);
  g_free (deferred);
}

static void
deferred_update_run (DeferredUpdate *deferred)
{
  if (!deferred->dirty)
    return;
  deferred->dirty = FALSE;
  deferred->count++;
  deferred->update (deferred->data);
}

static gboolean
deferred_update_tick (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  DeferredUpdate *deferred = data;

  deferred->tick_id = 0;
  deferred_update_run (deferred);
  return G_SOURCE_REMOVE;
}

static void
deferred_update_schedule (DeferredUpdate *deferred)
{
  if (deferred->dirty && deferred->tick_id == 0 && gtk_widget_get_mapped (deferred->widget))
    deferred->tick_id = gtk_widget_add_tick_callback (deferred->widget, deferred_update_tick, deferred, NULL);
}

/* @widget is mapped: shown again, or shown for the first time as its
 * parent lays out (a leaflet that unfolds maps its content while the
 * window's first frame is laid out, after the frame's ticks).  What is
 * queued runs now, so that the frame @widget first shows in has it
 * rather than an empty page; what it changes is laid out again in the
 * same frame. */
static void
deferred_update_mapped (DeferredUpdate *deferred)
{
  deferred_update_run (deferred);
}

/**
 * cpl_deferred_update_queue:
 * @widget: what shows the result
 * @update: (scope notified): the recomputation, called with @data
 *
 * Asks for @update to run once before the next frame @widget is drawn
 * in: a burst of edits in one main-loop iteration recomputes once, and a
 * widget that is not shown (a view of the stack behind another, a page
 * not open) recomputes when it is mapped again, not before.
 */
void
cpl_deferred_update_queue (GtkWidget     *widget,
                           CplUpdateFunc  update,
                           gpointer       data)
{
  DeferredUpdate *deferred = g_object_get_qdata (G_OBJECT (widget), deferred_update_quark ());

  if (deferred == NULL)
    {
      deferred = g_new0 (DeferredUpdate, 1);
      deferred->widget = widget;
      g_object_set_qdata_full (G_OBJECT (widget), deferred_update_quark (), deferred, deferred_update_free);
      g_signal_connect_swapped (widget, "map", G_CALLBACK (deferred_update_mapped), deferred);
    }
  deferred->update = update;
  deferred->data = data;
  deferred->dirty = TRUE;
  deferred_update_schedule (deferred);
}

/**
 * cpl_deferred_update_flush:
 *
 * Runs now what is queued on @widget and on the widgets that hold it, so
 * that what @widget shows is current (for a reader such as a test).
 */
void
cpl_deferred_update_flush (GtkWidget *widget)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  /* outermost first: a view's update may queue one of its parts' */
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (chain, 0, w);
  for (guint i = 0; i < chain->len; i++)
    {
      DeferredUpdate *deferred = g_object_get_qdata (G_OBJECT (g_ptr_array_index (chain, i)),
                                                     deferred_update_quark ());
      if (deferred != NULL)
        deferred_update_run (deferred);
    }
}

/* How many times the update queued on @widget ran (a test hook). */
guint
cpl_deferred_update_get_count (GtkWidget *widget)
{
  DeferredUpdate *deferred = g_object_get_qdata (G_OBJECT (widget), deferred_update_quark ());

  return deferred != NULL ? deferred->count : 0;
}

/* @text in @label, unless it shows it already: an update that leaves a
 * figure as it was lays out and draws nothing again for it. */
void
cpl_label_set_text (GtkLabel   *label,
                    const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_text (label, text);
}

/* @text as @widget's tooltip, unless it is already: setting a tooltip
 * asks the display where the pointer is (a round trip to the X server),
 * so an update that leaves it as it was does not set it again. */
void
cpl_widget_set_tooltip (GtkWidget  *widget,
                        const char *text)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  /* GTK keeps no empty tooltip: "" reads back as NULL */
  if (g_strcmp0 (tooltip, text != NULL && *text != '\0' ? text : NULL) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* Before GTK reads a widget's tooltip (the class handler of
 * GtkWidget::query-tooltip runs last), its Han words are joined
 * (cpl_text_keep_han_words()): GTK 4.8 wrapped "主菜单" one character
 * per line.  Set again only when that changes it, so once per text. */
static gboolean
keep_tooltip_words (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);
  const char *markup = gtk_widget_get_tooltip_markup (widget);

  if (markup != NULL)
    {
      g_autofree char *kept = cpl_text_keep_han_words (markup);

      if (strcmp (kept, markup) != 0)
        gtk_widget_set_tooltip_markup (widget, kept);
    }
  return TRUE;                         /* stay connected */
}

/**
 * cpl_tooltips_keep_words:
 *
 * Makes every widget's tooltip break only between words, for the rest
 * of the process (keep_tooltip_words()); calls after the first do
 * nothing.  Tooltips a widget's own GtkWidget::query-tooltip handler
 * sets are joined by that handler.
 */
void
cpl_tooltips_keep_words (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      guint signal_id;

      /* the signal exists once the class does; it is kept */
      g_type_class_ref (GTK_TYPE_WIDGET);
      signal_id = g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (signal_id, 0, keep_tooltip_words, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}

/* A grid for a table of figures: columns 18 px apart, 12 px of margin. */
GtkWidget *
cpl_table_grid_new (int row_spacing)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), row_spacing);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  return grid;
}

/* A tick label of a money axis (a CplChartTickFormatFunc): in one unit,
 * its smallest tick's, "5 万美元", "10 万美元"; "2,000 亿美元" to "10,000
 * 亿美元", not "0.2 万亿美元" (cpl_format_money_scaled()). */
char *
cpl_money_tick (double   value,
                double   reference,
                gpointer user_data)
{
  return cpl_format_money_scaled (value, reference);
}

/**
 * cpl_first_fit_new:
 *
 * Returns: (transfer floating): an AdwSqueezer that shows the first of
 *   its children whose minimum width fits (a table, else its narrower
 *   layouts), each at its own height
 */
GtkWidget *
cpl_first_fit_new (void)
{
  GtkWidget *squeezer = adw_squeezer_new ();

  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
  adw_squeezer_set_switch_threshold_policy (ADW_SQUEEZER (squeezer), ADW_FOLD_THRESHOLD_POLICY_MINIMUM);
  return squeezer;
}

/* @child in a card (a framed "view" background) at the end of @box. */
void
cpl_card_append (GtkWidget *box,
                 GtkWidget *child)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), child);
  gtk_box_append (GTK_BOX (box), frame);
}

/**
 * cpl_markup_bold_lead:
 * @sentence: plain text
 * @lead: (nullable): what @sentence starts with, a name
 *
 * Returns: @sentence as Pango markup, @lead in bold where the sentence
 *   starts with it ("<b>Two years</b>: US vendors sell …"): several
 *   sentences all in bold were a wall of heavy text; their names are
 *   what the eye looks for
 */
char *
cpl_markup_bold_lead (const char *sentence,
                      const char *lead)
{
  if (lead != NULL && *lead != '\0' && g_str_has_prefix (sentence, lead))
    {
      g_autofree char *bold = g_markup_escape_text (lead, -1);
      g_autofree char *rest = g_markup_escape_text (sentence + strlen (lead), -1);

      return g_strdup_printf ("<b>%s</b>%s", bold, rest);
    }
  return g_markup_escape_text (sentence, -1);
}

/* Text that wraps, in the style @css_class ("heading", "caption"…). */
GtkWidget *
cpl_wrapped_label_new (const char *text,
                       const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Key figures: tiles of a large number over its caption, as many on a
 * line as fit between @min_per_line and @max_per_line, so a narrow window
 * stacks them instead of wrapping a number away from its unit. */
GtkWidget *
cpl_key_figures_new (guint min_per_line,
                     guint max_per_line)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), min_per_line);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), max_per_line);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  return flow;
}

/* A key figure at the end of @figures: its value label in the style
 * @css_class ("title-2"), which the caller fills in, over @caption. */
GtkLabel *
cpl_key_figure_append (GtkWidget  *figures,
                       const char *caption,
                       const char *css_class)
{
  GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *label = cpl_wrapped_label_new (caption, "caption");

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_add_css_class (value, css_class);
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (tile), value);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (tile), label);
  cpl_flow_box_append_plain (figures, tile);
  return GTK_LABEL (value);
}

/* The flow box's wrappers around its children are no focus stops: Tab
 * goes to what is in them (a tile of figures, a filter, a chart's card
 * is not a button). */
void
cpl_flow_box_make_plain (GtkWidget *flow)
{
  for (GtkWidget *child = gtk_widget_get_first_child (flow); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child))
      gtk_widget_set_focusable (child, FALSE);
}

/* @child at the end of @flow, its wrapper no focus stop
 * (cpl_flow_box_make_plain()). */
void
cpl_flow_box_append_plain (GtkWidget *flow,
                           GtkWidget *child)
{
  gtk_flow_box_append (GTK_FLOW_BOX (flow), child);
  gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
}

/* The sentence that says a result in words, above its figures. */
GtkLabel *
cpl_summary_label_new (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_xalign (label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (label), "title-4");
  return label;
}

/* Rule dates ------------------------------------------------------------- */

/* The calendar's day, as a GDate. */
void
cpl_calendar_get_day (GtkCalendar *calendar,
                      GDate       *date)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
}

/* ISO dates sort as text: the latest first. */
static int
compare_iso_dates_down (const void *a,
                        const void *b)
{
  return strcmp (*(const char * const *) b, *(const char * const *) a);
}

static void
on_rule_date_clicked (GtkButton *button,
                      GtkBox    *box)
{
  CplDatePickedFunc picked = g_object_get_data (G_OBJECT (box), "cpl-date-picked");
  GDate date;

  if (picked != NULL && cpl_iso_date_parse (g_object_get_data (G_OBJECT (button), "cpl-date"), &date))
    picked (g_object_get_data (G_OBJECT (box), "cpl-date-picked-data"), &date);
}

/**
 * cpl_rule_dates_fill:
 * @box: a vertical box, emptied first
 * @picked: called with @data and the date of the button clicked
 *
 * The quick picks of a date control: a flat button for every date a rule
 * of @dataset comes into force, the latest first (the rules in force now
 * are what is looked up most; oldest first, a list cut to its room hid
 * them), each with the names of the rules that start then.  @data must
 * outlive @box's buttons.
 */
void
cpl_rule_dates_fill (GtkBox            *box,
                     CplDataset        *dataset,
                     CplDatePickedFunc  picked,
                     gpointer           data)
{
  GListModel *rules = cpl_dataset_get_rules (dataset);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree gpointer *dates = NULL;
  guint n_dates;
  GtkWidget *child;

  g_object_set_data (G_OBJECT (box), "cpl-date-picked", picked);
  g_object_set_data (G_OBJECT (box), "cpl-date-picked-data", data);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);
      const char *effective = cpl_rule_get_effective (rule);
      const char *name = cpl_entity_get_name (CPL_ENTITY (rule));
      char *before;

      if (effective == NULL)
        continue;
      before = g_hash_table_lookup (names, effective);
      /* Translators: the list of rules that come into force on one date */
      g_hash_table_insert (names, (gpointer) effective,
                           before ? g_strdup_printf (_("%s; %s"), before, name) : g_strdup (name));
    }

  dates = g_hash_table_get_keys_as_array (names, &n_dates);
  qsort (dates, n_dates, sizeof *dates, compare_iso_dates_down);
  for (guint i = 0; i < n_dates; i++)
    {
      const char *rule_names = g_hash_table_lookup (names, dates[i]);
      /* Translators: a date, 2025-08-11, and the rules that come into
       * force then (a quick pick's name for screen readers) */
      g_autofree char *text = g_strdup_printf (_("%1$s · %2$s"), (const char *) dates[i], rule_names);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = gtk_label_new (dates[i]);
      GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      /* a name's date whole when it wraps: "（2025 年 8" over "月）" */
      g_autofree char *kept = cpl_text_keep_dates (rule_names);
      GtkWidget *names_label = gtk_label_new (kept);

      /* the date, and under it the rules' names whole, wrapped: cut at
       * 40 characters, "Licence letters for H20 and MI30…" and its
       * neighbour "Licences for H20 and MI308X (Au…" read alike */
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_xalign (GTK_LABEL (names_label), 0);
      gtk_label_set_wrap (GTK_LABEL (names_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (names_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (names_label), 36);
      gtk_label_set_width_chars (GTK_LABEL (names_label), 24);
      gtk_widget_add_css_class (names_label, "caption");
      gtk_widget_add_css_class (names_label, "dim-label");
      gtk_box_append (GTK_BOX (lines), label);
      gtk_box_append (GTK_BOX (lines), names_label);
      gtk_button_set_child (GTK_BUTTON (button), lines);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "cpl-date", g_strdup (dates[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_rule_date_clicked), box);
      gtk_box_append (box, button);
    }
}


/* The tooltip of @popover's button, or of the box the button stands in,
 * off while it is open: it stayed over the popover's first lines ("Rule
 * Changes", "Compare Chips"). */
static void
on_quiet_popover_show (GtkWidget *popover)
{
  GtkWidget *owner = gtk_widget_get_parent (popover);

  for (guint up = 0; owner != NULL && up < 2 && !gtk_widget_get_has_tooltip (owner); up++)
    owner = gtk_widget_get_parent (owner);
  if (owner != NULL && gtk_widget_get_has_tooltip (owner))
    {
      gtk_widget_set_has_tooltip (owner, FALSE);
      g_object_set_data (G_OBJECT (popover), "cpl-tooltip-owner", owner);
    }
}

/* The tooltip it turned off back once it closes. */
static void
on_quiet_popover_closed (GtkWidget *popover)
{
  GtkWidget *owner = g_object_steal_data (G_OBJECT (popover), "cpl-tooltip-owner");

  if (owner != NULL)
    gtk_widget_set_has_tooltip (owner, TRUE);
}

/* @popover keeps its button's tooltip off while it is open. */
void
cpl_popover_quiet_tooltip (GtkWidget *popover)
{
  g_signal_connect (popover, "show", G_CALLBACK (on_quiet_popover_show), NULL);
  g_signal_connect (popover, "closed", G_CALLBACK (on_quiet_popover_closed), NULL);
}
/* The popover's parts side by side on a wide window, the calendar over
 * the rule changes on a narrow one.  On a wide window the rule changes
 * scroll within 320 px where there are many (50 rules went off the
 * screen), and the calendar never scrolls (a wheel over it turns its
 * month, not the popover); on a narrow one the whole popover scrolls,
 * within the room above or below its button, whichever is larger (at
 * 360 × 640 the scenario editor's, under a row at mid-height, was cut
 * at the screen's bottom). */
static void
on_date_popover_show (GtkWidget *popover)
{
  GtkScrolledWindow *outer = GTK_SCROLLED_WINDOW (gtk_popover_get_child (GTK_POPOVER (popover)));
  GtkWidget *box = gtk_scrolled_window_get_child (outer);
  GtkWidget *separator = g_object_get_data (G_OBJECT (popover), "cpl-separator");
  GtkScrolledWindow *changes = g_object_get_data (G_OBJECT (popover), "cpl-scrolled");
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (popover));
  GtkWidget *button = gtk_widget_get_parent (popover);
  int width = root ? gtk_widget_get_width (root) : 0;
  int height = root ? gtk_widget_get_height (root) : 0;
  int room = height;
  gboolean wide = width >= 800;
  graphene_rect_t bounds;

  /* GtkViewport wraps a child that does not scroll by itself */
  if (GTK_IS_VIEWPORT (box))
    box = gtk_viewport_get_child (GTK_VIEWPORT (box));
  if (root != NULL && button != NULL && gtk_widget_compute_bounds (button, root, &bounds))
    /* less the popover's arrow, margins and padding */
    room = (int) MAX (bounds.origin.y, height - bounds.origin.y - bounds.size.height) - 48;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (box), wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (separator),
                                  wide ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_scrolled_window_set_max_content_height (changes, wide ? 320 : -1);
  gtk_scrolled_window_set_max_content_height (outer, MAX (room, 200));
}


/**
 * cpl_date_popover_new:
 * @calendar_part: the calendar, with what goes under it
 * @quick_box: the box cpl_rule_dates_fill() fills
 *
 * A date control's popover: @calendar_part, and the rule changes
 * (@quick_box under its heading) beside it on a wide window, under it on
 * a narrow one, scrolled as on_date_popover_show() says.
 *
 * Returns: (transfer floating): the popover
 */
GtkWidget *
cpl_date_popover_new (GtkWidget *calendar_part,
                      GtkBox    *quick_box)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *changes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Rule Changes"));
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *scrolled = scrolled_new (GTK_WIDGET (quick_box), FALSE);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (changes), heading);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_box_append (GTK_BOX (changes), scrolled);

  gtk_widget_set_valign (calendar_part, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), calendar_part);
  gtk_box_append (GTK_BOX (box), separator);
  gtk_box_append (GTK_BOX (box), changes);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled_new (box, FALSE));
  g_object_set_data (G_OBJECT (popover), "cpl-separator", separator);
  g_object_set_data (G_OBJECT (popover), "cpl-scrolled", scrolled);
  g_signal_connect (popover, "show", G_CALLBACK (on_date_popover_show), NULL);
  cpl_popover_quiet_tooltip (popover);
  return popover;
}

/**
 * cpl_buttons_name_by_label:
 * @root: a button, or a widget whose buttons to fix
 *
 * GTK 4.8 gives a button with a mnemonic its text, mark and all
 * ("_Open"), as its accessible label, on top of the label it shows, and
 * a screen reader said "_Open Open".  Without that property every such
 * button under @root is named by the label it shows.  Call it once the
 * labels are set.
 */
void
cpl_buttons_name_by_label (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    cpl_buttons_name_by_label (child);
}

/* Monte Carlo runs off the main thread ------------------------------------ */

typedef struct
{
  CplScenario *scenario;   /* a copy the thread owns */
  CplDataset  *dataset;
  guint        draws;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_clear_object (&run->scenario);
  g_clear_object (&run->dataset);
  g_free (run);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;
  CplUncertainty *uncertainty = cpl_uncertainty_compute (run->scenario, run->dataset, run->draws, 0,
                                                         cancellable, &error);

  if (uncertainty == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, uncertainty, (GDestroyNotify) cpl_uncertainty_unref);
}

/* The "Monte Carlo draws" preference, or its default without the app. */
guint
cpl_monte_carlo_draws (void)
{
  GApplication *app = g_application_get_default ();

  if (CPL_IS_APPLICATION (app))
    return (guint) MAX (g_settings_get_int (cpl_application_get_settings (CPL_APPLICATION (app)),
                                            "monte-carlo-draws"), 1);
  return CPL_REPORT_DEFAULT_DRAWS;
}

/**
 * cpl_uncertainty_run:
 * @cancellable: cancels the run (a change of the inputs)
 *
 * Runs cpl_uncertainty_compute() on a copy of @scenario in a worker
 * thread, with the preference's number of draws, and calls @callback in
 * this thread when done; cpl_uncertainty_run_finish() gives the result.
 */
void
cpl_uncertainty_run (CplScenario         *scenario,
                     CplDataset          *dataset,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, data);
  RunData *run = g_new0 (RunData, 1);

  run->scenario = CPL_SCENARIO (cpl_entity_duplicate (CPL_ENTITY (scenario), cpl_entity_get_id (CPL_ENTITY (scenario))));
  /* the thread reads copies, not the chips the user may be editing */
  run->dataset = cpl_scenario_chips_snapshot (scenario, dataset);
  run->draws = cpl_monte_carlo_draws ();
  g_task_set_source_tag (task, cpl_uncertainty_run);
  g_task_set_task_data (task, run, run_data_free);
  g_task_run_in_thread (task, run_in_thread);
}

/* Returns: (transfer full) (nullable): the result, or %NULL with @error
 *   (G_IO_ERROR_CANCELLED when cancelled) */
CplUncertainty *
cpl_uncertainty_run_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A message that something failed, with one Close button, over @parent. */
void
cpl_show_error_dialog (GtkWindow  *parent,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cpl_widget_get_history:
 *
 * Returns: (transfer none) (nullable): the undo history of the document
 *   shown in @widget's window, or %NULL when @widget is in none (a test
 *   that builds a view alone), to make several changes one step
 *   (cpl_history_begin_group())
 */
CplHistory *
cpl_widget_get_history (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return CPL_IS_WINDOW (root) ? cpl_document_get_history (cpl_window_get_document (CPL_WINDOW (root))) : NULL;
}
