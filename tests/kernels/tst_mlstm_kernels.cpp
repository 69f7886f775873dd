// SPDX-License-Identifier: MIT
// Qt Test wrapper (label gpu) around kernels_check, the standalone verification of the CUDA mLSTM
// kernels (kernels/check/kernels_check.cpp: forward and backward vs a float64 reference, poisoned
// outputs, odd lengths, state passing, decode step). kernels_check itself needs neither Qt nor
// LibTorch so the GPU machine can run it directly; this wrapper puts it under ctest where Qt exists.
// Without a CUDA device kernels_check runs its host-side argument checks only, and the test skips.
#include <QProcess>
#include <QStringList>
#include <QtTest>

class TestMlstmKernels : public QObject {
    Q_OBJECT
private slots:
    void kernelsMatchFloat64ReferenceOnDevice();
};

void TestMlstmKernels::kernelsMatchFloat64ReferenceOnDevice() {
    QProcess check;
    check.start(QStringLiteral(SEQSCOPE_KERNELS_CHECK_PATH), {});
    QVERIFY2(check.waitForStarted(30000), qPrintable("cannot start " + QStringLiteral(SEQSCOPE_KERNELS_CHECK_PATH)));
    QVERIFY2(check.waitForFinished(15 * 60 * 1000), "kernels_check did not finish within 15 minutes");
    const QString out = QString::fromUtf8(check.readAllStandardOutput());
    const QString err = QString::fromUtf8(check.readAllStandardError());
    const QStringList failures = out.split('\n').filter(QRegularExpression(QStringLiteral("^FAIL")));
    if (out.contains(QStringLiteral("SKIP: no CUDA device"))) {
        QVERIFY2(check.exitCode() == 0 && failures.isEmpty(), qPrintable("host-side checks failed:\n" + failures.join('\n')));
        QSKIP("no CUDA device: kernels_check ran its host-side argument checks only");
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n') + "\n" + err));
    QCOMPARE(check.exitCode(), 0);
    QVERIFY2(out.contains(QStringLiteral("PASS: ")), qPrintable("no PASS line in:\n" + out));
}

QTEST_GUILESS_MAIN(TestMlstmKernels)
#include "tst_mlstm_kernels.moc"
