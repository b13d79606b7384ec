/* cpl-model.h: the whole model, for the app, the tests and the benchmarks */
#pragma once

#include "cpl-chip.h"
#include "cpl-compute.h"
#include "cpl-csv.h"
#include "cpl-dataset.h"
#include "cpl-entity.h"
#include "cpl-epoch.h"
#include "cpl-error.h"
#include "cpl-file.h"
#include "cpl-format.h"
#include "cpl-history.h"
#include "cpl-report.h"
#include "cpl-revenue-case.h"
#include "cpl-rule.h"
#include "cpl-scenario.h"
#include "cpl-text.h"
#include "cpl-vendor.h"
