/* cpl-test-util.h: small helpers the model tests share */
#pragma once

#include <math.h>

#include "cpl-model.h"

/* Relative comparison for values computed by hand to a few digits. */
#define cpl_assert_near(actual, expected, rel)                                  \
  G_STMT_START {                                                                \
    double a__ = (actual), e__ = (expected);                                    \
    if (!(fabs (a__ - e__) <= (rel) * fmax (fabs (e__), 1e-12)))                \
      g_error ("%s:%d: %s = %.12g, expected %.12g (±%g relative)",              \
               __FILE__, __LINE__, #actual, a__, e__, (double) (rel));          \
  } G_STMT_END

static inline CplDataset *
cpl_test_load_fixture (const char  *name,
                       CplLoadMode  mode)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;

  cpl_dataset_load_file (dataset, path, mode, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&dataset);
}

/* A dataset from JSON text, laid over nothing. */
static inline CplDataset *
cpl_test_load_string (const char  *json,
                      GError     **error)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  if (!cpl_dataset_load_bytes (dataset, bytes, "test.json", CPL_LOAD_ALONE, error))
    return NULL;
  return g_steal_pointer (&dataset);
}

static inline char *
cpl_test_serialize (CplDataset *dataset)
{
  return cpl_dataset_to_data (dataset, NULL);
}
