/* cpl-compute.h: the formulas of MODEL.md §1–§5
 *
 * Every number the application shows comes from these functions.  Unknown
 * inputs give NaN outputs (written as null, shown as "needs data"), never a
 * made-up number.
 */
#pragma once

#include "cpl-model-types.h"
#include "cpl-chip.h"
#include "cpl-revenue-case.h"
#include "cpl-scenario.h"

G_BEGIN_DECLS

/* §1 */
typedef struct {
  double       values[CPL_N_METRICS];  /* indexed by CplMetric, NaN unknown */
  double       perf_per_watt;          /* TFLOPS/W */
  double       bytes_per_flop;         /* B/FLOP */
  int          tpp_precision;          /* the CplPrecision that gave TPP, or -1 */
} CplChipMetrics;

void     cpl_chip_metrics_compute (CplChip              *chip,
                                   CplChipMetrics       *out);

/* §3 */
typedef struct {
  double units;          /* u */
  double price;          /* p, list price */
  double share;          /* s */
  double pass_through;   /* π */
  double approval;       /* a */
  double unit_cost;      /* k, NaN when not given */
} CplRevenueInputs;

typedef struct {
  double buyer_price;          /* p̂ = p / (1 − π·s) */
  double units_shipped;        /* uₛ = u·a */
  double gross_revenue;        /* R = uₛ·p̂ */
  double government_take;      /* G = s·R */
  double vendor_net_revenue;   /* N = R − G */
  double vendor_gross_profit;  /* P = N − uₛ·k, NaN without k */
  double margin_after_share;   /* P / R, NaN without k or when R = 0 */
  double break_even_share;     /* (p − k)/(p − π·k) clamped to [0,1], NaN without k */
} CplRevenueResult;

gboolean cpl_revenue_compute        (const CplRevenueInputs *in,
                                     CplRevenueResult       *out,
                                     GError                **error);
void     cpl_revenue_case_get_inputs (CplRevenueCase        *revenue_case,
                                     CplRevenueInputs       *in);
gboolean cpl_revenue_case_compute   (CplRevenueCase         *revenue_case,
                                     CplRevenueResult       *result,
                                     CplRevenueResult       *comparison,
                                     GError                **error);
double   cpl_buyer_price            (double                  price,
                                     double                  share,
                                     double                  pass_through);

/* §4 */
typedef struct {
  double electricity_usd_per_kwh;  /* e */
  double power_subsidy;            /* σ, for the domestic chip only */
  double pue;
  double utilization;              /* υ */
  double amortization_years;       /* L */
} CplEnergyTerms;

double   cpl_yearly_energy_cost     (double                  tdp_w,
                                     const CplEnergyTerms   *terms,
                                     gboolean                domestic);
double   cpl_yearly_cost            (double                  buyer_price,
                                     double                  tdp_w,
                                     const CplEnergyTerms   *terms,
                                     gboolean                domestic);
double   cpl_cost_of_compute        (double                  buyer_price,
                                     double                  tdp_w,
                                     double                  compute_tflops,
                                     const CplEnergyTerms   *terms,
                                     gboolean                domestic);
void     cpl_scenario_get_energy_terms (CplScenario         *scenario,
                                        CplEnergyTerms      *terms);

/* §5 */
typedef struct {
  int     year;
  double  demand_pflops;            /* Cₜ */
  double  domestic_capacity_pflops; /* Kₜ */
  double  domestic_demand_pflops;   /* R_d, after spill */
  double  domestic_pflops;          /* Iₜ */
  double  domestic_units;           /* N_d */
  double  domestic_tflops_per_chip; /* F_d,t after learning */
  double  domestic_cost;            /* c_d,t, USD per PFLOP/s-year */
  double  capacity_spill_pflops;    /* a·σ·Oₜ: domestic demand above capacity
                                     * that goes to the offered exported chips */
  double  compute_gap_pflops;       /* Gₜ */
  double  domestic_share;
  double  government_take_usd;
  double  domestic_revenue_usd;
  double *exported_pflops;          /* [n_chips]  Xₖ */
  double *exported_units;           /* [n_chips]  Nₖ */
  double *gross_revenue_usd;        /* [n_vendors] */
  double *vendor_net_revenue_usd;   /* [n_vendors] */
} CplProjectionYear;

struct _CplProjection {
  /*< public, read-only >*/
  char              *scenario_id;
  int                start_year;
  guint              n_years;
  guint              n_chips;       /* allowed exported chips */
  char             **chip_ids;      /* [n_chips] */
  guint             *chip_vendor;   /* [n_chips] index into vendor_ids */
  double            *chip_cost;     /* [n_chips] cₖ, USD per PFLOP/s-year */
  double            *chip_buyer_price; /* [n_chips] p̂ₖ */
  gboolean          *chip_offered;  /* [n_chips] its net price covers its unit cost (step 3) */
  guint              n_offered;     /* how many of chip_offered are TRUE */
  char              *domestic_chip_id;
  guint              n_vendors;
  char             **vendor_ids;    /* [n_vendors] */
  CplProjectionYear *years;         /* [n_years] */
  /* totals over the horizon */
  double            *total_gross_revenue_usd;  /* [n_vendors] */
  double             total_government_take_usd;
  double             total_compute_gap_pflops;
  double             total_domestic_installed_pflops;
  double             final_domestic_share;

  /*< private >*/
  grefcount          ref_count;
};

#define CPL_TYPE_PROJECTION (cpl_projection_get_type ())

GType          cpl_projection_get_type (void) G_GNUC_CONST;
CplProjection *cpl_projection_compute  (CplScenario   *scenario,
                                        CplDataset    *dataset,
                                        GError       **error);
CplProjection *cpl_projection_compute_at (CplScenario *scenario,
                                          CplDataset  *dataset,
                                          const char  *where,
                                          GError     **error);
CplProjection *cpl_projection_ref      (CplProjection *self);
void           cpl_projection_unref    (CplProjection *self);
int            cpl_projection_get_crossover (CplProjection *self);
void           cpl_projection_count_calls (void);
guint          cpl_projection_get_debug_count (CplScenario *scenario);
char          *cpl_scenario_allowed_chip_problem (CplScenario *scenario,
                                                  CplChip     *chip,
                                                  double       share);
gboolean       cpl_scenario_check_chips (CplScenario  *scenario,
                                         CplDataset   *dataset,
                                         const char   *where,
                                         GError      **error);

/* §5 steps 3–4 and 6, shared by the projection and the Monte Carlo
 * kernel so both give the same bits.  The offered exported chips' weights
 * do not change over the years: they are taken once, scaled by their
 * largest, w[k] = exp(log_wₖ − M) (0 for a chip left out, log_wₖ = −∞). */
typedef struct {
  double max_log_w;   /* M; −∞ when no chip is offered */
  double sum_w;       /* Σ w[k] */
} CplForeignWeights;

void     cpl_foreign_weights (guint                    n,
                              const double            *log_w,
                              double                  *w,
                              CplForeignWeights       *out);
void     cpl_split_demand    (guint                    n,
                              const double            *w,
                              const CplForeignWeights *foreign,
                              double                   log_w_d,
                              double                   demand,
                              double                  *D,
                              double                  *D_d);

/* The totals over the horizon that uncertainty, the share-rate curve and
 * goal seek report (MODEL.md §6), by their --compute keys. */
typedef enum
{
  CPL_TOTAL_GOVERNMENT_TAKE,      /* "government_take_usd" */
  CPL_TOTAL_COMPUTE_GAP,          /* "compute_gap_pflops" */
  CPL_TOTAL_DOMESTIC_INSTALLED,   /* "domestic_installed_pflops" */
  CPL_TOTAL_FINAL_DOMESTIC_SHARE, /* "final_domestic_share" */
  CPL_TOTAL_GROSS_REVENUE,        /* "gross_revenue_usd", all vendors together */
  CPL_N_TOTALS
} CplTotal;

const char    *cpl_total_get_key        (CplTotal       total);
gboolean       cpl_total_from_key       (const char    *key,
                                         CplTotal      *total);
double         cpl_projection_get_total (CplProjection *self,
                                         CplTotal       total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CplProjection, cpl_projection_unref)

G_END_DECLS
