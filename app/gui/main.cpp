// SPDX-License-Identifier: MIT
// seqscope: the workbench.
//   seqscope [--db PATH] [--lang de] [--theme dark]
//   QT_QPA_PLATFORM=offscreen seqscope --screenshot out.png [--view loss] [--size 1400x900]
//   seqscope --open-view lecture/03-frontier.seqview.json
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>
#include <algorithm>
#include <cstdio>

#include "common/version.h"
#include "loss_chart_view.h"
#include "main_window.h"
#include "tour_controller.h"
#include "settings.h"
#include "storage/paths.h"
#include "theme.h"
#include "workbench.h"

using namespace seqscope;

namespace {

// Installs Seqscope's and Qt's own translations for `language` ("de", "de_DE"; empty: system locale).
void installTranslations(QApplication& app, const QString& language) {
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto* ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("seqscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

bool parseSize(const QString& text, QSize* size) {
    const QStringList parts = text.split(QLatin1Char('x'));
    if (parts.size() != 2) return false;
    bool okW = false, okH = false;
    const int w = parts[0].toInt(&okW), h = parts[1].toInt(&okH);
    if (!okW || !okH || w < 200 || h < 150 || w > 8000 || h > 8000) return false;
    *size = QSize(w, h);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Seqscope"));
    QApplication::setApplicationName(QStringLiteral("seqscope"));
    QApplication::setApplicationVersion(QString::fromLatin1(kVersion));

    // --lang must act before any translated text exists, so peek at it first.
    QString language;
    for (int i = 1; i + 1 < argc; ++i)
        if (QString::fromLocal8Bit(argv[i]) == QLatin1String("--lang")) language = QString::fromLocal8Bit(argv[i + 1]);
    installTranslations(app, language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Seqscope workbench: xLSTM vs Transformer scaling."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"), QApplication::translate("main", "Experiment database to open."),
                                   QStringLiteral("path"));
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                                     QApplication::translate("main", "Render the window to a PNG file once its views have loaded, then exit."),
                                     QStringLiteral("file"));
    const QCommandLineOption viewOpt(QStringLiteral("view"), QApplication::translate("main", "View to show first (overview, loss, scaling, ...)."),
                                     QStringLiteral("name"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"), QApplication::translate("main", "Window size for --screenshot, e.g. 1400x900."),
                                     QStringLiteral("WxH"), QStringLiteral("1400x900"));
    const QCommandLineOption langOpt(QStringLiteral("lang"), QApplication::translate("main", "User interface language, e.g. de or en."),
                                     QStringLiteral("code"));
    const QCommandLineOption themeOpt(QStringLiteral("theme"), QApplication::translate("main", "Colour theme: system, light or dark."),
                                      QStringLiteral("theme"));
    const QCommandLineOption sourceOpt(QStringLiteral("source"),
                                       QApplication::translate("main", "Scaling view source: a dataset, runs, sweep:ID or tag:TAG."),
                                       QStringLiteral("name"));
    const QCommandLineOption openViewOpt(QStringLiteral("open-view"),
                                         QApplication::translate("main", "Start at a saved view (File > Save View): its view, source, filters and selection."),
                                         QStringLiteral("file"));
    const QCommandLineOption stepOpt(QStringLiteral("step"), QApplication::translate("main", "With --view tour: the tour step to start at (1 = first)."),
                                     QStringLiteral("n"), QStringLiteral("1"));
    parser.addOptions({dbOpt, shotOpt, viewOpt, sizeOpt, langOpt, themeOpt, sourceOpt, openViewOpt, stepOpt});
    parser.process(app);

    const bool screenshot = parser.isSet(shotOpt);
    if (screenshot) {
        // Screenshots must not depend on (or change) the user's saved layout.
        QApplication::setOrganizationName(QStringLiteral("SeqscopeScreenshot"));
        QSettings().clear();
    }
    QSize size;
    if (!parseSize(parser.value(sizeOpt), &size)) {
        std::fprintf(stderr, "seqscope: --size '%s' is not WIDTHxHEIGHT (e.g. 1400x900)\n", qPrintable(parser.value(sizeOpt)));
        return 2;
    }
    QString theme = parser.isSet(themeOpt) ? parser.value(themeOpt) : gui::Settings::theme();
    if (theme != QLatin1String("system") && theme != QLatin1String("light") && theme != QLatin1String("dark")) {
        std::fprintf(stderr, "seqscope: --theme '%s' is not one of system, light, dark\n", qPrintable(theme));
        return 2;
    }
    gui::applyTheme(app, theme);

    QString dbPath = parser.value(dbOpt);
    if (dbPath.isEmpty()) dbPath = gui::Settings::lastDatabase();
    if (dbPath.isEmpty()) dbPath = QString::fromStdString(storage::defaultDatabasePath());
    dbPath = QFileInfo(dbPath).absoluteFilePath();

    gui::MainWindow window(dbPath);
    QObject::connect(&window, &gui::MainWindow::themeRequested, &app,
                     [&app](const QString& t) { gui::applyTheme(app, t); });

    gui::Workbench workbench(&window);
    QString openError;
    if (!workbench.openDatabase(dbPath, &openError)) {
        std::fprintf(stderr, "seqscope: %s\n", qPrintable(openError));
        return 1;
    }

    if (parser.isSet(sourceOpt) && !workbench.selectScalingSource(parser.value(sourceOpt))) {
        std::fprintf(stderr, "seqscope: no scaling source '%s' in this database (see: seqscope-cli fit isoflop --help)\n",
                     qPrintable(parser.value(sourceOpt)));
        return 2;
    }
    bool stepOk = false;
    const int step = parser.value(stepOpt).toInt(&stepOk);
    if (!stepOk || step < 1 || step > workbench.tour()->stepCount()) {
        std::fprintf(stderr, "seqscope: --step '%s' is not a tour step from 1 to %d\n", qPrintable(parser.value(stepOpt)),
                     workbench.tour()->stepCount());
        return 2;
    }
    workbench.setTourStart(step - 1);
    // The view to show once the saved layout is restored (restoring would otherwise pick the last session's).
    QString startView = parser.value(viewOpt);
    if (parser.isSet(openViewOpt)) {
        QString error;
        if (!workbench.openViewFile(parser.value(openViewOpt), &error)) {
            std::fprintf(stderr, "seqscope: %s\n", qPrintable(error));
            return 2;
        }
        if (startView.isEmpty()) startView = window.currentViewId();
    }
    if (parser.isSet(viewOpt) && !window.showView(parser.value(viewOpt))) {
        std::fprintf(stderr, "seqscope: no view named '%s' (views: %s)\n", qPrintable(parser.value(viewOpt)),
                     qPrintable(window.viewIds().join(QStringLiteral(", "))));
        return 2;
    }

    if (screenshot) {
        window.resize(size);
        const QSize minimum = window.minimumSizeHint();
        if (minimum.width() > size.width() || minimum.height() > size.height())
            std::fprintf(stderr, "seqscope: the window needs at least %dx%d; rendering at %dx%d\n", minimum.width(),
                         minimum.height(), std::max(minimum.width(), size.width()), std::max(minimum.height(), size.height()));
        window.show();
        const QString file = parser.value(shotOpt);
        const QString view = startView;
        window.whenReady([&window, &app, file, view] {
            if (!view.isEmpty()) window.showView(view);
            QApplication::processEvents();
            QApplication::processEvents();
            // Qt Charts lays out axes one event-loop turn late; settle every live chart before grabbing.
            for (auto* chart : window.findChildren<widgets::LossChartView*>()) chart->flushUpdates();
            const bool ok = window.grab().save(file, "PNG");
            if (!ok) std::fprintf(stderr, "seqscope: cannot write screenshot to '%s'\n", qPrintable(file));
            app.exit(ok ? 0 : 1);
        });
        return app.exec();
    }
    window.show();
    if (!startView.isEmpty()) QTimer::singleShot(0, &window, [&window, startView] { window.showView(startView); });
    return app.exec();
}
