// SPDX-License-Identifier: MIT
// seqscope-cli: the headless face of Seqscope. Builds without Qt so it runs on GPU servers.
//   seqscope-cli --help            every command, grouped
//   seqscope-cli info --json       versions, threads, CUDA devices
#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
    using namespace seqscope::cli;
    Registry registry;
    registerInfoCommand(registry);
    registerFlopsCommands(registry);
    registerRunsCommands(registry);
    registerDbCommands(registry);
    registerFitCommands(registry);
    registerModelCommands(registry);
    registerModelIoCommands(registry);
    registerTrainCommand(registry);
    registerSweepCommands(registry);
    registerBenchCommands(registry);
    registerForecastCommands(registry);
    return registry.run(argc, argv, std::cout, std::cerr);
}
