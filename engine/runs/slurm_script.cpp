// SPDX-License-Identifier: MIT
// renderSbatchScript and ClusterOptions (slurm_script.h).
#include "runs/slurm_script.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace seqscope::runs {

using nlohmann::json;

bool ClusterOptions::isValid(std::string* error) const {
    const auto bad = [&](const std::string& why) {
        if (error) *error = why;
        return false;
    };
    if (cpusPerRun < 1) return bad("--cpus-per-run must be at least 1, not " + std::to_string(cpusPerRun));
    if (gpusPerRun < 0) return bad("--gpus-per-run must not be negative, not " + std::to_string(gpusPerRun));
    // Values land in #SBATCH lines and a shell command: no whitespace, quotes or expansions.
    const std::pair<const char*, const std::string*> fields[] = {
        {"--partition", &partition}, {"--account", &account}, {"--time", &time}, {"--device", &device},
        {"the run folder", &folder}, {"the seqscope-cli path", &program}};
    for (const auto& [name, value] : fields)
        for (char c : *value)
            if (std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\'' || c == '$' || c == '`' || c == '\\' || c == ';')
                return bad(std::string(name) + " '" + *value + "' holds '" + std::string(1, c) +
                           "': Slurm options and paths here must be plain (no spaces, quotes, $, `, \\ or ;)");
    return true;
}

std::string ClusterOptions::toJson() const {
    return json{{"folder", folder}, {"partition", partition}, {"account", account}, {"time", time}, {"gpus_per_run", gpusPerRun},
                {"cpus_per_run", cpusPerRun}, {"device", device}, {"template", templatePath}, {"program", program}}
        .dump();
}

ClusterOptions ClusterOptions::fromJson(const std::string& text) {
    ClusterOptions o;
    const json j = json::parse(text, nullptr, false);
    if (!j.is_object()) return o;
    o.folder = j.value("folder", o.folder);
    o.partition = j.value("partition", o.partition);
    o.account = j.value("account", o.account);
    o.time = j.value("time", o.time);
    o.gpusPerRun = j.value("gpus_per_run", o.gpusPerRun);
    o.cpusPerRun = j.value("cpus_per_run", o.cpusPerRun);
    o.device = j.value("device", o.device);
    o.templatePath = j.value("template", o.templatePath);
    o.program = j.value("program", o.program);
    return o;
}

const std::string& defaultSbatchTemplate() {
    static const std::string text = R"(#!/bin/bash
# Seqscope cluster sweep {{SWEEP_NAME}}: one array task per run, each training into its own SQLite
# file under {{SWEEP_FOLDER}} (never one database shared by several nodes). Written by seqscope-cli;
# edit freely: `seqscope-cli sweep resume {{SWEEP_NAME}} --slurm` submits this file again.
#SBATCH --job-name={{JOB_NAME}}
#SBATCH --output={{SWEEP_FOLDER}}/logs/task-%a-job-%A.log
#SBATCH --ntasks=1
#SBATCH --cpus-per-task={{CPUS_PER_RUN}}
{{SBATCH_OPTIONS}}
# Site setup goes here (module load ..., a virtual environment). The nodes must see {{SWEEP_FOLDER}}
# and {{SEQSCOPE_CLI}} at these paths.
set -eu
# SIGTERM (scancel, the time limit, preemption) reaches the trainer, which checkpoints and stops.
exec {{TRAIN_COMMAND}}
)";
    return text;
}

Result<std::string> renderTemplate(const std::string& text, const std::map<std::string, std::string>& values) {
    if (text.find("{{TRAIN_COMMAND}}") == std::string::npos)
        return Status::invalid("the sbatch template has no {{TRAIN_COMMAND}}: it must run the task's training command");
    std::string out;
    size_t at = 0;
    for (;;) {
        const size_t open = text.find("{{", at);
        if (open == std::string::npos) break;
        const size_t close = text.find("}}", open + 2);
        const size_t line = std::count(text.begin(), text.begin() + static_cast<long>(open), '\n') + 1;
        if (close == std::string::npos) return Status::invalid("the sbatch template has an unclosed {{ on line " + std::to_string(line));
        const std::string name = text.substr(open + 2, close - open - 2);
        auto it = values.find(name);
        if (it == values.end()) {
            std::string known;
            for (const auto& [k, v] : values) known += (known.empty() ? "" : ", ") + k;
            return Status::invalid("the sbatch template uses {{" + name + "}} on line " + std::to_string(line) +
                                   ", which is not a placeholder (known: " + known + ")");
        }
        out += text.substr(at, open - at) + it->second;
        at = close + 2;
    }
    return out + text.substr(at);
}

Result<std::string> renderSbatchScript(const ClusterOptions& o, const std::string& sweepName, const std::string& folder) {
    std::string error;
    if (!o.isValid(&error)) return Status::invalid(error);
    std::string text = defaultSbatchTemplate();
    if (!o.templatePath.empty()) {
        std::ifstream in(o.templatePath, std::ios::binary);
        if (!in) return Status::notFound("cannot read the sbatch template '" + o.templatePath + "'");
        std::ostringstream s;
        s << in.rdbuf();
        text = s.str();
    }
    std::string sbatch;
    if (!o.partition.empty()) sbatch += "#SBATCH --partition=" + o.partition + "\n";
    if (!o.account.empty()) sbatch += "#SBATCH --account=" + o.account + "\n";
    if (!o.time.empty()) sbatch += "#SBATCH --time=" + o.time + "\n";
    if (o.gpusPerRun > 0) sbatch += "#SBATCH --gres=gpu:" + std::to_string(o.gpusPerRun) + "\n";
    if (!sbatch.empty()) sbatch.pop_back();
    const std::string cpus = std::to_string(o.cpusPerRun);
    std::string jobName = "seqscope-" + sweepName;   // a job name is one word for every Slurm tool
    for (char& c : jobName)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '_';
    const std::string train = o.program + " train --resume 1 --db " + folder + "/runs/task-${SLURM_ARRAY_TASK_ID}.db --threads " + cpus +
                              " --device " + o.device + " --json";
    const std::map<std::string, std::string> values = {
        {"TRAIN_COMMAND", train},  {"SBATCH_OPTIONS", sbatch}, {"JOB_NAME", jobName},
        {"SWEEP_NAME", sweepName}, {"SWEEP_FOLDER", folder},   {"SEQSCOPE_CLI", o.program},
        {"CPUS_PER_RUN", cpus},    {"GPUS_PER_RUN", std::to_string(o.gpusPerRun)},
        {"PARTITION", o.partition}, {"ACCOUNT", o.account},    {"TIME", o.time},
        {"DEVICE", o.device}};
    auto rendered = renderTemplate(text, values);
    if (!rendered && !o.templatePath.empty()) return Status(rendered.status()).withContext(o.templatePath);
    return rendered;
}

}  // namespace seqscope::runs
