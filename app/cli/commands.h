// SPDX-License-Identifier: MIT
// One registration function per command group; each lives in its own cmd_<group>.cpp.
#pragma once

namespace seqscope::cli {
class Registry;

void registerInfoCommand(Registry& registry);      // cmd_info.cpp: build and device facts
void registerFlopsCommands(Registry& registry);    // cmd_flops.cpp: flops, presets (accounting)
void registerRunsCommands(Registry& registry);     // cmd_runs.cpp: runs list|show|tag|delete|export|import
void registerDbCommands(Registry& registry);       // cmd_db.cpp: db check
void registerFitCommands(Registry& registry);      // cmd_fit.cpp: fit isoflop|parametric|context|slopes, optimal
void registerModelCommands(Registry& registry);    // cmd_model.cpp: model info, generate
void registerModelIoCommands(Registry& registry);  // cmd_model_io.cpp: model import|list|export|logits|eval
void registerTrainCommand(Registry& registry);     // cmd_train.cpp: train (one run; --resume)
void registerSweepCommands(Registry& registry);    // cmd_sweep.cpp: sweep isoflop|tokenparam|resume|fit
void registerSweepSlurmCommands(Registry& registry);  // cmd_sweep_slurm.cpp: sweep status|collect|cancel (Slurm)
void registerBenchCommands(Registry& registry);    // cmd_bench.cpp: bench inference|fit (runtime model)
void registerForecastCommands(Registry& registry); // cmd_forecast.cpp: forecast run|backtest (final loss)
}  // namespace seqscope::cli
