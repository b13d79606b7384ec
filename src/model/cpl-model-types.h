/* cpl-model-types.h: forward declarations and small enums of the model
 *
 * The model is GLib, GObject, GIO and json-glib only: it never includes a
 * GTK header, so the tests, the command line and the benchmarks use it
 * without a display.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CplText        CplText;
typedef struct _CplEntity      CplEntity;
typedef struct _CplVendor      CplVendor;
typedef struct _CplChip        CplChip;
typedef struct _CplRule        CplRule;
typedef struct _CplScenario    CplScenario;
typedef struct _CplRevenueCase CplRevenueCase;
typedef struct _CplDataset     CplDataset;
typedef struct _CplProjection  CplProjection;

/* Three-valued logic of MODEL.md §2: unknown is "needs data". */
typedef enum {
  CPL_TRI_FALSE   = 0,
  CPL_TRI_TRUE    = 1,
  CPL_TRI_UNKNOWN = 2,
} CplTriState;

/* The dense precisions of MODEL.md §1, in the order of the file format. */
typedef enum {
  CPL_PRECISION_FP64,
  CPL_PRECISION_FP32,
  CPL_PRECISION_TF32,
  CPL_PRECISION_FP16,
  CPL_PRECISION_BF16,
  CPL_PRECISION_FP8,
  CPL_PRECISION_INT8,
  CPL_PRECISION_FP4,
  CPL_PRECISION_INT4,
  CPL_N_PRECISIONS
} CplPrecision;

/* Metrics a rule may test (MODEL.md §2). */
typedef enum {
  CPL_METRIC_TPP,
  CPL_METRIC_PERFORMANCE_DENSITY,
  CPL_METRIC_BANDWIDTH_GBS,
  CPL_METRIC_INTERCONNECT_GBS,
  CPL_METRIC_MEMORY_GB,
  CPL_METRIC_COMPUTE_TFLOPS,
  CPL_METRIC_TDP_W,
  CPL_METRIC_DATACENTER,
  CPL_N_METRICS
} CplMetric;

typedef enum {
  CPL_OP_GE,
  CPL_OP_GT,
  CPL_OP_LE,
  CPL_OP_LT,
  CPL_OP_EQ,
  CPL_N_OPS
} CplOp;

G_END_DECLS
