// SPDX-License-Identifier: MIT
// The seqscope-cli subcommand framework: commands register a path ("runs list"), their options with
// defaults and help, and a handler. The framework parses argv, prints grouped help on every level,
// and turns usage mistakes into exit code 2 with a message naming the problem.
#pragma once

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace seqscope::cli {

// Exit codes shared by every command.
enum ExitCode { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

struct OptionSpec {
    std::string name;           // without dashes: "db", "budget-range"
    std::string valueName;      // "PATH"; empty for a boolean flag
    std::string help;
    std::string defaultValue;   // shown in help; empty when there is none
    std::string group = "Options";
};

class UsageError {
public:
    explicit UsageError(std::string message) : m_message(std::move(message)) {}
    const std::string& message() const { return m_message; }
private:
    std::string m_message;
};

// Parsed options of one invocation. Typed getters throw UsageError naming the option and value,
// which the framework reports with exit code 2.
class Args {
public:
    bool has(const std::string& name) const;
    std::string str(const std::string& name, const std::string& fallback = {}) const;
    double number(const std::string& name, std::optional<double> fallback = std::nullopt) const;
    long long integer(const std::string& name, std::optional<long long> fallback = std::nullopt) const;
    std::vector<double> numberList(const std::string& name) const;        // "1e18,3e18"
    std::vector<long long> integerList(const std::string& name) const;    // "128,256"
    std::vector<std::string> list(const std::string& name) const;         // "xlstm,transformer"
    const std::vector<std::string>& positional() const { return m_positional; }

    // Exactly one of these options must be present; returns its name.
    std::string oneOf(const std::vector<std::string>& names) const;

private:
    friend class Registry;
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_positional;
};

struct Context {
    Args args;
    bool json = false;            // --json: machine-readable output on stdout
    std::string dbPath;           // --db or the default database
    std::ostream* out = nullptr;  // results
    std::ostream* err = nullptr;  // diagnostics and progress
};

using Handler = std::function<int(Context&)>;

struct Command {
    std::string path;              // "runs list"
    std::string summary;           // one line, for the parent's help
    std::string description;       // paragraph for the command's own help
    std::string positionalUsage;   // e.g. "RUN_ID..."; empty means positional arguments are refused
    std::vector<OptionSpec> options;
    Handler handler;
    bool usesDatabase = false;     // adds --db to the help
};

class Registry {
public:
    void add(Command command);
    void addGroup(const std::string& path, const std::string& summary);
    // Parses argv, dispatches, returns the process exit code.
    int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) const;

private:
    void printHelp(const std::string& path, std::ostream& out) const;
    const Command* find(const std::string& path) const;
    bool isGroup(const std::string& path) const;

    std::vector<Command> m_commands;
    std::map<std::string, std::string> m_groups;   // path -> summary
};

}  // namespace seqscope::cli
