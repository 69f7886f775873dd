// SPDX-License-Identifier: MIT
#include "chart_export.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QToolButton>
#include <QWidget>

namespace seqscope::widgets {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("ChartExport", text); }

}  // namespace

bool exportWidgetPng(const QWidget* widget, const QString& path, qreal scale, QString* error) {
    QImage image(widget->size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(widget->palette().color(QPalette::Window));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        const_cast<QWidget*>(widget)->render(&painter);   // render() is not const, drawing changes nothing
    }
    if (image.save(path, "PNG")) return true;
    if (error) *error = tr("Could not write %1").arg(path);
    return false;
}

bool exportWidgetSvg(const QWidget* widget, const QString& path, const QString& title, QString* error) {
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(widget->size());
    generator.setViewBox(QRect(QPoint(0, 0), widget->size()));
    generator.setTitle(title);
    QPainter painter;
    if (!painter.begin(&generator)) {
        if (error) *error = tr("Could not write %1").arg(path);
        return false;
    }
    const_cast<QWidget*>(widget)->render(&painter);
    painter.end();
    return true;
}

bool writeTextFile(const QString& path, const QString& text, QString* error) {
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Text) && file.write(text.toUtf8()) >= 0 && file.commit()) return true;
    if (error) *error = tr("Could not write %1: %2").arg(path, file.errorString());
    return false;
}

QString askExportPath(QWidget* parent, const QString& title, const QString& baseName, const QString& filter,
                      const QString& suffix) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(parent, title, dir + QLatin1Char('/') + baseName + suffix, filter);
    if (!path.isEmpty() && !path.endsWith(suffix, Qt::CaseInsensitive)) path += suffix;
    return path;
}

QToolButton* makeExportButton(QWidget* parent, QWidget* charts, std::function<QString()> csv, const QString& baseName,
                              const QString& svgTitle) {
    auto* button = new QToolButton(parent);
    button->setText(tr("Export"));
    button->setToolTip(tr("Save the charts as PNG or SVG, or the drawn data as CSV"));
    button->setObjectName(QStringLiteral("export"));
    QObject::connect(button, &QToolButton::clicked, button, [=] {
        QMenu menu(button);
        QString error;
        bool ok = true;
        menu.addAction(tr("Charts as image (PNG, 2x)..."), button, [&] {
            const QString path = askExportPath(parent, tr("Export Charts"), baseName, tr("PNG images (*.png)"), QStringLiteral(".png"));
            if (!path.isEmpty()) ok = exportWidgetPng(charts, path, 2.0, &error);
        });
        menu.addAction(tr("Charts as vector image (SVG)..."), button, [&] {
            const QString path = askExportPath(parent, tr("Export Charts"), baseName, tr("SVG images (*.svg)"), QStringLiteral(".svg"));
            if (!path.isEmpty()) ok = exportWidgetSvg(charts, path, svgTitle, &error);
        });
        menu.addAction(tr("Drawn data (CSV)..."), button, [&] {
            const QString path = askExportPath(parent, tr("Export Data"), baseName, tr("CSV files (*.csv)"), QStringLiteral(".csv"));
            if (!path.isEmpty()) ok = writeTextFile(path, csv(), &error);
        });
        menu.exec(button->mapToGlobal(QPoint(0, button->height())));
        if (!ok) QMessageBox::warning(parent, tr("Export"), error);
    });
    return button;
}

}  // namespace seqscope::widgets
