/* main.c: Chip Policy Lab */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cpl-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CplApplication) app = NULL;
  const char *localedir = g_getenv ("CPL_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* CPL_LOCALEDIR lets the tests and build-aux/run.sh use the catalogues
   * of the build tree before anything is installed. */
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cpl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
