// SPDX-License-Identifier: MIT
// `seqscope-cli info`: what this build can do on this machine (versions, threads, CUDA devices).
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "common/version.h"
#include "engine/device_info.h"

namespace seqscope::cli {

void registerInfoCommand(Registry& registry) {
    Command c;
    c.path = "info";
    c.summary = "show the build's features, LibTorch version, threads and CUDA devices";
    c.options = {{"threads", "N", "LibTorch CPU threads to report with", "all cores"}};
    c.handler = [](Context& ctx) {
        engine::setCpuThreads(static_cast<int>(ctx.args.integer("threads", 0)));
        const auto info = engine::deviceInfo();
        if (ctx.json) {
            nlohmann::json j{{"version", kVersion},
                             {"torch_version", info.torchVersion},
                             {"cpu_threads", info.cpuThreads},
                             {"cuda_kernels_built", info.cudaKernels},
                             {"cuda_devices", nlohmann::json::array()}};
            for (const auto& d : info.cudaDevices)
                j["cuda_devices"].push_back({{"index", d.index}, {"name", d.name},
                                             {"compute_capability", std::to_string(d.computeCapabilityMajor) + "." +
                                                                        std::to_string(d.computeCapabilityMinor)},
                                             {"memory_gib", d.memoryGiB}, {"multiprocessors", d.multiprocessors}});
            *ctx.out << j.dump(2) << "\n";
            return kExitOk;
        }
        auto& out = *ctx.out;
        out << "Seqscope " << kVersion << "\n"
            << "LibTorch       " << info.torchVersion << "\n"
            << "CPU threads    " << info.cpuThreads << "\n"
            << "CUDA kernels   " << (info.cudaKernels ? "built" : "not built") << "\n";
        if (info.cudaDevices.empty()) out << "CUDA devices   none\n";
        for (const auto& d : info.cudaDevices)
            out << "CUDA device " << d.index << "  " << d.name << " (sm_" << d.computeCapabilityMajor
                << d.computeCapabilityMinor << ", " << d.memoryGiB << " GiB, " << d.multiprocessors << " SMs)\n";
        return kExitOk;
    };
    registry.add(std::move(c));
}

}  // namespace seqscope::cli
