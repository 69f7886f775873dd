// SPDX-License-Identifier: MIT
// The Slurm pieces that need no Slurm (issue 17): array specifications, scontrol and sacct output as
// Slurm 22.05 prints it, the sbatch template and its placeholders, the option checks.
#include <QtTest>

#include "runs/slurm_client.h"
#include "runs/slurm_script.h"

using namespace seqscope;
using namespace seqscope::runs;

class TestSlurmParsing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void arraySpecificationsExpandAndFormat() {
        std::vector<int> t;
        QVERIFY(parseArrayTasks("0-3%2", &t));
        QCOMPARE(t, (std::vector<int>{0, 1, 2, 3}));
        QVERIFY(parseArrayTasks("1,3,5-6", &t));
        QCOMPARE(t, (std::vector<int>{1, 3, 5, 6}));
        QVERIFY(parseArrayTasks("[0-6:3]", &t));
        QCOMPARE(t, (std::vector<int>{0, 3, 6}));
        QVERIFY(!parseArrayTasks("", &t));
        QVERIFY(!parseArrayTasks("3-1", &t));
        QVERIFY(!parseArrayTasks("a", &t));
        QCOMPARE(formatArrayTasks({5, 0, 1, 2, 2, 7, 8}), std::string("0-2,5,7-8"));
        QCOMPARE(formatArrayTasks({}), std::string());
    }

    void scontrolRecordsGiveEachTaskItsState() {
        const std::string text =
            "JobId=12 ArrayJobId=12 ArrayTaskId=2-3%4 JobName=seqscope-tiny UserId=root(0) JobState=PENDING Reason=Resources "
            "Dependency=(null)\n"
            "JobId=13 ArrayJobId=12 ArrayTaskId=0 JobName=seqscope-tiny JobState=RUNNING Reason=None NodeList=vm\n"
            "JobId=14 ArrayJobId=12 ArrayTaskId=1 JobName=seqscope-tiny JobState=TIMEOUT Reason=TimeLimit NodeList=vm\n"
            "JobId=20 ArrayJobId=20 ArrayTaskId=0 JobName=other JobState=RUNNING Reason=None\n";
        const auto s = parseScontrolJobs(text, "12");
        QCOMPARE(s.size(), size_t(4));
        QCOMPARE(s.at(0).state, std::string("RUNNING"));
        QCOMPARE(s.at(0).reason, std::string());
        QVERIFY(s.at(0).active());
        QCOMPARE(s.at(1).state, std::string("TIMEOUT"));
        QVERIFY(!s.at(1).active());
        QCOMPARE(s.at(3).state, std::string("PENDING"));
        QCOMPARE(s.at(3).reason, std::string("Resources"));
        QVERIFY(parseScontrolJobs("slurm_load_jobs error: Invalid job id specified\n", "12").empty());
    }

    void sacctLinesGiveTheEndStates() {
        const auto s = parseSacctJobs("12_0|COMPLETED\n12_1|CANCELLED by 0\n12_[2-3]|PENDING\n13_0|FAILED\n", "12");
        QCOMPARE(s.size(), size_t(4));
        QCOMPARE(s.at(1).state, std::string("CANCELLED"));
        QVERIFY(!s.at(1).active());
        QVERIFY(s.at(3).active());
    }

    void templateFillsEveryPlaceholder() {
        ClusterOptions o;
        o.partition = "gpu";
        o.time = "1:00:00";
        o.gpusPerRun = 2;
        o.cpusPerRun = 8;
        o.device = "cuda";
        o.program = "/opt/seqscope/bin/seqscope-cli";
        auto script = renderSbatchScript(o, "iso 2k", "/shared/sweeps/iso");
        QVERIFY2(script.isOk(), script.status().message().c_str());
        const QString s = QString::fromStdString(*script);
        QVERIFY(!s.contains(QStringLiteral("{{")));
        QVERIFY(s.contains(QStringLiteral("#SBATCH --job-name=seqscope-iso_2k\n")));
        QVERIFY(s.contains(QStringLiteral("#SBATCH --partition=gpu\n#SBATCH --time=1:00:00\n#SBATCH --gres=gpu:2\n")));
        QVERIFY(s.contains(QStringLiteral("#SBATCH --cpus-per-task=8\n")));
        QVERIFY(s.contains(QStringLiteral("exec /opt/seqscope/bin/seqscope-cli train --resume 1 --db "
                                          "/shared/sweeps/iso/runs/task-${SLURM_ARRAY_TASK_ID}.db --threads 8 --device cuda --json")));
    }

    void badTemplatesAndOptionsAreNamed() {
        auto unknown = renderTemplate("#!/bin/bash\n{{TRAIN_COMMAND}}\n{{NODES}}\n", {{"TRAIN_COMMAND", "x"}});
        QVERIFY(!unknown.isOk());
        QVERIFY2(unknown.status().message().find("{{NODES}} on line 3") != std::string::npos, unknown.status().message().c_str());
        auto noCommand = renderTemplate("#!/bin/bash\necho hi\n", {{"TRAIN_COMMAND", "x"}});
        QVERIFY(noCommand.status().message().find("no {{TRAIN_COMMAND}}") != std::string::npos);
        auto unclosed = renderTemplate("{{TRAIN_COMMAND}}\n{{TIME\n", {{"TRAIN_COMMAND", "x"}});
        QVERIFY(unclosed.status().message().find("unclosed {{ on line 2") != std::string::npos);
        ClusterOptions o;
        std::string why;
        o.partition = "gpu; rm -rf";
        QVERIFY(!o.isValid(&why));
        QVERIFY2(why.find("--partition") != std::string::npos, why.c_str());
        o.partition.clear();
        o.cpusPerRun = 0;
        QVERIFY(!o.isValid(&why));
        QVERIFY(why.find("--cpus-per-run must be at least 1") != std::string::npos);
        ClusterOptions back = ClusterOptions::fromJson(ClusterOptions{"/f", "p", "a", "2:00", 1, 4, "cuda", "", "/cli"}.toJson());
        QCOMPARE(back.partition, std::string("p"));
        QCOMPARE(back.cpusPerRun, 4);
        QCOMPARE(back.device, std::string("cuda"));
    }
};

QTEST_GUILESS_MAIN(TestSlurmParsing)
#include "tst_slurm_parsing.moc"
