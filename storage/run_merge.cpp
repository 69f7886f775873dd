// SPDX-License-Identifier: MIT
// readRunSnapshot and mergeRunSnapshot (run_merge.h).
#include "storage/run_merge.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "storage/sqlite_handle.h"

namespace seqscope::storage {
namespace {

namespace fs = std::filesystem;

// A temporary folder removed with the files in it when the object goes. Plain unlink/rmdir: in a
// process that links LibTorch, std::filesystem::remove_all can bind to LibTorch's broken copy.
class TempDir {
public:
    TempDir() {
        std::error_code ec;
        std::string pattern = (fs::temp_directory_path(ec) / "seqscope-merge-XXXXXX").string();
        if (ec) pattern = "/tmp/seqscope-merge-XXXXXX";
        if (::mkdtemp(pattern.data())) m_path = pattern;
    }
    ~TempDir() {
        if (m_path.empty()) return;
        std::error_code ec;
        std::vector<std::string> files;
        for (fs::directory_iterator it(m_path, ec), end; !ec && it != end; it.increment(ec)) files.push_back(it->path().string());
        for (const auto& f : files) ::unlink(f.c_str());
        ::rmdir(m_path.c_str());
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

// Byte copy through streams (see TempDir on std::filesystem in LibTorch processes).
bool copyFile(const std::string& from, const std::string& to) {
    std::ifstream in(from, std::ios::binary);
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    if (!in || !out) return false;
    char buf[1 << 16];
    while (in) {   // (`out << in.rdbuf()` would fail on an empty file, such as a fresh -wal)
        in.read(buf, sizeof buf);
        if (in.gcount() > 0) out.write(buf, in.gcount());
    }
    out.close();
    return !in.bad() && static_cast<bool>(out);
}

bool sameValue(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

Status corrupt(const std::string& file, const std::string& why) {
    return {StatusCode::Corrupt, "run file '" + file + "' " + why + "; it was not merged"};
}

}  // namespace

Result<RunSnapshot> readRunSnapshot(const std::string& file, long long afterSeq) {
    std::error_code ec;
    if (!fs::exists(file, ec)) return Status::notFound("no run file '" + file + "'");
    TempDir tmp;
    if (tmp.path().empty()) return Status::io("cannot create a temporary folder to read '" + file + "'");
    const std::string copy = (fs::path(tmp.path()) / "run.db").string();
    // The main file first, then the log: a writer appends to the -wal while the main file changes
    // only at a checkpoint, and frames copied half-way fail their checksum and are ignored.
    if (!copyFile(file, copy)) return Status::io("cannot copy '" + file + "' into " + tmp.path());
    if (fs::exists(file + "-wal", ec) && !copyFile(file + "-wal", copy + "-wal"))
        return Status::io("cannot copy '" + file + "-wal' into " + tmp.path());

    {   // the check alone, on a plain connection (Store::check would also mark interrupted runs)
        auto conn = sql::Connection::open(copy, SQLITE_OPEN_READWRITE);
        if (!conn) return corrupt(file, "cannot be opened (" + conn.status().message() + ")");
        auto verdict = conn->scalarText("PRAGMA quick_check");
        if (!verdict) return corrupt(file, "cannot be checked (" + verdict.status().message() + ")");
        if (*verdict != "ok") return corrupt(file, "fails its integrity check (" + *verdict + ")");
    }
    RunSnapshot snap;
    {
        StoreOptions o;
        o.createIfMissing = false;
        o.markInterruptedRuns = false;   // the copy's `running` run is the writer's business
        auto opened = Store::open(copy, o);
        if (!opened) {
            const Status& s = opened.status();
            if (s.code() == StatusCode::Corrupt) return corrupt(file, "is not a readable database (" + s.message() + ")");
            return Status(s.code(), "run file '" + file + "': " + s.message());
        }
        Store& store = **opened;
        auto runs = store.runs();
        if (!runs) return corrupt(file, "has unreadable runs (" + runs.status().message() + ")");
        if (runs->size() != 1) return corrupt(file, "holds " + std::to_string(runs->size()) + " runs instead of one");
        snap.run = runs->front();
        if (snap.run.uuid.empty()) return corrupt(file, "has a run without a uuid");
        auto names = store.metricNames();
        if (!names) return corrupt(file, "has unreadable metric names (" + names.status().message() + ")");
        std::map<int, std::string> nameOf;
        for (const auto& n : *names) nameOf[n.id] = n.name;
        std::vector<MetricCursor> cursor{{snap.run.id, afterSeq}};
        auto rows = store.metricsAfterSeq(cursor);
        if (!rows) return corrupt(file, "has unreadable metrics (" + rows.status().message() + ")");
        snap.points.reserve(rows->size());
        for (const auto& r : *rows) {
            auto name = nameOf.find(r.nameId);
            if (name == nameOf.end()) return corrupt(file, "has a metric row with unknown name id " + std::to_string(r.nameId));
            snap.points.push_back({r.step, r.tokens, r.flops, r.wallTime, name->second, r.value});
        }
        snap.lastSeq = cursor.front().afterSeq;
        auto count = store.metricCount(snap.run.id);
        if (!count) return corrupt(file, "cannot count its metrics (" + count.status().message() + ")");
        snap.metricCount = *count;
    }   // the Store closes before the folder goes
    return snap;
}

Result<RunMergeResult> mergeRunSnapshot(Store& ws, const RunSnapshot& snap, long long sweepId) {
    if (snap.run.uuid.empty()) return Status::invalid("the run to merge has no uuid");
    RunMergeResult result;
    Status done = ws.transact([&]() -> Status {
        auto existing = ws.runByUuid(snap.run.uuid);
        if (existing) {
            result.runId = existing->id;
            if (Status s = ws.mirrorRunState(result.runId, snap.run); !s) return s;
        } else if (existing.status().code() == StatusCode::NotFound) {
            RunRecord r = snap.run;
            r.id = 0;
            r.sweepId = sweepId;
            auto id = ws.createRun(r);
            if (!id) return id.status();
            result.runId = *id;
            result.created = true;
        } else {
            return existing.status();
        }
        if (snap.points.empty()) return Status::ok();
        // What the workspace holds from the earliest step of the snapshot on, by (step, name).
        long long firstStep = snap.points.front().step;
        for (const auto& p : snap.points) firstStep = std::min(firstStep, p.step);
        auto held = ws.metricsAfterStep({result.runId}, firstStep - 1);
        if (!held) return held.status();
        auto names = ws.metricNames();
        if (!names) return names.status();
        std::map<int, std::string> nameOf;
        for (const auto& n : *names) nameOf[n.id] = n.name;
        std::map<std::pair<long long, std::string>, double> have;
        for (const auto& r : *held) have[{r.step, nameOf[r.nameId]}] = r.value;
        std::vector<MetricPoint> write;
        for (const auto& p : snap.points) {
            auto it = have.find({p.step, p.name});
            if (it == have.end()) ++result.added;
            else if (!sameValue(it->second, p.value)) ++result.replaced;
            else continue;
            write.push_back(p);
        }
        return ws.appendMetrics(result.runId, write);
    });
    if (!done) return Status(done).withContext("merging run " + snap.run.uuid);
    return result;
}

}  // namespace seqscope::storage
