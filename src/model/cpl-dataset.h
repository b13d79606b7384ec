/* cpl-dataset.h: everything a user works with, as list models */
#pragma once

#include <gio/gio.h>

#include "cpl-chip.h"
#include "cpl-revenue-case.h"
#include "cpl-rule.h"
#include "cpl-scenario.h"
#include "cpl-vendor.h"

G_BEGIN_DECLS

typedef enum {
  CPL_LOAD_OVER_BUILTIN,  /* lay the file over the built-in dataset, by id */
  CPL_LOAD_ALONE,         /* the file and nothing else */
} CplLoadMode;

/* Limits that keep a hostile file from eating the machine. */
#define CPL_MAX_FILE_SIZE     (64 * 1024 * 1024)
#define CPL_MAX_JSON_DEPTH    64

#define CPL_TYPE_DATASET (cpl_dataset_get_type ())
G_DECLARE_FINAL_TYPE (CplDataset, cpl_dataset, CPL, DATASET, GObject)

CplDataset     *cpl_dataset_new                (void);
CplDataset     *cpl_dataset_new_builtin        (GError      **error);
GBytes         *cpl_dataset_get_builtin_bytes  (void);

GListModel     *cpl_dataset_get_vendors        (CplDataset   *self);
GListModel     *cpl_dataset_get_chips          (CplDataset   *self);
GListModel     *cpl_dataset_get_rules          (CplDataset   *self);
GListModel     *cpl_dataset_get_scenarios      (CplDataset   *self);
GListModel     *cpl_dataset_get_revenue_cases  (CplDataset   *self);

CplVendor      *cpl_dataset_lookup_vendor      (CplDataset   *self,
                                                const char   *id);
CplChip        *cpl_dataset_lookup_chip        (CplDataset   *self,
                                                const char   *id);
CplEntity      *cpl_dataset_lookup             (CplDataset   *self,
                                                GType         type,
                                                const char   *id);
gboolean        cpl_dataset_chip_matches       (CplDataset   *self,
                                                CplChip      *chip,
                                                const char   *search);
gboolean        cpl_dataset_append             (CplDataset   *self,
                                                CplEntity    *entity);
gboolean        cpl_dataset_insert             (CplDataset   *self,
                                                guint         position,
                                                CplEntity    *entity);
char           *cpl_dataset_new_id             (CplDataset   *self,
                                                GType         type,
                                                const char   *base);
guint           cpl_dataset_position           (CplDataset   *self,
                                                CplEntity    *entity);
gboolean        cpl_dataset_remove             (CplDataset   *self,
                                                CplEntity    *entity);
CplProjection  *cpl_dataset_get_projection     (CplDataset   *self,
                                                CplScenario  *scenario,
                                                GError      **error);

gboolean        cpl_dataset_load_bytes         (CplDataset   *self,
                                                GBytes       *bytes,
                                                const char   *display_name,
                                                CplLoadMode   mode,
                                                GError      **error);
gboolean        cpl_dataset_load_file          (CplDataset   *self,
                                                const char   *path,
                                                CplLoadMode   mode,
                                                GError      **error);

/* A load in a thread, seen from the thread that waits for it: the
 * loader checks @cancellable between entries (a cancelled load fails
 * with G_IO_ERROR_CANCELLED and changes nothing) and sets @permille, how
 * far it has come (0 to 1000), atomically.  With @parallel, a large
 * file's lists are read by several threads: someone waits for them (a
 * window), and it costs more processor time in all. */
typedef struct {
  GCancellable *cancellable;
  int           permille;
  gboolean      parallel;
} CplLoadMonitor;

gboolean        cpl_dataset_load_file_monitored (CplDataset     *self,
                                                 const char     *path,
                                                 CplLoadMode     mode,
                                                 CplLoadMonitor *monitor,
                                                 GError        **error);
void            cpl_dataset_prepare_take       (CplDataset   *self);
void            cpl_dataset_take_contents      (CplDataset   *self,
                                                CplDataset   *source);
char           *cpl_dataset_to_data            (CplDataset   *self,
                                                gsize        *length);
gboolean        cpl_dataset_save_file          (CplDataset   *self,
                                                const char   *path,
                                                GError      **error);
char           *cpl_dataset_backup_path        (const char   *path);

G_END_DECLS
