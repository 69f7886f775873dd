// SPDX-License-Identifier: MIT
// Status: how every Seqscope layer reports failure without exceptions crossing module boundaries
// (after Ceres' Summary and LabPlot's Status). A code says what kind of failure it was, the message
// names the input at fault. Callers map codes to exit codes (CLI) or translated text (GUI).
#pragma once

#include <string>
#include <utility>

namespace seqscope {

enum class StatusCode {
    Ok = 0,
    InvalidArgument,   // the caller's input is wrong (bad flag, bad config, malformed file)
    NotFound,          // a named run, dataset or file does not exist
    IoError,           // the file system or database failed (disk full, locked, permissions)
    Incompatible,      // a file from a newer Seqscope, or not a Seqscope file at all
    Corrupt,           // a file that fails its integrity check
    Cancelled,         // the user asked to stop
    Diverged,          // training produced NaN/Inf or a loss spike
    Unavailable,       // a feature not built in (no CUDA device, no Ceres)
    Internal,          // a bug: an invariant did not hold
};

class Status {
public:
    Status() = default;
    Status(StatusCode code, std::string message) : m_code(code), m_message(std::move(message)) {}

    static Status ok() { return {}; }
    static Status invalid(std::string m) { return {StatusCode::InvalidArgument, std::move(m)}; }
    static Status notFound(std::string m) { return {StatusCode::NotFound, std::move(m)}; }
    static Status io(std::string m) { return {StatusCode::IoError, std::move(m)}; }

    bool isOk() const { return m_code == StatusCode::Ok; }
    explicit operator bool() const { return isOk(); }
    StatusCode code() const { return m_code; }
    const std::string& message() const { return m_message; }

    // Prefixes context ("importing runs.csv: ") to the message; no-op on success.
    Status& withContext(const std::string& context) {
        if (!isOk()) m_message = context + ": " + m_message;
        return *this;
    }

private:
    StatusCode m_code = StatusCode::Ok;
    std::string m_message;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}                 // NOLINT: implicit by design
    Result(Status status) : m_status(std::move(status)) {}         // NOLINT: implicit by design
    bool isOk() const { return m_status.isOk(); }
    explicit operator bool() const { return isOk(); }
    const Status& status() const { return m_status; }
    T& value() { return m_value; }
    const T& value() const { return m_value; }
    T* operator->() { return &m_value; }
    const T* operator->() const { return &m_value; }
    T& operator*() { return m_value; }
    const T& operator*() const { return m_value; }

private:
    T m_value{};
    Status m_status;
};

}  // namespace seqscope
