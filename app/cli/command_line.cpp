// SPDX-License-Identifier: MIT
#include "cli/command_line.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <exception>
#include <cstdlib>
#include <iomanip>
#include <ostream>
#include <set>
#include <sstream>

#include "common/version.h"
#include "storage/paths.h"

namespace seqscope::cli {
namespace {

const char* kProgram = "seqscope-cli";

std::vector<std::string> splitComma(const std::string& text) {
    std::vector<std::string> parts;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, ','))
        if (!item.empty()) parts.push_back(item);
    return parts;
}

double parseNumber(const std::string& option, const std::string& text) {
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v))
        throw UsageError("option --" + option + ": '" + text + "' is not a finite number");
    return v;
}

long long parseInteger(const std::string& option, const std::string& text) {
    // Accept "1e6" style for convenience when it is an exact integer.
    const double v = parseNumber(option, text);
    if (v != std::floor(v) || std::fabs(v) > 9.0e15)
        throw UsageError("option --" + option + ": '" + text + "' is not a whole number");
    return static_cast<long long>(v);
}

// Options every command understands.
std::vector<OptionSpec> globalOptions(const Command& c) {
    std::vector<OptionSpec> g;
    if (c.usesDatabase)
        g.push_back({"db", "PATH", "experiment database", storage::defaultDatabasePath(), "Global options"});
    g.push_back({"json", "", "print results as JSON on stdout", "", "Global options"});
    g.push_back({"help", "", "show this help", "", "Global options"});
    return g;
}

}  // namespace

// --- Args -------------------------------------------------------------------------------------------

bool Args::has(const std::string& name) const { return m_values.count(name) != 0; }

std::string Args::str(const std::string& name, const std::string& fallback) const {
    auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

double Args::number(const std::string& name, std::optional<double> fallback) const {
    auto it = m_values.find(name);
    if (it == m_values.end()) {
        if (!fallback) throw UsageError("missing required option --" + name);
        return *fallback;
    }
    return parseNumber(name, it->second);
}

long long Args::integer(const std::string& name, std::optional<long long> fallback) const {
    auto it = m_values.find(name);
    if (it == m_values.end()) {
        if (!fallback) throw UsageError("missing required option --" + name);
        return *fallback;
    }
    return parseInteger(name, it->second);
}

std::vector<double> Args::numberList(const std::string& name) const {
    std::vector<double> values;
    for (const auto& part : splitComma(str(name))) values.push_back(parseNumber(name, part));
    return values;
}

std::vector<long long> Args::integerList(const std::string& name) const {
    std::vector<long long> values;
    for (const auto& part : splitComma(str(name))) values.push_back(parseInteger(name, part));
    return values;
}

std::vector<std::string> Args::list(const std::string& name) const { return splitComma(str(name)); }

std::string Args::oneOf(const std::vector<std::string>& names) const {
    std::vector<std::string> present;
    for (const auto& n : names)
        if (has(n)) present.push_back(n);
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "--" : ", --") + n;
    if (present.empty()) throw UsageError("one of " + joined + " is required");
    if (present.size() > 1)
        throw UsageError("--" + present[0] + " and --" + present[1] + " cannot be combined (choose one of " + joined + ")");
    return present[0];
}

// --- Registry ---------------------------------------------------------------------------------------

void Registry::add(Command command) {
    // Every proper prefix of a command path is a group ("runs" for "runs list").
    std::string prefix;
    std::istringstream words(command.path);
    std::string word;
    std::vector<std::string> parts;
    while (words >> word) parts.push_back(word);
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
        prefix += (prefix.empty() ? "" : " ") + parts[i];
        m_groups.emplace(prefix, "");
    }
    m_commands.push_back(std::move(command));
}

void Registry::addGroup(const std::string& path, const std::string& summary) { m_groups[path] = summary; }

const Command* Registry::find(const std::string& path) const {
    for (const auto& c : m_commands)
        if (c.path == path) return &c;
    return nullptr;
}

bool Registry::isGroup(const std::string& path) const { return path.empty() || m_groups.count(path) != 0; }

void Registry::printHelp(const std::string& path, std::ostream& out) const {
    const std::string full = std::string(kProgram) + (path.empty() ? "" : " " + path);
    if (const Command* c = find(path)) {
        out << "Usage: " << full << " [options]" << (c->positionalUsage.empty() ? "" : " " + c->positionalUsage)
            << "\n\n" << c->summary << "\n";
        if (!c->description.empty()) out << "\n" << c->description << "\n";
        auto options = c->options;
        for (auto& g : globalOptions(*c)) options.push_back(g);
        std::vector<std::string> groups;
        for (const auto& o : options)
            if (std::find(groups.begin(), groups.end(), o.group) == groups.end()) groups.push_back(o.group);
        for (const auto& g : groups) {
            out << "\n" << g << ":\n";
            for (const auto& o : options) {
                if (o.group != g) continue;
                std::string left = "  --" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
                out << std::left << std::setw(30) << left << " " << o.help;
                if (!o.defaultValue.empty()) out << " (default: " << o.defaultValue << ")";
                out << "\n";
            }
        }
        return;
    }
    // A group: list its direct children.
    out << "Usage: " << full << " <command> [options]\n\n";
    if (path.empty())
        out << "Seqscope " << kVersion << " - compare xLSTM and Transformer scaling: train, fit, benchmark.\n";
    else if (auto it = m_groups.find(path); it != m_groups.end() && !it->second.empty())
        out << it->second << "\n";
    out << "\nCommands:\n";
    const std::string prefix = path.empty() ? "" : path + " ";
    std::set<std::string> shown;
    auto childOf = [&](const std::string& p) -> std::string {
        if (p.compare(0, prefix.size(), prefix) != 0 || p.size() == prefix.size()) return {};
        std::string rest = p.substr(prefix.size());
        return rest.substr(0, rest.find(' '));
    };
    for (const auto& c : m_commands) {
        const std::string child = childOf(c.path);
        if (child.empty() || !shown.insert(child).second) continue;
        std::string summary = c.path == prefix + child ? c.summary : "";
        if (auto g = m_groups.find(prefix + child); g != m_groups.end() && summary.empty()) summary = g->second;
        out << "  " << std::left << std::setw(14) << child << " " << summary << "\n";
    }
    if (path.empty()) out << "\nGlobal options:\n  --version                      print the version\n"
                             "  --help                         show help (works on every command)\n";
    out << "\nRun '" << full << " <command> --help' for a command's options.\n";
}

int Registry::run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) const {
    std::vector<std::string> words(argv + 1, argv + argc);
    // Resolve the longest command path made of leading non-option words.
    std::string path;
    size_t i = 0;
    while (i < words.size() && words[i].rfind("--", 0) != 0) {
        const std::string candidate = path.empty() ? words[i] : path + " " + words[i];
        if (!find(candidate) && !isGroup(candidate)) break;
        path = candidate;
        ++i;
        if (find(path)) break;
    }
    const Command* command = find(path);
    const bool wantsHelp = std::find(words.begin() + static_cast<long>(i), words.end(), "--help") != words.end();

    if (!command) {
        if (path.empty() && i < words.size() && words[i] == "--version") {
            out << kProgram << " " << kVersion << "\n";
            return kExitOk;
        }
        if (i < words.size() && !wantsHelp) {
            err << kProgram << ": unknown " << (path.empty() ? "command" : "subcommand") << " '" << words[i]
                << "'" << (path.empty() ? "" : " for '" + path + "'") << " (see '" << kProgram
                << (path.empty() ? "" : " " + path) << " --help')\n";
            return kExitUsage;
        }
        printHelp(path, wantsHelp || i >= words.size() ? out : err);
        return path.empty() && !wantsHelp && words.empty() ? kExitUsage : (wantsHelp ? kExitOk : kExitUsage);
    }
    if (wantsHelp) {
        printHelp(path, out);
        return kExitOk;
    }

    Context ctx;
    ctx.out = &out;
    ctx.err = &err;
    auto specs = command->options;
    for (auto& g : globalOptions(*command)) specs.push_back(g);
    try {
        for (; i < words.size(); ++i) {
            const std::string& w = words[i];
            if (w.rfind("--", 0) != 0) {
                if (command->positionalUsage.empty())
                    throw UsageError("unexpected argument '" + w + "'");
                ctx.args.m_positional.push_back(w);
                continue;
            }
            std::string name = w.substr(2), value;
            const auto eq = name.find('=');
            const bool inlineValue = eq != std::string::npos;
            if (inlineValue) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == name; });
            if (spec == specs.end()) throw UsageError("unknown option '--" + name + "'");
            if (spec->valueName.empty()) {
                if (inlineValue) throw UsageError("option --" + name + " takes no value");
                value = "1";
            } else if (!inlineValue) {
                if (i + 1 >= words.size()) throw UsageError("option --" + name + " needs a value " + spec->valueName);
                value = words[++i];
            }
            if (ctx.args.m_values.count(name)) throw UsageError("option --" + name + " given twice");
            ctx.args.m_values[name] = value;
        }
        ctx.json = ctx.args.has("json");
        ctx.dbPath = ctx.args.str("db", command->usesDatabase ? storage::defaultDatabasePath() : "");
        return command->handler(ctx);
    } catch (const UsageError& e) {
        err << kProgram << " " << path << ": " << e.message() << " (see '" << kProgram << " " << path
            << " --help')\n";
        return kExitUsage;
    } catch (const std::exception& e) {
        // Nothing may end a command with an uncaught exception: say what happened, exit 1.
        err << kProgram << " " << path << ": internal error: " << e.what() << "\n";
        return kExitFailure;
    }
}

}  // namespace seqscope::cli
