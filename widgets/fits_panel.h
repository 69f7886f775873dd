// SPDX-License-Identifier: MIT
// Fits panel: every scaling-law fit stored in the workspace (from the CLI or the views), newest first,
// with its provenance (source, selection, options, program version) and parameters on selection.
// The panel draws what it is given; deleting is a request the owner carries out.
#pragma once

#include <QDateTime>
#include <QVector>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace seqscope::widgets {

// One stored fit as the panel shows it (JSON fields are the stored text, pretty-printed on display).
struct FitEntry {
    qint64 id = 0;
    QString kind;          // isoflop, parametric, context, slopes
    QString label;
    QString source;        // selection's "source" (or "dataset", or "csv")
    QString version;       // the program that fitted it
    QDateTime created;
    double objective = 0;  // NaN when the fit has none
    int inputRuns = 0;
    QString paramsJson, optionsJson, selectionJson;
};

class FitsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FitsPanel(QWidget* parent = nullptr);
    // Replaces the list; keeps the selected fit selected when it is still there.
    void setFits(const QVector<FitEntry>& fits);
    void setError(const QString& message);
    QTableWidget* table() const { return m_table; }
    qint64 selectedFit() const;
    bool selectFit(qint64 id);
    QString detailsText() const;

signals:
    void deleteRequested(qint64 id);

private:
    void showDetails();

    QTableWidget* m_table = nullptr;
    QTextBrowser* m_details = nullptr;
    QPushButton* m_delete = nullptr;
    QLabel* m_error = nullptr;
    QVector<FitEntry> m_fits;
};

}  // namespace seqscope::widgets
