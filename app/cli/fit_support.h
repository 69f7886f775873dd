// SPDX-License-Identifier: MIT
// Shared plumbing of the fit commands (cmd_fit.cpp): selecting runs from a stored dataset or a
// results-table CSV, converting fit results to JSON (NaN -> null), and recording fits in the store.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "analysis/compute_optimal.h"
#include "analysis/context_study.h"
#include "analysis/isoflop_fit.h"
#include "analysis/parametric_bootstrap.h"
#include "analysis/parametric_fit.h"
#include "analysis/tokenparam_slopes.h"
#include "cli/command_line.h"
#include "storage/store.h"

namespace seqscope::cli::fitcli {

// Which runs a fit uses.
struct Selection {
    std::string dataset;               // --dataset NAME (stored dataset)
    std::string csvPath;               // --csv FILE (results-table CSV)
    std::string arch;                  // --arch, normalised (xlstm | transformer | other label)
    std::vector<std::string> sets;     // --set S[,S...]; empty = every set
    long long ctx = 0;                 // --ctx T; 0 = every context
    bool allRuns = false;              // --all-runs: also rows marked included = 0
    bool skipInvalid = false;          // --skip-invalid: drop invalid rows with a warning
    bool store = true;                 // !--no-store
};

std::vector<OptionSpec> selectionOptions();
Selection readSelection(const Args& args);   // throws UsageError (neither or both of --dataset, --csv)

// xlstm/mlstm/mlstm_v1 -> xlstm, transformer/llama -> transformer, others lower-cased.
std::string normaliseArch(const std::string& label);

// Opens the workspace when the selection needs it (a dataset, or storing the fit). Lazily, once.
class FitSession {
public:
    FitSession(const Context& ctx, Selection selection) : m_ctx(ctx), m_selection(std::move(selection)) {}
    const Selection& selection() const { return m_selection; }
    // The selected points, or an error naming the dataset/file and what matched nothing.
    Result<std::vector<analysis::ScalingPoint>> points();
    // Records a fit; returns its id, or 0 when storing is off. Errors are returned, not thrown.
    Result<long long> storeFit(const std::string& kind, const std::string& label, const nlohmann::json& params,
                               double objective, const nlohmann::json& options,
                               const std::vector<analysis::ScalingPoint>& points);
    nlohmann::json selectionJson(const std::vector<analysis::ScalingPoint>& points) const;
    std::string describe() const;     // "xlstm-paper [arch xlstm, ctx 8192, set tokenparam_ctx8192]"

private:
    Result<storage::Store*> store();
    const Context& m_ctx;
    Selection m_selection;
    std::unique_ptr<storage::Store> m_store;
};

nlohmann::json num(double v);   // finite -> number, else null
nlohmann::json toJson(const analysis::Interval& iv);
nlohmann::json toJson(const analysis::PowerLawFit& f);
nlohmann::json toJson(const analysis::IsoflopFit& f);
nlohmann::json toJson(const analysis::ParametricFit& f);
nlohmann::json toJson(const analysis::ParametricBootstrap& b);
nlohmann::json toJson(const analysis::HuberLikelihoodFit& f);
nlohmann::json toJson(const analysis::OptimalAllocation& a);
nlohmann::json toJson(const analysis::ContextStudy& s);
nlohmann::json toJson(const analysis::TokenParamSlopes& s);

}  // namespace seqscope::cli::fitcli
