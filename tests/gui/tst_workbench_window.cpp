// SPDX-License-Identifier: MIT
// The workbench as a user starts it: --screenshot renders a non-blank window offscreen, bad options
// exit 2 naming the problem, and --lang de switches the interface to German.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "test_support.h"

namespace {

struct GuiRun {
    int exitCode = -1;
    QString err;
};

GuiRun runGui(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SEQSCOPE_GUI_PATH), args);
    GuiRun r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// Distinct colours in a coarse sample: a blank or single-colour image has one or two.
int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
    return colours.size();
}

}  // namespace

class TestWorkbenchWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void screenshotWritesNonBlankPngOfRequestedSize() {
        const QString png = m_dir.filePath(QStringLiteral("window.png"));
        const auto r = runGui({QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("1280x760"),
                               QStringLiteral("--db"), m_dir.filePath(QStringLiteral("w.db"))});
        QCOMPARE(r.exitCode, 0);
        QImage image(png);
        QVERIFY2(!image.isNull(), qPrintable(r.err));
        QCOMPARE(image.size(), QSize(1280, 760));
        QVERIFY2(distinctColours(image) > 8, "screenshot looks blank");
    }
    void unknownViewExitsTwoListingViews() {
        const auto r = runGui({QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("x.png")),
                               QStringLiteral("--view"), QStringLiteral("nonsense"), QStringLiteral("--db"),
                               m_dir.filePath(QStringLiteral("w.db"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no view named 'nonsense'")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("overview")));
    }
    void badSizeExitsTwo() {
        const auto r = runGui({QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("x.png")),
                               QStringLiteral("--size"), QStringLiteral("huge")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--size 'huge'")), qPrintable(r.err));
    }
    void germanTranslationIsEmbeddedAndComplete() {
        // The .qm is compiled from translations/seqscope_de.ts and embedded; every message translated.
        QFile ts(seqscope::test::sourcePath(QStringLiteral("translations/seqscope_de.ts")));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QByteArray xml = ts.readAll();
        QVERIFY(xml.contains("<message>"));
        QVERIFY2(!xml.contains("type=\"unfinished\""), "translations/seqscope_de.ts has unfinished messages");
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(SEQSCOPE_BINARY_DIR "/app/gui/seqscope_de.qm")));
        QCOMPARE(translator.translate("seqscope::gui::MainWindow", "&File"), QStringLiteral("&Datei"));
        const QString png = m_dir.filePath(QStringLiteral("de.png"));
        const auto r = runGui({QStringLiteral("--screenshot"), png, QStringLiteral("--lang"), QStringLiteral("de"),
                               QStringLiteral("--db"), m_dir.filePath(QStringLiteral("w.db"))});
        QCOMPARE(r.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestWorkbenchWindow)
#include "tst_workbench_window.moc"
