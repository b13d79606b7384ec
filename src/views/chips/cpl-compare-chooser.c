/* cpl-compare-chooser.c: tick 2 to 4 chips and compare them
 *
 * The Chips view's Compare button compares the rows selected in the
 * table; with fewer than two (or more than four) selected it opens this
 * popover instead: a search over the table's chips, a tick per chip, and
 * "Compare N Chips" once 2 to 4 are ticked.  A phone has no Ctrl+click:
 * a tap on a row opens the chip, so this was its only way to compare.
 * The rows are made for the chips on screen only (a file may hold 10,000).
 */
#define G_LOG_DOMAIN "cpl-compare-chooser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cpl-compare-chooser.h"

#define MIN_CHIPS 2
#define MAX_CHIPS 4

typedef struct
{
  CplDataset          *dataset;    /* its makers, for the search */
  GListModel          *chips;      /* the table's, in its order */
  GHashTable          *ticked;     /* ids */
  GtkCustomFilter     *filter;
  char                *search;     /* as typed, trimmed, or NULL */
  GtkButton           *compare;
  CplCompareChosenFunc chosen;
  gpointer             data;
} Chooser;

static void
chooser_free (gpointer data)
{
  Chooser *chooser = data;

  g_clear_object (&chooser->dataset);
  g_clear_object (&chooser->chips);
  g_clear_pointer (&chooser->ticked, g_hash_table_unref);
  g_clear_object (&chooser->filter);
  g_free (chooser->search);
  g_free (chooser);
}

/* "Compare 3 Chips", sensitive from 2 to 4 ticked. */
static void
update_compare (Chooser *chooser)
{
  guint n = g_hash_table_size (chooser->ticked);
  g_autofree char *label = NULL;

  if (n >= MIN_CHIPS && n <= MAX_CHIPS)
    /* Translators: the button that compares the chips ticked; %u is how
     * many (2 to 4) */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Compare %u Chip", "_Compare %u Chips", n), n);
  gtk_button_set_label (chooser->compare, label ? label : _("_Compare"));
  gtk_widget_set_sensitive (GTK_WIDGET (chooser->compare), label != NULL);
}

static void
on_check_toggled (GtkCheckButton *check,
                  Chooser        *chooser)
{
  CplChip *chip = g_object_get_data (G_OBJECT (check), "cpl-chip");

  if (chip == NULL)
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (chooser->ticked, g_strdup (cpl_entity_get_id (CPL_ENTITY (chip))));
  else
    g_hash_table_remove (chooser->ticked, cpl_entity_get_id (CPL_ENTITY (chip)));
  update_compare (chooser);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Chooser                  *chooser)
{
  GtkWidget *check = gtk_check_button_new ();

  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), chooser);
  gtk_list_item_set_child (item, check);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Chooser                  *chooser)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_item_get_child (item));
  CplChip *chip = gtk_list_item_get_item (item);

  /* set without counting it as a tick: the chip is the row's again */
  g_object_set_data (G_OBJECT (check), "cpl-chip", NULL);
  gtk_check_button_set_label (check, cpl_entity_get_name (CPL_ENTITY (chip)));
  gtk_check_button_set_active (check, g_hash_table_contains (chooser->ticked, cpl_entity_get_id (CPL_ENTITY (chip))));
  g_object_set_data (G_OBJECT (check), "cpl-chip", chip);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Chooser                  *chooser)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "cpl-chip", NULL);
}

/* The search finds what the Chips view's search does
 * (cpl_dataset_chip_matches(): "昇腾" finds the Ascend chips in English). */
static gboolean
chip_matches (gpointer item,
              gpointer data)
{
  Chooser *chooser = data;

  return cpl_dataset_chip_matches (chooser->dataset, item, chooser->search);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   Chooser        *chooser)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_clear_pointer (&chooser->search, g_free);
  if (*stripped != '\0')
    chooser->search = g_steal_pointer (&stripped);
  gtk_filter_changed (GTK_FILTER (chooser->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_compare_clicked (GtkButton *button,
                    GtkWidget *popover)
{
  Chooser *chooser = g_object_get_data (G_OBJECT (popover), "cpl-chooser");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  /* in the table's order: the first is the one the others are measured
   * against, as with rows selected */
  for (guint i = 0; i < g_list_model_get_n_items (chooser->chips); i++)
    {
      g_autoptr(CplChip) chip = g_list_model_get_item (chooser->chips, i);

      if (g_hash_table_contains (chooser->ticked, cpl_entity_get_id (CPL_ENTITY (chip))))
        g_strv_builder_add (builder, cpl_entity_get_id (CPL_ENTITY (chip)));
    }
  ids = g_strv_builder_end (builder);
  gtk_popover_popdown (GTK_POPOVER (popover));
  chooser->chosen (chooser->data, (const char * const *) ids);
}

/**
 * cpl_compare_chooser_new:
 * @dataset: the chips' dataset, whose makers the search finds
 * @chips: (element-type CplChip): the chips to choose from, in order
 * @ticked: (nullable): the ids ticked at first
 * @chosen: called with the ids ticked, in @chips' order, on Compare
 *
 * Returns: (transfer floating): the popover, to be given a parent
 */
GtkWidget *
cpl_compare_chooser_new (CplDataset           *dataset,
                         GListModel           *chips,
                         const char * const   *ticked,
                         CplCompareChosenFunc  chosen,
                         gpointer              data)
{
  Chooser *chooser = g_new0 (Chooser, 1);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Compare Chips"));
  GtkWidget *note = gtk_label_new (_("Tick 2 to 4 chips. The first in the table is the one the others are "
                                     "measured against."));
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *matches;
  GtkWidget *list;

  chooser->dataset = g_object_ref (dataset);
  chooser->chips = g_object_ref (chips);
  chooser->ticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ticked != NULL && ticked[i] != NULL; i++)
    g_hash_table_add (chooser->ticked, g_strdup (ticked[i]));
  chooser->chosen = chosen;
  chooser->data = data;
  g_object_set_data_full (G_OBJECT (popover), "cpl-chooser", chooser, chooser_free);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 30);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), note);

  /* Translators: the placeholder of the Compare chooser's search */
  g_object_set (search, "placeholder-text", _("Search by name or id"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search chips"), -1);
  g_signal_connect (search, "search-changed", G_CALLBACK (on_search_changed), chooser);
  gtk_box_append (GTK_BOX (box), search);

  chooser->filter = gtk_custom_filter_new (chip_matches, chooser, NULL);
  matches = gtk_filter_list_model_new (g_object_ref (chips), GTK_FILTER (g_object_ref (chooser->filter)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), chooser);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), chooser);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), chooser);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (matches))), factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chips"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);

  chooser->compare = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (chooser->compare, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (chooser->compare), "suggested-action");
  g_signal_connect (chooser->compare, "clicked", G_CALLBACK (on_compare_clicked), popover);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (chooser->compare));
  update_compare (chooser);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), search);
  return popover;
}

/* How many chips @popover has ticked (for tests). */
guint
cpl_compare_chooser_get_n_ticked (GtkWidget *popover)
{
  Chooser *chooser = g_object_get_data (G_OBJECT (popover), "cpl-chooser");

  return chooser ? g_hash_table_size (chooser->ticked) : 0;
}
