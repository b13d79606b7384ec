/* cpl-chart-export.c: Export… for every chart of the app
 *
 * A chart's card has an Export… button in its header, and its view a
 * context menu with Export… (right click, long press, Shift+F10 or the
 * Menu key).  Either opens a small dialog: the format (PNG at 1×, 2× or
 * 3×, SVG, PDF) and the palette (light whatever the theme, or dark); its
 * Export… button goes on to the save dialog (through the portal, with a
 * name made of the scenario and the chart) and writes the chart at
 * CPL_CHART_EXPORT_WIDTH × CPL_CHART_EXPORT_HEIGHT points, with its
 * title, legend, axes and the source line.  A toast says where it went;
 * an error says why, with the file's name.
 */
#define G_LOG_DOMAIN "cpl-chart-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-chart-export.h"
#include "cpl-window.h"
#include "views/cpl-chart-builders.h"
#include "views/cpl-export-dialog.h"
#include "views/cpl-view-util.h"

#define NAME_KEY "cpl-export-name"
#define POPOVER_KEY "cpl-export-popover"

static const struct {
  const char          *label;       /* N_() */
  const char          *extension;
  const char          *pattern;
  const char          *filter;      /* N_() */
  CplChartExportFormat format;
  double               scale;
} formats[CPL_N_CHART_SAVE_FORMATS] = {
  [CPL_CHART_SAVE_PNG_1X] = { N_("PNG image, 1×"), "png", "*.png", N_("PNG images"), CPL_CHART_EXPORT_PNG, 1 },
  [CPL_CHART_SAVE_PNG_2X] = { N_("PNG image, 2×"), "png", "*.png", N_("PNG images"), CPL_CHART_EXPORT_PNG, 2 },
  [CPL_CHART_SAVE_PNG_3X] = { N_("PNG image, 3×"), "png", "*.png", N_("PNG images"), CPL_CHART_EXPORT_PNG, 3 },
  [CPL_CHART_SAVE_SVG] = { N_("SVG drawing"), "svg", "*.svg", N_("SVG drawings"), CPL_CHART_EXPORT_SVG, 1 },
  [CPL_CHART_SAVE_PDF] = { N_("PDF document"), "pdf", "*.pdf", N_("PDF documents"), CPL_CHART_EXPORT_PDF, 1 },
};

/* Names and files ----------------------------------------------------------- */

/**
 * cpl_chart_export_set_name:
 * @prefix: (nullable): what the chart shows, for the suggested file name:
 *   the scenario's id, or the ids of those compared
 *
 * The suggested name is @prefix, then the chart's id if it has one
 * ("full-ban" and "domestic-share" → "full-ban-domestic-share.png").
 */
void
cpl_chart_export_set_name (CplChart   *chart,
                           const char *prefix)
{
  g_return_if_fail (CPL_IS_CHART (chart));

  g_object_set_data_full (G_OBJECT (chart), NAME_KEY, g_strdup (prefix), g_free);
}

/**
 * cpl_chart_export_set_entity:
 * @entity: the scenario whose figures the chart draws
 *
 * The chart's exports are of @entity: the suggested file name starts
 * with its id (cpl_chart_export_set_name()) and the picture names it
 * under its title (cpl_chart_set_subject()).
 */
void
cpl_chart_export_set_entity (CplChart  *chart,
                             CplEntity *entity)
{
  g_return_if_fail (CPL_IS_ENTITY (entity));

  cpl_chart_export_set_name (chart, cpl_entity_get_id (entity));
  cpl_chart_set_subject (chart, cpl_entity_get_name (entity));
}

/* Returns: the name the save dialog suggests, with its extension: the
 * name set, then the chart's id (cpl_chart_new_for()), or "chart". */
char *
cpl_chart_export_suggest_name (CplChart           *chart,
                               CplChartSaveFormat  format)
{
  const char *prefix = g_object_get_data (G_OBJECT (chart), NAME_KEY);
  const char *id = cpl_chart_get_builder_id (chart);
  g_autofree char *name = prefix != NULL ? cpl_export_file_name (prefix, id, NULL)
                                         : cpl_export_file_name (id ? id : "chart", NULL);

  g_return_val_if_fail (format < CPL_N_CHART_SAVE_FORMATS, NULL);
  return g_strconcat (name, ".", formats[format].extension, NULL);
}

/**
 * cpl_chart_export_write:
 * @file: where to write (a local file, or one the portal gives)
 * @document_file: (nullable): the file of the document the chart shows,
 *   laid over the built-in dataset; %NULL for the built-in dataset
 * @unsaved: the document has changes not saved: the source line says so
 *
 * What the dialog does once the file is chosen: the source line names
 * the data, and the chart is written in @format.
 *
 * Returns: whether it was written; %FALSE with @error naming the file
 */
gboolean
cpl_chart_export_write (CplChart            *chart,
                        GFile               *file,
                        CplChartSaveFormat   format,
                        gboolean             dark,
                        GFile               *document_file,
                        gboolean             unsaved,
                        GError             **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = document_file != NULL ? g_file_get_basename (document_file) : NULL;
  g_autofree char *display = name != NULL ? g_filename_display_name (name) : NULL;
  g_autofree char *source = cpl_chart_dup_source (display, unsaved);

  g_return_val_if_fail (CPL_IS_CHART (chart), FALSE);
  g_return_val_if_fail (format < CPL_N_CHART_SAVE_FORMATS, FALSE);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is where the user chose to save */
                   _("Could not write to “%s”: the chart can only be saved to a file on this computer"), uri);
      return FALSE;
    }
  cpl_chart_set_source (chart, source);
  return cpl_chart_save (chart, path, formats[format].format, formats[format].scale, dark, error);
}

/* The dialog ------------------------------------------------------------------ */

typedef struct
{
  CplChart     *chart;
  GtkWindow    *parent;     /* the app window, or NULL */
  GtkWidget    *overlay;    /* its toast overlay, or NULL */
  GFile        *document;   /* the document's file, or NULL */
  gboolean      unsaved;    /* the document had changes not saved */
  CplChartSaveFormat format;
  gboolean      dark;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->chart);
  g_clear_object (&export->parent);
  g_clear_object (&export->overlay);
  g_clear_object (&export->document);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
show_error (Export     *export,
            const char *message)
{
  cpl_show_error_dialog (export->parent, _("Could Not Export the Chart"), message);
}

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      data)
{
  g_autoptr(Export) export = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = cpl_export_dialog_save_finish (result, &error);

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (export, error->message);
      return;
    }
  if (!cpl_chart_export_write (export->chart, file, export->format, export->dark, export->document, export->unsaved,
                               &error))
    {
      show_error (export, error->message);
      return;
    }
  if (export->overlay != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (name);
      /* Translators: a toast; %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Chart exported to “%s”"), display);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (export->overlay), adw_toast_new (title));
    }
}

static void
export_clicked (GtkWidget *dialog)
{
  Export *export = g_object_steal_data (G_OBJECT (dialog), "export");
  AdwComboRow *format = g_object_get_data (G_OBJECT (dialog), "format");
  AdwComboRow *palette = g_object_get_data (G_OBJECT (dialog), "palette");
  g_autofree char *name = NULL;

  export->format = MIN (adw_combo_row_get_selected (format), CPL_N_CHART_SAVE_FORMATS - 1);
  export->dark = adw_combo_row_get_selected (palette) == 1;
  name = cpl_chart_export_suggest_name (export->chart, export->format);
  gtk_window_destroy (GTK_WINDOW (dialog));
  cpl_export_dialog_save (export->parent, _("Export Chart"), name, _(formats[export->format].filter),
                          formats[export->format].pattern, NULL, saved, export);
}

static AdwComboRow *
combo_row_new (const char         *title,
               const char * const *choices,
               guint               selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (choices);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, selected);
  return row;
}

/**
 * cpl_chart_export_present:
 *
 * Opens the Export… dialog for the chart of @view.
 */
void
cpl_chart_export_present (CplChartView *view)
{
  Export *export = g_new0 (Export, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  const char *format_names[CPL_N_CHART_SAVE_FORMATS + 1] = { NULL };
  const char *palettes[] = { _("Light"), _("Dark"), NULL };
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  AdwComboRow *format, *palette;
  GtkEventController *keys;

  export->chart = g_object_ref (cpl_chart_view_get_chart (view));
  if (GTK_IS_WINDOW (root))
    export->parent = g_object_ref (GTK_WINDOW (root));
  export->overlay = gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_TOAST_OVERLAY);
  if (export->overlay != NULL)
    g_object_ref (export->overlay);
  if (CPL_IS_WINDOW (root))
    {
      CplDocument *document = cpl_window_get_document (CPL_WINDOW (root));
      GFile *file = cpl_document_get_file (document);

      export->document = file ? g_object_ref (file) : NULL;
      export->unsaved = cpl_document_get_modified (document);
    }

  for (guint i = 0; i < CPL_N_CHART_SAVE_FORMATS; i++)
    format_names[i] = _(formats[i].label);
  format = combo_row_new (_("_Format"), format_names, CPL_CHART_SAVE_PNG_2X);
  /* the light palette whatever the theme: slides and papers are light */
  palette = combo_row_new (_("_Palette"), palettes, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (format));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (palette));
  {
    g_autofree char *size = g_strdup_printf ("%d × %d", CPL_CHART_EXPORT_WIDTH, CPL_CHART_EXPORT_HEIGHT);
    /* Translators: %s is a size in points, "1000 × 600" */
    g_autofree char *description = g_strdup_printf (_("The chart at %s points, with its title, legend, axes "
                                                      "and a line naming the data."), size);

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (content), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);
  adw_window_set_content (ADW_WINDOW (dialog), content);

  gtk_window_set_title (GTK_WINDOW (dialog), _("Export Chart"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), export->parent);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, -1);
  gtk_window_set_default_widget (GTK_WINDOW (dialog), save);
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, keys);

  g_object_set_data_full (G_OBJECT (dialog), "export", export, (GDestroyNotify) export_free);
  g_object_set_data (G_OBJECT (dialog), "format", format);
  g_object_set_data (G_OBJECT (dialog), "palette", palette);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (export_clicked), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The button and the menu ------------------------------------------------------ */

/**
 * cpl_chart_export_button_new:
 *
 * Returns: (transfer floating): an icon button that opens the Export…
 *   dialog for the chart of @view, for the header of its card
 */
GtkWidget *
cpl_chart_export_button_new (CplChartView *view)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-save-as-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Export Chart…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export Chart…"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (cpl_chart_export_present), view, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (button), "cpl-chart-view", view);
  return button;
}

/**
 * cpl_chart_export_button_get_view:
 * @button: a button from cpl_chart_export_button_new()
 *
 * Returns: (transfer none): the chart view whose chart @button exports
 */
CplChartView *
cpl_chart_export_button_get_view (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "cpl-chart-view");
}

static gboolean
forget_popover (gpointer popover)
{
  GtkWidget *view = gtk_widget_get_parent (popover);

  if (view != NULL && g_object_get_data (G_OBJECT (view), POPOVER_KEY) == popover)
    g_object_set_data (G_OBJECT (view), POPOVER_KEY, NULL);
  return G_SOURCE_REMOVE;
}

static void
popover_closed (GtkWidget *popover)
{
  /* unparented once the menu's action has run */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, forget_popover, g_object_ref (popover), g_object_unref);
}

static void
view_unrealized (GtkWidget *view)
{
  g_object_set_data (G_OBJECT (view), POPOVER_KEY, NULL);
}

static void
popover_unparent (gpointer popover)
{
  gtk_widget_unparent (popover);
}

/* The context menu at (@x, @y) of @view, or at its middle when @x is NaN. */
static void
popup_menu (CplChartView *view,
            double        x,
            double        y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *popover;

  g_menu_append (menu, _("_Export…"), "chart-export.export");
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (view));
  g_object_set_data_full (G_OBJECT (view), POPOVER_KEY, popover, popover_unparent);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  if (isnan (x))
    {
      x = gtk_widget_get_width (GTK_WIDGET (view)) / 2.;
      y = gtk_widget_get_height (GTK_WIDGET (view)) / 2.;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
secondary_pressed (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   CplChartView    *view)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (view, x, y);
}

static void
long_pressed (GtkGestureLongPress *gesture,
              double               x,
              double               y,
              CplChartView        *view)
{
  popup_menu (view, x, y);
}

static gboolean
menu_key (GtkWidget *view,
          GVariant  *args,
          gpointer   data)
{
  popup_menu (CPL_CHART_VIEW (view), NAN, NAN);
  return TRUE;
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       view)
{
  cpl_chart_export_present (view);
}

/**
 * cpl_chart_export_attach:
 *
 * Gives @view the context menu with Export… (right click, long press,
 * Shift+F10 or the Menu key).
 */
void
cpl_chart_export_attach (CplChartView *view)
{
  static const GActionEntry actions[] = { { "export", export_activated } };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *press = gtk_gesture_long_press_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), view);
  gtk_widget_insert_action_group (GTK_WIDGET (view), "chart-export", G_ACTION_GROUP (group));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (secondary_pressed), view, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect_object (press, "pressed", G_CALLBACK (long_pressed), view, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (press));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu"),
                                                          gtk_callback_action_new (menu_key, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
  g_signal_connect (view, "unrealize", G_CALLBACK (view_unrealized), NULL);
}

/**
 * cpl_chart_card_header_new:
 * @title: the title of the card
 * @view: the chart view in the card
 *
 * The header of a chart's card: its title, and Export… after it.  The
 * chart takes @title for its exports and gets the context menu.
 *
 * Returns: (transfer floating): the header; its first child is the title
 */
GtkWidget *
cpl_chart_card_header_new (const char   *title,
                           CplChartView *view)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = cpl_wrapped_label_new (title, "heading");

  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), cpl_chart_export_button_new (view));
  cpl_chart_export_enable (view, title, NULL);
  return header;
}

/**
 * cpl_chart_export_enable:
 * @title: the chart's title on its exports
 * @name: (nullable): the start of the suggested file name
 *   (cpl_chart_export_set_name()), or %NULL to leave it
 *
 * Gives a chart shown without a card its title and the context menu with
 * Export….
 */
void
cpl_chart_export_enable (CplChartView *view,
                         const char   *title,
                         const char   *name)
{
  CplChart *chart = cpl_chart_view_get_chart (view);

  cpl_chart_set_title (chart, title);
  if (name != NULL)
    cpl_chart_export_set_name (chart, name);
  cpl_chart_export_attach (view);
}
