// SPDX-License-Identifier: MIT
// The CLI contract every command inherits: --help on every level, --version, exit 2 with a message
// naming the problem for unknown commands and bad flags.
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <sstream>

#include "cli/command_line.h"
#include "common/version.h"
#include "test_support.h"

using namespace seqscope;

class TestCliFramework : public QObject {
    Q_OBJECT

    static cli::Registry sampleRegistry(std::string* seen) {
        cli::Registry r;
        cli::Command c;
        c.path = "runs list";
        c.summary = "list runs";
        c.options = {{"limit", "N", "at most N runs", "50"}, {"arch", "A", "architecture filter", ""}};
        c.usesDatabase = true;
        c.handler = [seen](cli::Context& ctx) {
            *seen = std::to_string(ctx.args.integer("limit", 50)) + "|" + ctx.args.str("arch") + "|" +
                    (ctx.json ? "json" : "text");
            return 0;
        };
        r.add(c);
        return r;
    }

    static int run(const cli::Registry& r, std::vector<const char*> argv, std::string* out, std::string* err) {
        argv.insert(argv.begin(), "seqscope-cli");
        std::ostringstream o, e;
        const int rc = r.run(static_cast<int>(argv.size()), argv.data(), o, e);
        *out = o.str();
        *err = e.str();
        return rc;
    }

private slots:
    void parsesOptionsInBothForms() {
        std::string seen, out, err;
        auto r = sampleRegistry(&seen);
        QCOMPARE(run(r, {"runs", "list", "--limit", "7", "--arch=xlstm", "--json"}, &out, &err), 0);
        QCOMPARE(QString::fromStdString(seen), QStringLiteral("7|xlstm|json"));
    }
    void unknownOptionExitsTwoNamingIt() {
        std::string seen, out, err;
        auto r = sampleRegistry(&seen);
        QCOMPARE(run(r, {"runs", "list", "--frobnicate"}, &out, &err), 2);
        QVERIFY2(err.find("unknown option '--frobnicate'") != std::string::npos, err.c_str());
        QVERIFY(seen.empty());
    }
    void badNumberExitsTwoNamingValue() {
        std::string seen, out, err;
        auto r = sampleRegistry(&seen);
        QCOMPARE(run(r, {"runs", "list", "--limit", "seven"}, &out, &err), 2);
        QVERIFY2(err.find("--limit: 'seven' is not a finite number") != std::string::npos, err.c_str());
    }
    void unknownSubcommandExitsTwo() {
        std::string seen, out, err;
        auto r = sampleRegistry(&seen);
        QCOMPARE(run(r, {"runs", "frob"}, &out, &err), 2);
        QVERIFY2(err.find("unknown subcommand 'frob' for 'runs'") != std::string::npos, err.c_str());
    }
    void helpOnEveryLevel() {
        std::string seen, out, err;
        auto r = sampleRegistry(&seen);
        QCOMPARE(run(r, {"--help"}, &out, &err), 0);
        QVERIFY(out.find("runs") != std::string::npos);
        QCOMPARE(run(r, {"runs", "--help"}, &out, &err), 0);
        QVERIFY(out.find("list") != std::string::npos);
        QCOMPARE(run(r, {"runs", "list", "--help"}, &out, &err), 0);
        QVERIFY2(out.find("--limit N") != std::string::npos && out.find("(default: 50)") != std::string::npos, out.c_str());
        QVERIFY(out.find("--db PATH") != std::string::npos);
    }
    void missingValueIsAUsageError() {
        std::string seen, out, err;
        auto r = sampleRegistry(&seen);
        QCOMPARE(run(r, {"runs", "list", "--limit"}, &out, &err), 2);
        QVERIFY2(err.find("needs a value N") != std::string::npos, err.c_str());
    }
    void realBinaryReportsVersionAndRejectsBadFlags() {
        auto v = test::runCli({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.contains(QString::fromLatin1(kVersion)));
        auto bad = test::runCli({QStringLiteral("info"), QStringLiteral("--no-such-flag")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--no-such-flag")), qPrintable(bad.err));
        auto info = test::runCli({QStringLiteral("info"), QStringLiteral("--json")});
        QCOMPARE(info.exitCode, 0);
        const auto doc = QJsonDocument::fromJson(info.out.toUtf8());
        QVERIFY2(doc.isObject(), qPrintable(info.out));
        QVERIFY(doc.object().value(QStringLiteral("torch_version")).toString().startsWith(QStringLiteral("2.")));
    }
};

QTEST_GUILESS_MAIN(TestCliFramework)
#include "tst_cli_framework.moc"
