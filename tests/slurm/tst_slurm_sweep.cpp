// SPDX-License-Identifier: MIT
// A cluster sweep end to end against a real single-node Slurm (issue 17): slurm_fixture.sh starts
// munged, slurmctld and slurmd on localhost under a temporary folder; a 4-run IsoFLOP sweep of the
// smallest xLSTMs is submitted as one job array (a template that runs the trainers under `nice`),
// one task is killed by a raw scancel mid-run (interrupted), the rest by `sweep cancel` (cancelled),
// `sweep resume --slurm` finishes them from their checkpoints, collect fits the sweep once, a second
// collect adds nothing, and a corrupt run file is reported and skipped. Where Slurm cannot run (not
// installed, not root) every test skips with the fixture's reason ("no Slurm here: ...").
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <fstream>

#include "storage/store.h"
#include "test_support.h"

using namespace seqscope;

class TestSlurmSweep : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_slurmDir, m_skip, m_db, m_jobId;
    bool m_started = false;

    QString fixture() const { return test::sourcePath(QStringLiteral("tests/slurm/slurm_fixture.sh")); }
    QString file(const QString& name) const { return m_dir.filePath(name); }

    test::ProcessResult cli(QStringList args) {
        args << QStringLiteral("--db") << m_db;
        return test::runCli(args, 120000);
    }
    QJsonObject cliJson(const QStringList& args, int expectExit = 0) {
        const auto r = cli(QStringList(args) << QStringLiteral("--json"));
        if (r.exitCode != expectExit) qWarning("exit %d: %s", r.exitCode, qPrintable(r.err));
        return r.exitCode == expectExit ? QJsonDocument::fromJson(r.out.toUtf8()).object() : QJsonObject();
    }
    static QJsonObject task(const QJsonObject& report, int index) {
        for (const auto& v : report[QStringLiteral("tasks")].toArray())
            if (v.toObject()[QStringLiteral("task")].toInt() == index) return v.toObject();
        return {};
    }
    // Collects until `done` holds for the report, or `seconds` pass (then the last report).
    template <typename Pred>
    QJsonObject collectUntil(Pred done, int seconds) {
        QElapsedTimer t;
        t.start();
        QJsonObject last;
        while (t.elapsed() < seconds * 1000LL) {
            last = cliJson({QStringLiteral("sweep"), QStringLiteral("collect"), QStringLiteral("tiny")});
            if (!last.isEmpty() && done(last)) return last;
            QThread::msleep(1000);
        }
        return last;
    }
    static std::unique_ptr<storage::Store> readOnly(const QString& path) {
        storage::StoreOptions o;
        o.readOnly = true;
        auto s = storage::Store::open(path.toStdString(), o);
        return s ? std::move(*s) : nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_slurmDir = file(QStringLiteral("slurm"));
        m_db = file(QStringLiteral("ws.db"));
        QProcess p;
        p.start(QStringLiteral("bash"), {fixture(), QStringLiteral("start"), m_slurmDir});
        QVERIFY(p.waitForFinished(90000));
        const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        if (p.exitCode() == 77) {
            m_skip = QStringLiteral("no Slurm here: ") + err;
            return;
        }
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        m_started = true;
        qputenv("SLURM_CONF", (m_slurmDir + QStringLiteral("/slurm.conf")).toUtf8());
        // The trainers run niced: a test must not starve the machine it runs on.
        QFile tmpl(file(QStringLiteral("nice.sbatch")));
        QVERIFY(tmpl.open(QIODevice::WriteOnly));
        tmpl.write("#!/bin/bash\n#SBATCH --job-name={{JOB_NAME}}\n#SBATCH --output={{SWEEP_FOLDER}}/logs/task-%a-job-%A.log\n"
                   "#SBATCH --cpus-per-task={{CPUS_PER_RUN}}\n{{SBATCH_OPTIONS}}\nexec nice -n 15 {{TRAIN_COMMAND}}\n");
    }

    void cleanupTestCase() {
        if (!m_started) return;
        QProcess p;
        p.start(QStringLiteral("bash"), {fixture(), QStringLiteral("stop"), m_slurmDir});
        p.waitForFinished(60000);
    }

    void submitsOneArrayTaskPerRun() {
        if (!m_skip.isEmpty()) QSKIP(qPrintable(m_skip));
        const QString corpus = test::wordCorpus(file(QStringLiteral("corpus.txt")));
        const auto j = cliJson({"sweep", "isoflop", "--budgets", "4e9", "--ctx", "32", "--sizes", "4", "--arch", "xlstm", "--batch", "4",
                                "--data", corpus, "--name", "tiny", "--slurm", "--cpus-per-run", "1", "--sbatch-template",
                                file(QStringLiteral("nice.sbatch"))});
        const QJsonObject slurm = j["slurm"].toObject();
        QCOMPARE(slurm["tasks"].toArray().size(), 4);
        m_jobId = slurm["job_id"].toString();
        QVERIFY(!m_jobId.isEmpty());
        QFile script(slurm["script"].toString());
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(script.readAll());
        QVERIFY2(text.contains(QStringLiteral("exec nice -n 15 ")) && text.contains(QStringLiteral("train --resume 1 --db ")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("{{")), qPrintable(text));
    }

    void taskKilledBySlurmBecomesInterrupted() {
        if (!m_skip.isEmpty()) QSKIP(qPrintable(m_skip));
        QVERIFY(!m_jobId.isEmpty());
        // Wait for task 0 to have trained a few steps, then kill it the way a preemption would.
        QElapsedTimer t;
        t.start();
        long long rows = 0;
        while (t.elapsed() < 180000 && rows < 100) {
            rows = task(cliJson({"sweep", "status", "tiny"}), 0)["rows"].toInteger();
            QThread::msleep(300);
        }
        QVERIFY2(rows >= 100, "task 0 never got going");
        QProcess scancel;
        scancel.start(QStringLiteral("scancel"), {m_jobId + QStringLiteral("_0")});
        QVERIFY(scancel.waitForFinished(30000));
        QCOMPARE(scancel.exitCode(), 0);
        const auto r = collectUntil([](const QJsonObject& j) { return task(j, 0)["status"].toString() == "interrupted"; }, 60);
        const QJsonObject t0 = task(r, 0);
        QCOMPARE(t0["status"].toString(), QStringLiteral("interrupted"));
        QVERIFY2(t0["reason"].toString().contains(QStringLiteral("resume with: seqscope-cli sweep resume tiny --slurm")),
                 qPrintable(t0["reason"].toString()));
        QVERIFY(t0["rows"].toInteger() >= 100);
    }

    void sweepCancelStopsTheRest() {
        if (!m_skip.isEmpty()) QSKIP(qPrintable(m_skip));
        const auto c = cliJson({"sweep", "cancel", "tiny"});
        QVERIFY(c.contains(QStringLiteral("cancelled_tasks")));
        const auto settled = [](const QJsonObject& j) {
            for (const auto& v : j["tasks"].toArray()) {
                const QString s = v.toObject()["status"].toString();
                if (s == "running" || s == "queued") return false;
            }
            return true;
        };
        const auto r = collectUntil(settled, 90);
        QVERIFY2(settled(r), QJsonDocument(r).toJson().constData());
        QCOMPARE(r["complete"].toBool(), false);
        for (const auto& v : r["tasks"].toArray()) {
            const QString s = v.toObject()["status"].toString();
            QVERIFY2(s == "finished" || s == "cancelled" || s == "interrupted", qPrintable(s));
        }
        QCOMPARE(task(r, 0)["status"].toString(), QStringLiteral("interrupted"));
    }

    void resumeFinishesFromCheckpointsAndFits() {
        if (!m_skip.isEmpty()) QSKIP(qPrintable(m_skip));
        const auto j = cliJson({"sweep", "resume", "tiny", "--slurm"});
        const QJsonArray tasks = j["slurm"].toObject()["tasks"].toArray();
        QVERIFY2(tasks.contains(0), QJsonDocument(j).toJson().constData());
        const auto r = collectUntil([](const QJsonObject& o) { return o["complete"].toBool(); }, 300);
        QVERIFY2(r["complete"].toBool(), QJsonDocument(r).toJson().constData());
        QVERIFY(r["fitted"].toBool());
        QCOMPARE(r["fits"].toArray().size(), 1);   // one (arch, ctx) group, attempted once
        // Task 0 continued from its checkpoint: in its file, steps only grow in insertion order (a
        // restart would have rewritten step 1 after the steps before the kill).
        const QJsonObject t0 = task(r, 0);
        auto runFile = readOnly(t0["run_file"].toString());
        QVERIFY(runFile);
        std::vector<storage::MetricCursor> cursor{{1, 0}};
        auto rows = runFile->metricsAfterSeq(cursor, {"train_loss"});
        QVERIFY(rows.isOk() && !rows->empty());
        for (size_t i = 1; i < rows->size(); ++i) QVERIFY2((*rows)[i].step > (*rows)[i - 1].step, "a step was trained twice");
        auto ws = readOnly(m_db);
        QVERIFY(ws);
        QCOMPARE(*ws->metricCount(t0["run_id"].toInteger()), *runFile->metricCount(1));
        for (const auto& v : r["tasks"].toArray()) QCOMPARE(v.toObject()["status"].toString(), QStringLiteral("finished"));
    }

    void secondCollectAddsNothing() {
        if (!m_skip.isEmpty()) QSKIP(qPrintable(m_skip));
        long long before = 0, fitsBefore = 0;
        {
            auto ws = readOnly(m_db);
            QVERIFY(ws);
            before = *ws->metricCount();
            fitsBefore = static_cast<long long>(ws->fits()->size());
        }
        const auto r = cliJson({"sweep", "collect", "tiny"});
        QVERIFY2(r["problems"].toInt() == 0 && !r.isEmpty(), qPrintable(cli({"sweep", "status", "tiny"}).out));
        QCOMPARE(r["added"].toInteger(), 0LL);
        QCOMPARE(r["replaced"].toInteger(), 0LL);
        QVERIFY(r["complete"].toBool());
        auto ws = readOnly(m_db);
        QVERIFY(ws);
        QCOMPARE(*ws->metricCount(), before);
        QCOMPARE(static_cast<long long>(ws->fits()->size()), fitsBefore);   // fitted once
    }

    void corruptRunFileIsReportedAndSkipped() {
        if (!m_skip.isEmpty()) QSKIP(qPrintable(m_skip));
        const auto before = cliJson({"sweep", "status", "tiny"});
        const QString victim = task(before, 1)["run_file"].toString();
        long long rows = 0;
        {
            auto ws = readOnly(m_db);
            QVERIFY(ws);
            rows = *ws->metricCount();
        }
        QVERIFY2(!victim.isEmpty(), "no run file for task 1");
        {
            std::fstream f(victim.toStdString(), std::ios::in | std::ios::out | std::ios::binary);
            QVERIFY(f.good());
            f.seekp(2 * 4096);
            const std::string junk(4 * 4096, '\x5A');
            f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
        }
        const auto r = cli({"sweep", "collect", "tiny"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("skipped: run file '") + victim), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("1 run file(s) could not be read and were skipped")), qPrintable(r.err));
        auto ws = readOnly(m_db);
        QVERIFY(ws);
        QCOMPARE(*ws->metricCount(), rows);
    }
};

QTEST_GUILESS_MAIN(TestSlurmSweep)
#include "tst_slurm_sweep.moc"
