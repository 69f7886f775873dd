// SPDX-License-Identifier: MIT
// Command-line parsing (cli/command_line.h): NUL-separated words as argv against commands with
// every kind of option the CLI has. Bad words end in a usage error (exit 2); nothing may crash or
// escape as an exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command_line.h"

using namespace seqscope::cli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Registry registry = [] {
        Registry r;
        r.addGroup("runs", "runs");
        Command c;
        c.path = "runs tag";
        c.positionalUsage = "RUN_ID...";
        c.usesDatabase = true;
        c.options = {{"add", "TAGS", "tags", ""}, {"n", "N", "an integer", "3"}, {"x", "X", "a number", "1e3"},
                     {"list", "A,B", "a list", ""}, {"flag", "", "a flag", ""}};
        c.handler = [](Context& ctx) {
            (void)ctx.args.integer("n", 3);
            (void)ctx.args.number("x", 1e3);
            (void)ctx.args.list("list");
            (void)ctx.args.numberList("list");
            (void)ctx.args.integerList("list");
            return 0;
        };
        r.add(c);
        return r;
    }();
    std::vector<std::string> words = {"seqscope-cli"};
    std::string word;
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            words.push_back(word);
            word.clear();
        } else {
            word += static_cast<char>(data[i]);
        }
    }
    words.push_back(word);
    std::vector<const char*> argv;
    for (const auto& w : words) argv.push_back(w.c_str());
    std::ostringstream out, err;
    const int rc = registry.run(static_cast<int>(argv.size()), argv.data(), out, err);
    if (rc < 0 || rc > 2) std::abort();
    return 0;
}
