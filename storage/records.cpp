// SPDX-License-Identifier: MIT
// Run status names and the isValid() checks of the records in records.h.
#include "storage/records.h"

#include <nlohmann/json.hpp>

#include <iterator>

namespace seqscope::storage {
namespace {

constexpr const char* kStatusNames[] = {"queued", "running", "finished", "failed", "diverged", "cancelled", "interrupted"};

bool isJsonObject(const std::string& text) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    return !j.is_discarded() && j.is_object();
}

bool fail(std::string* error, const std::string& message) {
    if (error) *error = message;
    return false;
}

bool nonNegative(double v) { return std::isfinite(v) && v >= 0; }

// Length of the UTF-8 sequence at text[i] (RFC 3629: shortest form, no surrogates, <= U+10FFFF),
// or 0 when it is not one.
size_t utf8Length(const std::string& text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = byte(i);
    if (b < 0x80) return 1;
    size_t n = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if ((b & 0xE0) == 0xC0) n = 2, min = 0x80, cp = b & 0x1F;
    else if ((b & 0xF0) == 0xE0) n = 3, min = 0x800, cp = b & 0x0F;
    else if ((b & 0xF8) == 0xF0) n = 4, min = 0x10000, cp = b & 0x07;
    else return 0;
    if (i + n > text.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool checkText(const std::string& text, bool allowLayout, std::string* why) {
    for (size_t i = 0; i < text.size();) {
        const size_t n = utf8Length(text, i);
        if (n == 0) return fail(why, "byte " + std::to_string(i) + " is not valid UTF-8");
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const bool layout = c == '\n' || c == '\t' || c == '\r';
        if (n == 1 && (c < 0x20 || c == 0x7F) && !(allowLayout && layout))
            return fail(why, "byte " + std::to_string(i) + " is a control character");
        i += n;
    }
    return true;
}

}  // namespace

bool isValidLabel(const std::string& text, std::string* why) { return checkText(text, false, why); }
bool isValidNotes(const std::string& text, std::string* why) { return checkText(text, true, why); }

const char* toString(RunStatus status) { return kStatusNames[static_cast<int>(status)]; }

bool parseRunStatus(const std::string& text, RunStatus* status) {
    for (int i = 0; i < static_cast<int>(std::size(kStatusNames)); ++i)
        if (text == kStatusNames[i]) {
            *status = static_cast<RunStatus>(i);
            return true;
        }
    return false;
}

bool isTerminal(RunStatus status) { return status != RunStatus::Queued && status != RunStatus::Running; }

bool RunRecord::isValid(std::string* error) const {
    if (arch.empty()) return fail(error, "run arch is empty");
    if (!isJsonObject(configJson)) return fail(error, "run configJson is not a JSON object");
    if (!nonNegative(params)) return fail(error, "run params must be a finite number >= 0");
    if (!nonNegative(flopsPerToken)) return fail(error, "run flopsPerToken must be a finite number >= 0");
    if (!nonNegative(flopsPerSequence)) return fail(error, "run flopsPerSequence must be a finite number >= 0");
    if (ctx < 0) return fail(error, "run ctx " + std::to_string(ctx) + " is negative");
    if (pid < 0) return fail(error, "run pid " + std::to_string(pid) + " is negative");
    if (sweepId < 0) return fail(error, "run sweepId " + std::to_string(sweepId) + " is negative");
    std::string why;
    if (!isValidLabel(name, &why)) return fail(error, "run name: " + why);
    for (const auto& tag : tags) {
        if (tag.empty()) return fail(error, "run has an empty tag");
        if (!isValidLabel(tag, &why)) return fail(error, "run tag: " + why);
    }
    if (!isValidNotes(notes, &why)) return fail(error, "run notes: " + why);
    return true;
}

bool FitRecord::isValid(std::string* error) const {
    if (kind.empty()) return fail(error, "fit kind is empty");
    if (!isJsonObject(selectionJson)) return fail(error, "fit selectionJson is not a JSON object");
    if (!isJsonObject(paramsJson)) return fail(error, "fit paramsJson is not a JSON object");
    if (!isJsonObject(optionsJson)) return fail(error, "fit optionsJson is not a JSON object");
    for (long long id : inputRuns)
        if (id <= 0) return fail(error, "fit input run id " + std::to_string(id) + " is not positive");
    return true;
}

bool BenchmarkPoint::isValid(std::string* error) const {
    if (!isJsonObject(configJson)) return fail(error, "benchmark configJson is not a JSON object");
    if (batch < 1) return fail(error, "benchmark batch " + std::to_string(batch) + " must be >= 1");
    if (prefillLength < 0) return fail(error, "benchmark prefillLength " + std::to_string(prefillLength) + " is negative");
    if (generatedTokens < 0) return fail(error, "benchmark generatedTokens " + std::to_string(generatedTokens) + " is negative");
    if (peakMemoryBytes < 0) return fail(error, "benchmark peakMemoryBytes is negative");
    if (!nonNegative(params)) return fail(error, "benchmark params must be a finite number >= 0");
    if (status.empty()) return fail(error, "benchmark status is empty");
    return true;
}

bool ModelRecord::isValid(std::string* error) const {
    std::string why;
    if (name.empty()) return fail(error, "model name is empty");
    if (!isValidLabel(name, &why)) return fail(error, "model name: " + why);
    if (!checkText(path, false, &why)) return fail(error, "model path: " + why);
    if (path.empty()) return fail(error, "model path is empty");
    if (layout.empty() || arch.empty()) return fail(error, "model layout and arch must be set");
    if (params < 0) return fail(error, "model params is negative");
    if (!isJsonObject(configJson)) return fail(error, "model configJson is not a JSON object");
    return true;
}

}  // namespace seqscope::storage
