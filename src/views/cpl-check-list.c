/* cpl-check-list.c: sidebar lists whose rows are built on demand
 *
 * The Scenarios and Revenue views list their entries beside a tick box,
 * and the scenario editor the chips it may allow: a list makes rows only
 * for what is on screen and binds them to entries as they scroll by.  The
 * list is a GtkGridView of one column, not a GtkListView: GTK 4.8's list
 * view keeps 200 rows around what it shows (GTK_LIST_VIEW_MAX_LIST_ITEMS,
 * whatever its height), a grid view 30 rows of its columns
 * (GTK_GRID_VIEW_MAX_VISIBLE_ROWS) and one above and below.  A file of
 * 1,000 scenarios made, bound and measured 205 rows in the frame that
 * showed it (some 100 ms), where a screenful is 15; it now makes 33.  A
 * window over 30 rows high (some 1,400 pixels) spreads the 30 rows over
 * its height.  The cells are styled as a navigation sidebar's rows
 * (resources/style.css); assistive technologies meet a grid of one
 * column.  A row is a tick, a title and a subtitle;
 * the tick's state lives in the view, not in the row: the view sets it
 * when a row is bound and hears when the user changes it.  A tap or a
 * click on a row (not on its tick) activates it, as Enter does.
 */
#define G_LOG_DOMAIN "cpl-check-list"

#include "config.h"

#include "cpl-check-list.h"
#include "cpl-view-util.h"

#define ROW_KEY "cpl-check-row"

typedef struct
{
  GtkWidget *check;
  GtkLabel  *title;
  GtkLabel  *subtitle;
  gpointer   item;      /* (not owned): the bound entry, NULL when unbound */
  gboolean   syncing;   /* the view, not the user, moves the tick */
} CheckRow;

typedef struct
{
  char             *check_tooltip;
  int               subtitle_lines;
  CplCheckListFunc    update;
  CplCheckListActive  is_active;
  CplCheckListFunc    toggled;
  gpointer            user_data;
} Factory;

static void
factory_free (gpointer data)
{
  Factory *factory = data;

  g_free (factory->check_tooltip);
  g_free (factory);
}

static CheckRow *
check_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), ROW_KEY);
}

static void
on_check_toggled (GtkWidget *row)
{
  CheckRow *r = check_row (row);
  Factory *factory = g_object_get_data (G_OBJECT (row), "cpl-factory");

  if (!r->syncing && r->item != NULL)
    factory->toggled (row, r->item, factory->user_data);
}

/* A tap or a click on the row, not on its tick: the list's activation,
 * as Enter gives it. */
static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             GtkListItem     *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (row, x, y, GTK_PICK_DEFAULT);
  guint position = gtk_list_item_get_position (list_item);

  if (n_press != 1 || position == GTK_INVALID_LIST_POSITION ||
      (picked != NULL && (picked == check_row (row)->check || gtk_widget_is_ancestor (picked, check_row (row)->check))))
    return;
  gtk_widget_activate_action (row, "list.activate-item", "u", position);
}

/* A row's layout: the tick at its natural width, centred vertically; in
 * the rest of the width the title over the subtitle, 2 px apart, the two
 * centred together; the row as tall as the taller for that width.  The
 * labels are the row's own children (no box for the text: ~200 rows are
 * made at once), and a wrapped title is only asked for its height at a
 * width, as it measures best: a horizontal GtkBox asked the text for its
 * width at the row's height, a binary search over Pango layouts of the
 * title for every row made. */
#define ROW_SPACING  12
#define TEXT_SPACING 2

static GtkSizeRequestMode
row_request_mode (GtkWidget *row)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The title's and the subtitle's heights at @width (-1: unlimited), and
 * the text's: both, and the space between them. */
static int
text_height (GtkWidget *row,
             int        width,
             int       *title_height,
             int       *subtitle_height)
{
  GtkWidget *title = gtk_widget_get_next_sibling (gtk_widget_get_first_child (row));

  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, width, NULL, title_height, NULL, NULL);
  gtk_widget_measure (gtk_widget_get_next_sibling (title), GTK_ORIENTATION_VERTICAL, width, NULL, subtitle_height,
                      NULL, NULL);
  return *title_height + TEXT_SPACING + *subtitle_height;
}

static int
check_width (GtkWidget *row)
{
  int natural;

  gtk_widget_measure (gtk_widget_get_first_child (row), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static void
row_measure (GtkWidget      *row,
             GtkOrientation  orientation,
             int             for_size,
             int            *minimum,
             int            *natural,
             int            *minimum_baseline,
             int            *natural_baseline)
{
  GtkWidget *check = gtk_widget_get_first_child (row);
  int check_min, check_nat;

  gtk_widget_measure (check, orientation, -1, &check_min, &check_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = check_min + ROW_SPACING;
      *natural = check_nat + ROW_SPACING;
      for (GtkWidget *label = gtk_widget_get_next_sibling (check); label; label = gtk_widget_get_next_sibling (label))
        {
          int label_min, label_nat;

          gtk_widget_measure (label, orientation, -1, &label_min, &label_nat, NULL, NULL);
          *minimum = MAX (*minimum, check_min + ROW_SPACING + label_min);
          *natural = MAX (*natural, check_nat + ROW_SPACING + label_nat);
        }
    }
  else
    {
      int title_height, subtitle_height;
      int text = text_height (row, for_size < 0 ? -1 : MAX (for_size - check_width (row) - ROW_SPACING, 0),
                              &title_height, &subtitle_height);

      *minimum = MAX (check_min, text);
      *natural = MAX (check_nat, text);
    }
}

static void
row_allocate (GtkWidget *row,
              int        width,
              int        height,
              int        baseline)
{
  GtkWidget *check = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_next_sibling (check);
  gboolean rtl = gtk_widget_get_direction (row) == GTK_TEXT_DIR_RTL;
  GtkAllocation tick = { 0, 0, MIN (check_width (row), width), height };
  GtkAllocation text = { 0, 0, 0, 0 };
  int title_height, subtitle_height;

  text.width = MAX (width - tick.width - ROW_SPACING, 0);
  tick.x = rtl ? width - tick.width : 0;
  text.x = rtl ? 0 : width - text.width;
  gtk_widget_size_allocate (check, &tick, -1);
  /* centred as a box of the two would be */
  text.y = MAX ((height - text_height (row, text.width, &title_height, &subtitle_height)) / 2, 0);
  text.height = title_height;
  gtk_widget_size_allocate (title, &text, -1);
  text.y += title_height + TEXT_SPACING;
  text.height = subtitle_height;
  gtk_widget_size_allocate (gtk_widget_get_next_sibling (title), &text, -1);
}

static GtkWidget *
dim_label (GtkWidget *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
setup (GtkSignalListItemFactory *item_factory,
       GtkListItem              *list_item,
       Factory                  *factory)
{
  CheckRow *r = g_new0 (CheckRow, 1);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_layout_manager (row, gtk_custom_layout_new (row_request_mode, row_measure, row_allocate));
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  /* hidden while its tooltip is set: a shown widget's new tooltip asks
   * the display where the pointer is (a round trip to the X server per
   * row made) */
  r->check = g_object_new (GTK_TYPE_CHECK_BUTTON, "visible", FALSE, "tooltip-text", factory->check_tooltip,
                           "valign", GTK_ALIGN_CENTER, NULL);
  gtk_widget_set_visible (r->check, TRUE);
  gtk_box_append (GTK_BOX (row), r->check);
  r->title = GTK_LABEL (dim_label (row));
  gtk_widget_set_hexpand (GTK_WIDGET (r->title), TRUE);
  /* a name whole, as far as three lines: names differ at their end
   * ("… (August 2025)", "… (December 2025)") */
  gtk_label_set_wrap (r->title, TRUE);
  gtk_label_set_wrap_mode (r->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (r->title, 3);
  r->subtitle = GTK_LABEL (dim_label (row));
  gtk_widget_add_css_class (GTK_WIDGET (r->subtitle), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (r->subtitle), "dim-label");
  if (factory->subtitle_lines > 1)
    {
      gtk_label_set_wrap (r->subtitle, TRUE);
      gtk_label_set_wrap_mode (r->subtitle, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (r->subtitle, factory->subtitle_lines);
    }
  g_object_set_data_full (G_OBJECT (row), ROW_KEY, r, g_free);
  g_object_set_data (G_OBJECT (row), "cpl-factory", factory);
  g_signal_connect_swapped (r->check, "toggled", G_CALLBACK (on_check_toggled), row);
  g_signal_connect (click, "released", G_CALLBACK (on_released), list_item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (list_item, row);
}

/* The entry changed (an edit, an undo): its row shows it. */
static void
on_item_changed (GtkWidget *row)
{
  Factory *factory = g_object_get_data (G_OBJECT (row), "cpl-factory");

  factory->update (row, check_row (row)->item, factory->user_data);
}

static void
bind (GtkSignalListItemFactory *item_factory,
      GtkListItem              *list_item,
      Factory                  *factory)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);

  check_row (row)->item = item;
  cpl_check_row_set_active (row, factory->is_active (item, factory->user_data));
  g_signal_connect_swapped (item, "changed", G_CALLBACK (on_item_changed), row);
  factory->update (row, item, factory->user_data);
}

static void
unbind (GtkSignalListItemFactory *item_factory,
        GtkListItem              *list_item,
        Factory                  *factory)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  g_signal_handlers_disconnect_by_func (check_row (row)->item, on_item_changed, row);
  check_row (row)->item = NULL;
}

/**
 * cpl_check_list_factory_new:
 * @check_tooltip: the tick's tooltip
 * @subtitle_lines: how many lines the subtitle may wrap to (1: ellipsized)
 * @update: sets the text of a row from its entry (an entity: its "changed"
 *   signal updates the row while it is bound)
 * @is_active: whether the view ticks an entry
 * @toggled: the user moved the tick of a row's entry
 *
 * Returns: (transfer full): the factory of a list of ticked rows
 */
GtkListItemFactory *
cpl_check_list_factory_new (const char         *check_tooltip,
                            int                 subtitle_lines,
                            CplCheckListFunc    update,
                            CplCheckListActive  is_active,
                            CplCheckListFunc    toggled,
                            gpointer            user_data)
{
  GtkListItemFactory *item_factory = gtk_signal_list_item_factory_new ();
  Factory *factory = g_new0 (Factory, 1);

  factory->check_tooltip = g_strdup (check_tooltip);
  factory->subtitle_lines = subtitle_lines;
  factory->update = update;
  factory->is_active = is_active;
  factory->toggled = toggled;
  factory->user_data = user_data;
  g_object_set_data_full (G_OBJECT (item_factory), "cpl-factory", factory, factory_free);
  g_signal_connect (item_factory, "setup", G_CALLBACK (setup), factory);
  g_signal_connect (item_factory, "bind", G_CALLBACK (bind), factory);
  g_signal_connect (item_factory, "unbind", G_CALLBACK (unbind), factory);
  return item_factory;
}

/**
 * cpl_check_list_new:
 * @model: (transfer full): the entries
 * @factory: (transfer full): from cpl_check_list_factory_new()
 *
 * Returns: (transfer floating): a list of ticked rows, for a sidebar
 *   (a GtkGridView of one column: see the top of this file)
 */
GtkWidget *
cpl_check_list_new (GtkSelectionModel  *model,
                    GtkListItemFactory *factory)
{
  GtkWidget *list = gtk_grid_view_new (model, factory);

  gtk_grid_view_set_max_columns (GTK_GRID_VIEW (list), 1);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  return list;
}

/**
 * cpl_check_list_set_model:
 * @on_selected: called (swapped, with @data) when the selection moves
 *
 * Shows @model in @list with a single selection that starts empty and
 * never empties by a click: the view keeps it in step with what it shows.
 *
 * Returns: (transfer full): the selection
 */
GtkSingleSelection *
cpl_check_list_set_model (GtkWidget   *list,
                          GListModel  *model,
                          GCallback    on_selected,
                          gpointer     data)
{
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (model));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, FALSE);
  g_signal_connect_object (selection, "notify::selected", on_selected, data, G_CONNECT_SWAPPED);
  g_object_set (list, "model", selection, NULL);
  return selection;
}

/* Selects @position in @list's selection, and scrolls to it. */
void
cpl_check_list_select (GtkWidget *list,
                       guint      position)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_object_get (list, "model", &selection, NULL);

  if (gtk_single_selection_get_selected (selection) == position)
    return;
  gtk_single_selection_set_selected (selection, position);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

/* The row's title and subtitle, and what its tick is called. */
void
cpl_check_row_set_text (GtkWidget  *row,
                        const char *title,
                        const char *subtitle,
                        const char *check_label)
{
  CheckRow *r = check_row (row);
  g_autofree char *kept = cpl_text_keep_dates (title);

  gtk_label_set_text (r->title, kept);
  gtk_label_set_text (r->subtitle, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
}

/* Moves the tick without telling the view: it is the view's own state. */
void
cpl_check_row_set_active (GtkWidget *row,
                          gboolean   active)
{
  CheckRow *r = check_row (row);

  r->syncing = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (r->check), active);
  r->syncing = FALSE;
}

gboolean
cpl_check_row_get_active (GtkWidget *row)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (check_row (row)->check));
}

const char *
cpl_check_row_get_title (GtkWidget *row)
{
  return gtk_label_get_text (check_row (row)->title);
}

const char *
cpl_check_row_get_subtitle (GtkWidget *row)
{
  return gtk_label_get_text (check_row (row)->subtitle);
}

/* Returns: (transfer none): the tick of @row */
GtkCheckButton *
cpl_check_row_get_check (GtkWidget *row)
{
  return GTK_CHECK_BUTTON (check_row (row)->check);
}

/* Returns: (transfer none) (nullable): the entry @row shows */
gpointer
cpl_check_row_get_item (GtkWidget *row)
{
  CheckRow *r = row ? check_row (row) : NULL;

  return r ? r->item : NULL;
}

/**
 * cpl_check_list_find_row:
 *
 * Returns: (transfer none) (nullable): the row that shows @item, or %NULL
 *   when it has none (not on screen, or the list not laid out yet)
 */
GtkWidget *
cpl_check_list_find_row (GtkWidget *list,
                         gpointer   item)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (row != NULL && cpl_check_row_get_item (row) == item)
        return row;
    }
  return NULL;
}

/* The view's ticks changed (an undo): the rows on screen show them; the
 * others are ticked as they are bound. */
void
cpl_check_list_update_ticks (GtkWidget *list)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      gpointer item = cpl_check_row_get_item (row);
      Factory *factory = row ? g_object_get_data (G_OBJECT (row), "cpl-factory") : NULL;

      if (item != NULL && factory != NULL)
        cpl_check_row_set_active (row, factory->is_active (item, factory->user_data));
    }
}

/* Returns: how many rows the list has made (at most a few screenfuls). */
guint
cpl_check_list_n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_first_child (child) != NULL && check_row (gtk_widget_get_first_child (child)) != NULL)
      n++;
  return n;
}
