/* cpl-scenarios-view.c: the Scenarios view
 *
 * The heart of the app.  On the left a narrow list of the dataset's
 * scenarios (add, duplicate, rename, delete with undo, reorder; a tick
 * puts one in the comparison).  The rest of the width goes to the
 * results of the selected scenario, or to the comparison of the ticked
 * scenarios; the parameters open beside the results with "Edit" (every
 * edit projects again and redraws at once).  On a narrow window the list
 * and the results are two pages: activating a row (a tap, Enter) opens
 * its results, and a back button returns to the list.
 */
#define G_LOG_DOMAIN "cpl-scenarios-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cpl-scenario-summary.h"
#include "cpl-scenarios-view.h"
#include "cpl-window.h"
#include "views/cpl-check-list.h"
#include "views/cpl-export-dialog.h"
#include "views/cpl-pdf-report.h"
#include "views/cpl-view-util.h"

struct _CplScenariosView
{
  AdwBin                 parent_instance;

  AdwLeaflet            *leaflet;
  GtkWidget             *sidebar;
  GtkWidget             *separator;
  GtkWidget             *content_page;
  GtkWidget             *scenario_list;
  GtkSingleSelection    *selection;     /* over the dataset's scenarios */
  GtkStack              *content_stack;
  AdwFlap               *flap;
  AdwBin                *editor_bin;
  GtkWidget             *flap_toggle;
  GtkWidget             *edit_label;
  guint                  edit_label_idle;
  AdwBin                *results_bin;
  GtkBox                *comparison_box;
  GtkWidget             *back_button;
  GtkMenuButton         *menu_button;
  GMenuModel            *scenario_menu;
  GtkLabel              *tick_hint;     /* under Compare: how many are ticked */

  CplScenarioEditor     *editor;
  CplScenarioResults    *results;
  CplScenarioComparison *comparison;
  GtkWidget             *comparison_status;

  CplDataset            *dataset;
  CplScenario           *selected;
  GHashTable            *compared;      /* ids of the ticked scenarios */
  gboolean               syncing;
};

G_DEFINE_FINAL_TYPE (CplScenariosView, cpl_scenarios_view, ADW_TYPE_BIN)

/* The ticked scenarios in list order: the first ticked is the one the
 * others are measured against. */
static GPtrArray *
ticked_scenarios (CplScenariosView *self)
{
  GListModel *scenarios = cpl_dataset_get_scenarios (self->dataset);
  GPtrArray *picked = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      CplScenario *scenario = g_list_model_get_item (scenarios, i);

      if (g_hash_table_contains (self->compared, cpl_entity_get_id (CPL_ENTITY (scenario))))
        g_ptr_array_add (picked, scenario);
      else
        g_object_unref (scenario);
    }
  return picked;
}

/* The comparison page's widgets, made when the page is first shown or
 * the comparison first asked for: the first frame shows the results. */
static void
ensure_comparison (CplScenariosView *self)
{
  if (self->comparison != NULL)
    return;
  self->comparison_status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->comparison_status), "cpl-scenarios-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->comparison_status), _("Nothing to Compare Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->comparison_status),
                                   _("Tick the check box beside two or more scenarios in the list: their net revenue, "
                                     "government take, compute gap and domestic share appear here side by side."));
  /* the page's whole height: in the page's scrolled window it was
   * given less than its text took, and on a phone its description
   * stopped mid-line over an empty half of the window */
  gtk_widget_set_vexpand (self->comparison_status, TRUE);
  gtk_box_append (self->comparison_box, self->comparison_status);
  self->comparison = cpl_scenario_comparison_new ();
  cpl_scenario_comparison_set_compact (self->comparison, adw_leaflet_get_folded (self->leaflet));
  gtk_box_append (self->comparison_box, GTK_WIDGET (self->comparison));
  cpl_buttons_name_by_label (GTK_WIDGET (self->comparison));
}

static void
update_comparison (gpointer data)
{
  CplScenariosView *self = data;
  g_autoptr(GPtrArray) picked = ticked_scenarios (self);

  ensure_comparison (self);
  gtk_widget_set_visible (self->comparison_status, picked->len < 2);
  gtk_widget_set_visible (GTK_WIDGET (self->comparison), picked->len >= 2);
  if (picked->len >= 2)
    cpl_scenario_comparison_show (self->comparison, self->dataset, picked);
}

static void
update_results (gpointer data)
{
  CplScenariosView *self = data;

  cpl_scenario_results_show (self->results, self->dataset, self->selected);
}

/* Under Compare: what to do, then how many scenarios are ticked (some
 * may be scrolled out of sight in a long list); it said "Tick scenarios
 * to compare them." with every scenario ticked. */
static void
update_tick_hint (CplScenariosView *self)
{
  g_autoptr(GPtrArray) picked = self->dataset != NULL ? ticked_scenarios (self) : g_ptr_array_new ();
  g_autofree char *text = NULL;

  if (picked->len == 0)
    text = g_strdup (_("Tick scenarios to compare them."));
  else if (picked->len == 1)
    text = g_strdup (_("One scenario ticked: tick another to compare them."));
  else
    /* Translators: under Compare, %u (2 or more) scenarios are ticked */
    text = g_strdup_printf (ngettext ("%u scenario ticked to compare.", "%u scenarios ticked to compare.",
                                      picked->len), picked->len);
  cpl_label_set_text (self->tick_hint, text);
}

/* The comparison projects again once before the next frame it is shown in
 * (not at every edit of a burst, not while another page is open). */
static void
queue_comparison (CplScenariosView *self)
{
  cpl_deferred_update_queue (GTK_WIDGET (self->comparison_box), update_comparison, self);
}

/* An edit anywhere (a chip's price, a scenario's parameter): project the
 * selected scenario again, once per frame and only while it is shown. */
static void
refresh (CplScenariosView *self)
{
  cpl_deferred_update_queue (GTK_WIDGET (self->results), update_results, self);
  queue_comparison (self);
}

/* The list --------------------------------------------------------------- */

/* The list makes rows only for the scenarios on screen, and binds them as
 * they scroll by: a row shows the scenario it is bound to, and its tick
 * shows whether the view compares it (the set is the view's, by id). */

static void
on_compare_toggled (GtkWidget *row,
                    gpointer   item,
                    gpointer   data)
{
  CplScenariosView *self = data;
  const char *id = cpl_entity_get_id (CPL_ENTITY (item));
  gboolean active = cpl_check_row_get_active (row);

  if (active)
    g_hash_table_add (self->compared, g_strdup (id));
  else
    g_hash_table_remove (self->compared, id);
  queue_comparison (self);
  update_tick_hint (self);
  if (g_hash_table_size (self->compared) >= 2 && active)
    gtk_stack_set_visible_child_name (self->content_stack, "comparison");
}

/* A short line under the name: what is exported, at what share. */
static void
update_row (GtkWidget *row,
            gpointer   item,
            gpointer   data)
{
  CplScenariosView *self = data;
  CplScenario *scenario = item;
  g_autofree char *chips = cpl_scenario_allowed_chip_names (scenario, self->dataset);
  g_autofree char *share = cpl_format_rate (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE));
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  if (chips == NULL)
    subtitle = g_strdup (_("No exports"));
  else
    /* Translators: a scenario in the list: %1$s the chips it allows, %2$s its share rate */
    subtitle = g_strdup_printf (_("%1$s · %2$s share"), chips, share);
  /* Translators: the accessible name of a scenario's tick box */
  label = g_strdup_printf (_("Compare “%s”"), cpl_entity_get_name (CPL_ENTITY (scenario)));
  cpl_check_row_set_text (row, cpl_entity_get_name (CPL_ENTITY (scenario)), subtitle, label);
}

static gboolean
is_compared (gpointer item,
             gpointer data)
{
  CplScenariosView *self = data;

  return g_hash_table_contains (self->compared, cpl_entity_get_id (CPL_ENTITY (item)));
}

static guint
position_of (CplScenariosView *self,
             CplScenario      *scenario)
{
  return cpl_dataset_position (self->dataset, CPL_ENTITY (scenario));
}

void
cpl_scenarios_view_select (CplScenariosView *self,
                           CplScenario      *scenario)
{
  guint position;

  g_return_if_fail (CPL_IS_SCENARIOS_VIEW (self));

  /* The list changing around the selected scenario (a copy inserted
   * beside it, a neighbour deleted) selects it again: the editor already
   * follows it (its "changed" signal), and binding it again costs as much
   * as binding another (every input row, every chip's tick): half the
   * work of a duplicate, before its frame. */
  if (scenario == NULL || scenario != self->selected)
    {
      if (self->selected != NULL)
        g_signal_handlers_disconnect_by_func (self->selected, refresh, self);
      g_set_object (&self->selected, scenario);
      if (self->editor != NULL)
        cpl_scenario_editor_bind (self->editor, self->dataset, scenario);
      cpl_scroll_to_top (GTK_WIDGET (self->results_bin));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.duplicate", scenario != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.delete", scenario != NULL);
  position = position_of (self, scenario);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.move-up", position != G_MAXUINT && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.move-down", position != G_MAXUINT &&
                                 position + 1 < g_list_model_get_n_items (cpl_dataset_get_scenarios (self->dataset)));
  if (position != G_MAXUINT)
    {
      self->syncing = TRUE;
      cpl_check_list_select (self->scenario_list, position);
      self->syncing = FALSE;
    }
  refresh (self);
}

/* The user moved the list's selection (a click, the arrow keys). */
static void
on_selection_changed (CplScenariosView *self)
{
  CplScenario *scenario = gtk_single_selection_get_selected_item (self->selection);

  if (!self->syncing && scenario != NULL && scenario != self->selected)
    cpl_scenarios_view_select (self, scenario);
}

/* A tap or Enter on a row opens its results (on a narrow window, the
 * next page); moving the selection with the arrow keys does not. */
static void
on_row_activated (GtkWidget        *list,
                  guint             position,
                  CplScenariosView *self)
{
  g_autoptr(CplScenario) scenario = g_list_model_get_item (cpl_dataset_get_scenarios (self->dataset), position);

  if (scenario != NULL)
    cpl_scenarios_view_select (self, scenario);
  gtk_stack_set_visible_child_name (self->content_stack, "scenario");
  cpl_leaflet_show (self->leaflet, self->content_page);
}

/* Entries come and go (add, delete, reorder, undo, opening a file): an
 * undo puts back the very objects, so the selected scenario stays selected
 * while it is in the list; when it leaves, its neighbour is. */
static void
on_scenarios_changed (CplScenariosView *self,
                      guint             position,
                      guint             removed,
                      guint             added)
{
  GListModel *scenarios = cpl_dataset_get_scenarios (self->dataset);
  guint n = g_list_model_get_n_items (scenarios);

  if (removed > 0 || added > 0)
    update_tick_hint (self);
  if (self->selected != NULL && position_of (self, self->selected) != G_MAXUINT)
    cpl_scenarios_view_select (self, self->selected);
  else if (n > 0)
    {
      g_autoptr(CplScenario) next = g_list_model_get_item (scenarios, MIN (position, n - 1));
      cpl_scenarios_view_select (self, next);
    }
  else
    cpl_scenarios_view_select (self, NULL);
}

/* Actions ---------------------------------------------------------------- */

static const char *
first_domestic_chip (CplDataset *dataset)
{
  GListModel *chips = cpl_dataset_get_chips (dataset);
  const char *fallback = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (chips); i++)
    {
      g_autoptr(CplChip) chip = g_list_model_get_item (chips, i);

      if (cpl_chip_get_domestic (chip))
        return cpl_entity_get_id (CPL_ENTITY (chip));
      if (fallback == NULL)
        fallback = cpl_entity_get_id (CPL_ENTITY (chip));
    }
  return fallback;
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CplScenariosView *self = CPL_SCENARIOS_VIEW (widget);
  g_autofree char *id = cpl_dataset_new_id (self->dataset, CPL_TYPE_SCENARIO, "scenario");
  g_autoptr(CplScenario) scenario = cpl_scenario_new (id, _("New scenario"), first_domestic_chip (self->dataset));

  cpl_dataset_append (self->dataset, CPL_ENTITY (scenario));
  cpl_scenarios_view_select (self, scenario);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CplScenariosView *self = CPL_SCENARIOS_VIEW (widget);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(CplEntity) copy = NULL;
  guint position = position_of (self, self->selected);

  if (self->selected == NULL)
    return;
  id = cpl_dataset_new_id (self->dataset, CPL_TYPE_SCENARIO, cpl_entity_get_id (CPL_ENTITY (self->selected)));
  copy = cpl_entity_duplicate (CPL_ENTITY (self->selected), id);
  /* Translators: the name of a duplicated scenario */
  name = g_strdup_printf (_("%s (copy)"), cpl_entity_get_name (CPL_ENTITY (self->selected)));
  cpl_entity_set_name (copy, name);
  cpl_dataset_insert (self->dataset, position + 1, copy);
  cpl_scenarios_view_select (self, CPL_SCENARIO (copy));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CplScenariosView *self = CPL_SCENARIOS_VIEW (widget);
  g_autoptr(CplScenario) scenario = self->selected ? g_object_ref (self->selected) : NULL;

  if (scenario == NULL)
    return;
  g_hash_table_remove (self->compared, cpl_entity_get_id (CPL_ENTITY (scenario)));
  cpl_remove_with_undo (widget, self->dataset, CPL_ENTITY (scenario));
}

static void
move (CplScenariosView *self,
      int               offset)
{
  g_autoptr(CplScenario) scenario = self->selected ? g_object_ref (self->selected) : NULL;
  guint position = position_of (self, scenario);
  guint n = g_list_model_get_n_items (cpl_dataset_get_scenarios (self->dataset));

  if (position == G_MAXUINT || (offset < 0 && position == 0) || (offset > 0 && position + 1 >= n))
    return;
  cpl_dataset_remove (self->dataset, CPL_ENTITY (scenario));
  cpl_dataset_insert (self->dataset, position + offset, CPL_ENTITY (scenario));
  cpl_scenarios_view_select (self, scenario);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move (CPL_SCENARIOS_VIEW (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move (CPL_SCENARIOS_VIEW (widget), +1);
}

/* "Edit" says its word when there is room (not on a folded, narrow
 * window), after the allocation that folded the leaflet. */
static gboolean
update_edit_label (gpointer data)
{
  CplScenariosView *self = data;

  self->edit_label_idle = 0;
  gtk_widget_set_visible (self->edit_label, !adw_leaflet_get_folded (self->leaflet));
  if (self->comparison != NULL)
    cpl_scenario_comparison_set_compact (self->comparison, adw_leaflet_get_folded (self->leaflet));
  return G_SOURCE_REMOVE;
}

static void
on_folded (CplScenariosView *self)
{
  if (self->edit_label_idle == 0)
    self->edit_label_idle = g_idle_add (update_edit_label, self);
}

static void
on_flap_revealed (CplScenariosView *self)
{
  if (adw_flap_get_reveal_flap (self->flap))
    cpl_scenarios_view_get_editor (self);
}

/* The parameters belong to the results: no "Edit" over the comparison. */
static void
on_page_changed (CplScenariosView *self)
{
  gboolean results = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "scenario") == 0;

  gtk_widget_set_visible (self->flap_toggle, results);
  if (!results)
    ensure_comparison (self);
}

static void
compare_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CplScenariosView *self = CPL_SCENARIOS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->content_stack, "comparison");
  cpl_leaflet_show (self->leaflet, self->content_page);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_navigate (CPL_SCENARIOS_VIEW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Export Report… ----------------------------------------------------------- */

typedef struct {
  CplScenariosView *self;
  GPtrArray        *scenarios;   /* CplScenario, the first the baseline */
  GtkToggleButton  *letter;      /* in the paper question */
  CplPaperSize      paper;
  GFile            *file;        /* where it goes, once chosen */
} ReportExport;

static void
report_export_free (ReportExport *export)
{
  g_object_unref (export->self);
  g_ptr_array_unref (export->scenarios);
  g_clear_object (&export->file);
  g_free (export);
}

/* The ticked scenarios (the first is the baseline), or the selected one
 * when none is ticked. */
static GPtrArray *
report_scenarios (CplScenariosView *self)
{
  GPtrArray *picked = ticked_scenarios (self);

  if (picked->len == 0 && self->selected != NULL)
    g_ptr_array_add (picked, g_object_ref (self->selected));
  return picked;
}

static GtkWindow *
parent_window (CplScenariosView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The name of the window's file, or NULL: the built-in data alone. */
static char *
dataset_name (CplScenariosView *self)
{
  GtkWindow *window = parent_window (self);
  GFile *file = CPL_IS_WINDOW (window) ? cpl_document_get_file (cpl_window_get_document (CPL_WINDOW (window))) : NULL;
  g_autofree char *basename = file ? g_file_get_basename (file) : NULL;

  return basename ? g_filename_display_name (basename) : NULL;
}

/* Whether the window's data has changes not saved (to its file, or to the
 * built-in dataset). */
static gboolean
dataset_unsaved (CplScenariosView *self)
{
  GtkWindow *window = parent_window (self);

  return CPL_IS_WINDOW (window) && cpl_document_get_modified (cpl_window_get_document (CPL_WINDOW (window)));
}

static void
show_report_error (CplScenariosView *self,
                   const GError     *error)
{
  cpl_show_error_dialog (parent_window (self), _("Could Not Export the Report"), error->message);
}

static void
open_report (AdwToast *toast,
             GFile    *file)
{
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "cpl-window");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_IS_WINDOW (window) ? GTK_WINDOW (window) : NULL, uri, GDK_CURRENT_TIME);
}

/* Written: a toast with Open; or why not, with the file's name. */
static void
report_written (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  ReportExport *export = data;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (export->self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (!cpl_pdf_report_write_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_report_error (export->self, error);
    }
  else if (overlay != NULL)
    {
      toast = adw_toast_new (_("Report saved"));
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data (G_OBJECT (toast), "cpl-window", parent_window (export->self));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_report), g_object_ref (export->file),
                             (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  report_export_free (export);
}

static void
report_file_chosen (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  ReportExport *export = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  export->file = cpl_export_dialog_save_finish (result, &error);
  if (export->file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_report_error (export->self, error);
      report_export_free (export);
      return;
    }
  name = dataset_name (export->self);
  /* in a worker thread, on a copy of the dataset: the window stays live */
  cpl_pdf_report_write_async (export->self->dataset, export->scenarios, export->file, export->paper, name,
                              dataset_unsaved (export->self), NULL, report_written, export);
}

/* The export goes with the question, and on to the file chooser when
 * its answer is "choose". */
static void
paper_response (AdwMessageDialog *dialog,
                const char       *response)
{
  ReportExport *export;
  g_autofree char *suggested = NULL;
  g_autofree char *base = NULL;

  if (!g_str_equal (response, "choose"))
    return;
  export = g_object_steal_data (G_OBJECT (dialog), "cpl-report-export");
  export->paper = gtk_toggle_button_get_active (export->letter) ? CPL_PAPER_LETTER : CPL_PAPER_A4;
  if (export->scenarios->len == 1)
    base = cpl_export_file_name (cpl_entity_get_name (g_ptr_array_index (export->scenarios, 0)), "report", NULL);
  else
    base = cpl_export_file_name ("chip-policy-lab-report", NULL);
  suggested = g_strconcat (base, ".pdf", NULL);
  cpl_export_dialog_save (parent_window (export->self), _("Export Report"), suggested, _("PDF documents"), "*.pdf",
                          NULL, report_file_chosen, export);
}

/* Letter where the locale's paper is Letter (en_US, en_CA, es_MX…),
 * else A4. */
static gboolean
locale_uses_letter (void)
{
  return g_strcmp0 (gtk_paper_size_get_default (), GTK_PAPER_NAME_LETTER) == 0;
}

/**
 * cpl_scenarios_view_export_report:
 *
 * Asks for the paper size, then where to save, and writes the PDF report
 * of the ticked scenarios (or of the selected one when none is ticked)
 * in a worker thread.
 *
 * Returns: (transfer none) (nullable): the paper size question, or %NULL
 *   when there is no scenario to report on
 */
AdwMessageDialog *
cpl_scenarios_view_export_report (CplScenariosView *self)
{
  ReportExport *export;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *a4;
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (CPL_IS_SCENARIOS_VIEW (self), NULL);

  scenarios = report_scenarios (self);
  if (scenarios->len == 0)
    return NULL;
  for (guint i = 0; i < scenarios->len; i++)
    g_string_append_printf (names, "\n%s", cpl_entity_get_name (g_ptr_array_index (scenarios, i)));

  export = g_new0 (ReportExport, 1);
  export->self = g_object_ref (self);
  export->scenarios = g_ptr_array_ref (scenarios);
  dialog = adw_message_dialog_new (parent_window (self), _("Export Report"), NULL);
  /* Translators: %s is a list of scenario names, one per line */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE, "A PDF report of this scenario:%s",
                                               "A PDF report of these scenarios:%s", scenarios->len),
                                  names->str);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "linked");
  /* Translators: paper sizes, in the report's paper question */
  a4 = gtk_toggle_button_new_with_label (_("A4"));
  export->letter = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Letter")));
  gtk_toggle_button_set_group (export->letter, GTK_TOGGLE_BUTTON (a4));
  gtk_toggle_button_set_active (locale_uses_letter () ? export->letter : GTK_TOGGLE_BUTTON (a4), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Paper size"), -1);
  gtk_box_append (GTK_BOX (box), a4);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (export->letter));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "choose", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cpl-report-export", export, (GDestroyNotify) report_export_free);
  g_signal_connect (dialog, "response", G_CALLBACK (paper_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Life cycle ------------------------------------------------------------- */

static void
cpl_scenarios_view_dispose (GObject *object)
{
  CplScenariosView *self = CPL_SCENARIOS_VIEW (object);

  if (self->selected != NULL)
    g_signal_handlers_disconnect_by_data (self->selected, self);
  g_clear_handle_id (&self->edit_label_idle, g_source_remove);
  g_clear_object (&self->selected);
  g_clear_object (&self->selection);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->compared, g_hash_table_unref);
  G_OBJECT_CLASS (cpl_scenarios_view_parent_class)->dispose (object);
}

static void
cpl_scenarios_view_class_init (CplScenariosViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cpl_scenarios_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/views/cpl-scenarios-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, separator);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, content_page);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, flap);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, results_bin);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, comparison_box);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, back_button);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, scenario_menu);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, tick_hint);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, flap_toggle);
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, edit_label);

  gtk_widget_class_install_action (widget_class, "scenarios.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "scenarios.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "scenarios.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "scenarios.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "scenarios.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "scenarios.compare", NULL, compare_activated);
  gtk_widget_class_install_action (widget_class, "scenarios.back", NULL, back_activated);
}

static void
cpl_scenarios_view_init (CplScenariosView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cpl_menu_button_set_menu_when_opened (self->menu_button, self->scenario_menu);

  self->compared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->separator), FALSE);
  adw_leaflet_page_set_name (adw_leaflet_get_page (self->leaflet, self->sidebar), "list");
  adw_leaflet_page_set_name (adw_leaflet_get_page (self->leaflet, self->content_page), "content");
  cpl_show_when_folded (self->back_button, self->leaflet);
  gtk_widget_set_visible (self->edit_label, !adw_leaflet_get_folded (self->leaflet));
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_stack, "notify::visible-child-name", G_CALLBACK (on_page_changed),
                           self, G_CONNECT_SWAPPED);

  /* the parameters open beside the results on demand: their editor is
   * made then (it was a third of the window's widgets at start) */
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_flap_revealed), self, G_CONNECT_SWAPPED);
  self->results = cpl_scenario_results_new ();
  adw_bin_set_child (self->results_bin, GTK_WIDGET (self->results));

  /* the comparison page is filled when first shown (ensure_comparison) */

  g_signal_connect_object (self->scenario_list, "activate", G_CALLBACK (on_row_activated), self, 0);
}

void
cpl_scenarios_view_set_dataset (CplScenariosView *self,
                                CplDataset       *dataset)
{
  GListModel *scenarios;
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (CPL_IS_SCENARIOS_VIEW (self));
  g_return_if_fail (self->dataset == NULL);

  self->dataset = g_object_ref (dataset);
  scenarios = cpl_dataset_get_scenarios (dataset);
  self->selection = cpl_check_list_set_model (self->scenario_list, scenarios, G_CALLBACK (on_selection_changed), self);
  factory = cpl_check_list_factory_new (_("Include in the comparison"), 1, update_row, is_compared, on_compare_toggled,
                                        self);
  g_object_set (self->scenario_list, "factory", factory, NULL);
  g_signal_connect_object (scenarios, "items-changed", G_CALLBACK (on_scenarios_changed), self, G_CONNECT_SWAPPED);
  /* an edit anywhere (a chip's price, a scenario's parameter) projects again */
  g_signal_connect_object (dataset, "entry-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  on_scenarios_changed (self, 0, 0, g_list_model_get_n_items (scenarios));
}

/* Returns: (transfer none): the line under Compare: what to do, or how
 * many scenarios are ticked */
const char *
cpl_scenarios_view_get_tick_hint (CplScenariosView *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIOS_VIEW (self), NULL);

  return gtk_label_get_text (self->tick_hint);
}

void
cpl_scenarios_view_set_compared (CplScenariosView *self,
                                 CplScenario      *scenario,
                                 gboolean          compared)
{
  const char *id = cpl_entity_get_id (CPL_ENTITY (scenario));
  GtkWidget *row = cpl_check_list_find_row (self->scenario_list, scenario);

  if (compared)
    g_hash_table_add (self->compared, g_strdup (id));
  else
    g_hash_table_remove (self->compared, id);
  /* keep the row's tick in step, if it has a row on screen */
  if (row != NULL)
    cpl_check_row_set_active (row, compared);
  queue_comparison (self);
  update_tick_hint (self);
}

/* Returns: (transfer none): the list of scenarios */
GtkWidget *
cpl_scenarios_view_get_list (CplScenariosView *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIOS_VIEW (self), NULL);

  return self->scenario_list;
}

CplScenario *
cpl_scenarios_view_get_selected (CplScenariosView *self)
{
  return self->selected;
}

/* A refused input's note, from the editor to the figures it feeds. */
static void
on_stale_note (CplScenarioEditor  *editor,
               GParamSpec         *pspec,
               CplScenarioResults *results)
{
  g_autofree char *note = NULL;

  g_object_get (editor, "stale-note", &note, NULL);
  cpl_scenario_results_set_stale_note (results, note);
}

/**
 * cpl_scenarios_view_get_editor:
 *
 * The parameters of the selected scenario: made when the flap that
 * shows them first opens, or when first asked for.
 *
 * Returns: (transfer none): the editor
 */
CplScenarioEditor *
cpl_scenarios_view_get_editor (CplScenariosView *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIOS_VIEW (self), NULL);

  if (self->editor == NULL)
    {
      self->editor = cpl_scenario_editor_new ();
      g_signal_connect_object (self->editor, "notify::stale-note", G_CALLBACK (on_stale_note), self->results, 0);
      adw_bin_set_child (self->editor_bin, GTK_WIDGET (self->editor));
      cpl_buttons_name_by_label (GTK_WIDGET (self->editor));
      if (self->dataset != NULL)
        cpl_scenario_editor_bind (self->editor, self->dataset, self->selected);
    }
  return self->editor;
}

/* Whether the editor has been made (for tests). */
gboolean
cpl_scenarios_view_has_editor (CplScenariosView *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIOS_VIEW (self), FALSE);
  return self->editor != NULL;
}

CplScenarioResults *
cpl_scenarios_view_get_results (CplScenariosView *self)
{
  return self->results;
}

CplScenarioComparison *
cpl_scenarios_view_get_comparison (CplScenariosView *self)
{
  ensure_comparison (self);
  return self->comparison;
}

/* Returns: what is in front: "list" (a folded view showing its list),
 * "scenario" (the results) or "comparison" */
const char *
cpl_scenarios_view_get_visible_page (CplScenariosView *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIOS_VIEW (self), NULL);

  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0)
    return "list";
  return gtk_stack_get_visible_child_name (self->content_stack);
}
