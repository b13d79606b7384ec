/* cpl-help-window.c: "Method and Sources", the formulas in plain words
 *
 * Shows the text of cpl-help-text.c: a label per block, headings as
 * headings, formulas set apart.
 */
#define G_LOG_DOMAIN "cpl-help-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cpl-help-text.h"
#include "cpl-help-window.h"
#include "views/cpl-view-util.h"

struct _CplHelpWindow
{
  AdwWindow  parent_instance;

  GtkBox    *page;
};

G_DEFINE_FINAL_TYPE (CplHelpWindow, cpl_help_window, ADW_TYPE_WINDOW)

static void
cpl_help_window_class_init (CplHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpl-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CplHelpWindow, page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cpl_help_window_init (CplHelpWindow *self)
{
  const CplHelpBlock *help_text;
  guint n_blocks;

  gtk_widget_init_template (GTK_WIDGET (self));

  help_text = cpl_help_text_get (&n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    {
      CplHelpKind kind = help_text[i].kind;
      /* "6,500 GB/s" broke at its slash in Chinese, where any character
       * may end a line */
      g_autofree char *text = cpl_text_keep_units (_(help_text[i].text));
      GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                       "label", text,
                                       "accessible-role", kind == CPL_HELP_TITLE || kind == CPL_HELP_HEADING
                                                          ? GTK_ACCESSIBLE_ROLE_HEADING
                                                          : GTK_ACCESSIBLE_ROLE_LABEL,
                                       NULL);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_halign (label, GTK_ALIGN_FILL);
      switch (kind)
        {
        case CPL_HELP_TITLE:
          gtk_widget_add_css_class (label, "title-2");
          gtk_widget_set_margin_bottom (label, 6);
          break;
        case CPL_HELP_HEADING:
          gtk_widget_add_css_class (label, "title-3");
          gtk_widget_set_margin_top (label, 18);
          break;
        case CPL_HELP_FORMULA:
          /* set apart from the text, indented */
          gtk_widget_set_margin_start (label, 18);
          break;
        case CPL_HELP_PARAGRAPH:
        default:
          break;
        }
      gtk_box_append (self->page, label);
    }
}

/**
 * cpl_help_window_new:
 * @application: (nullable): the application the window belongs to
 */
CplHelpWindow *
cpl_help_window_new (GtkApplication *application)
{
  return g_object_new (CPL_TYPE_HELP_WINDOW,
                       "application", application,
                       NULL);
}
