// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <algorithm>
#include <cmath>

namespace seqscope::test {

bool fuzzyCompare(double actual, double expected, double relTol, double absTol) {
    if (!std::isfinite(actual) || !std::isfinite(expected)) return false;
    const double diff = std::fabs(actual - expected);
    return diff <= std::max(absTol, relTol * std::fabs(expected));
}

double agreeingDigits(double actual, double expected) {
    if (actual == expected) return 15.0;
    const double rel = std::fabs(actual - expected) / std::max(std::fabs(expected), 1e-300);
    return std::clamp(-std::log10(rel), 0.0, 15.0);
}

QString sourcePath(const QString& relative) { return QDir(QStringLiteral(SEQSCOPE_SOURCE_DIR)).filePath(relative); }

QString sharedDataPath(const QString& relative) {
    return QDir(QStringLiteral(SEQSCOPE_SOURCE_DIR)).filePath(QStringLiteral("../shared/data/") + relative);
}

QString wordCorpus(const QString& path) {
    if (QFile::exists(path)) return path;
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly)) return path;
    const char* words[] = {"the ", "cat ", "sat ", "on ", "a ", "mat ", "and ", "dog ", "ran ", "far ", "away. ", "\n"};
    unsigned x = 99;
    for (int i = 0; i < 20000; ++i) {
        x = x * 1103515245u + 12345u;
        out.write(words[(x >> 16) % 12]);
    }
    return path;
}

ProcessResult runCli(const QStringList& args, int timeoutMs) {
    QProcess p;
    p.start(QStringLiteral(SEQSCOPE_CLI_PATH), args);
    ProcessResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

}  // namespace seqscope::test
