// SPDX-License-Identifier: MIT
#include "runs/run_record.h"

#include <sstream>

namespace seqscope::runs {

std::string defaultRunName(const training::TrainingConfig& config) {
    std::ostringstream name;
    if (config.preset.empty())
        name << analysis::archName(config.shape.arch) << "-d" << config.shape.dModel << "-L" << config.shape.layers;
    else
        name << config.preset;
    name << " T=" << config.context << " " << training::budgetKindName(config.budgetKind) << "=";
    name.precision(3);
    name << config.budget;
    return name.str();
}

storage::RunRecord queuedRunRecord(const training::TrainingConfig& config, const training::TrainingPlan& plan,
                                   const std::string& name, const std::vector<std::string>& tags) {
    storage::RunRecord rec;
    rec.name = name.empty() ? defaultRunName(config) : name;
    rec.arch = analysis::archName(config.shape.arch);
    rec.params = static_cast<double>(plan.params);
    rec.flopsPerToken = plan.flopsPerToken;
    rec.flopsPerSequence = plan.flopsPerSequence;
    rec.ctx = config.context;
    rec.dataset = config.data;
    rec.device = config.device;
    rec.seed = static_cast<long long>(config.seed);
    rec.tags = tags;
    rec.status = storage::RunStatus::Queued;
    rec.configJson = training::trainingConfigToJson(config);
    return rec;
}

}  // namespace seqscope::runs
