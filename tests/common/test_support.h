// SPDX-License-Identifier: MIT
// Shared test utilities: tolerance comparison against published values, paths to fixtures and
// built binaries, and running the CLI as a user would.
#pragma once

#include <QString>
#include <QStringList>
#include <string>

namespace seqscope::test {

// |actual - expected| <= relTol * |expected| (or absTol near zero); reports both values on failure.
bool fuzzyCompare(double actual, double expected, double relTol, double absTol = 0.0);
// Digits that agree: the log relative error (LRE) of Ceres' nist.cc, capped at 15.
double agreeingDigits(double actual, double expected);

QString sourcePath(const QString& relative);      // path inside the source tree
QString sharedDataPath(const QString& relative);  // ../shared/data/<relative> beside the source tree

// A small training corpus at `path` (written once): 20,000 words drawn by a fixed LCG from a dozen,
// random enough that tiny models neither learn it at once nor "spike" the way a repeated sentence does.
QString wordCorpus(const QString& path);

struct ProcessResult {
    int exitCode = -1;
    QString out;
    QString err;
};
// Runs seqscope-cli with `args`, waiting up to `timeoutMs`.
ProcessResult runCli(const QStringList& args, int timeoutMs = 120000);

}  // namespace seqscope::test
