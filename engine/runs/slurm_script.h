// SPDX-License-Identifier: MIT
// The sbatch script of a cluster sweep (issue 17), rendered from a template with {{PLACEHOLDER}}s.
// The script is written into the sweep's run folder and may be edited there before the next
// `sweep resume NAME --slurm`; --sbatch-template FILE starts from a site's own template. One script
// serves every array task: the task picks its run file by $SLURM_ARRAY_TASK_ID.
//
// Placeholders (all are filled; an unknown one is an error naming it):
//   {{TRAIN_COMMAND}}   required: seqscope-cli train --resume 1 --db <folder>/runs/task-$ID.db ...
//   {{SBATCH_OPTIONS}}  #SBATCH lines for --partition, --account, --time, --gres=gpu:G (those given)
//   {{JOB_NAME}}        seqscope-<sweep name>
//   {{SWEEP_NAME}} {{SWEEP_FOLDER}} {{SEQSCOPE_CLI}} {{CPUS_PER_RUN}} {{GPUS_PER_RUN}}
//   {{PARTITION}} {{ACCOUNT}} {{TIME}} {{DEVICE}}  (empty when not given)
#pragma once

#include <map>
#include <string>

#include "common/status.h"

namespace seqscope::runs {

struct ClusterOptions {
    std::string folder;           // shared run folder; "" = <database file>.sweeps/<sweep name>
    std::string partition;        // "" = the cluster's default partition
    std::string account;          // "" = the user's default account
    std::string time;             // per-task time limit in Slurm's format ("2:00:00", "1-00:00:00"); "" = default
    int gpusPerRun = 0;           // GPUs per task (--gres=gpu:G); 0 = none
    int cpusPerRun = 1;           // --cpus-per-task, also the trainer's --threads
    std::string device = "cpu";   // the trainer's --device on the nodes ("cuda" with GPUs)
    std::string templatePath;     // "" = the built-in template
    std::string program;          // seqscope-cli as the nodes see it; "" = this executable's path
    bool isValid(std::string* error) const;
    std::string toJson() const;
    static ClusterOptions fromJson(const std::string& json);
};

// The built-in template.
const std::string& defaultSbatchTemplate();

// `text` with every {{NAME}} replaced by values[NAME]; InvalidArgument naming an unknown or an
// unclosed placeholder, or a template without {{TRAIN_COMMAND}}.
Result<std::string> renderTemplate(const std::string& text, const std::map<std::string, std::string>& values);

// The script of sweep `sweepName` with `options` (the template read from options.templatePath).
// NotFound/IoError for a template that cannot be read; InvalidArgument as renderTemplate.
Result<std::string> renderSbatchScript(const ClusterOptions& options, const std::string& sweepName, const std::string& folder);

}  // namespace seqscope::runs
