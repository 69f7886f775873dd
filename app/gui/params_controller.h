// SPDX-License-Identifier: MIT
// Feeds the hyperparameter view (issue 20, `--view params`): every run of the store that logged a
// loss, with its flat config fields (runs/config_fields; the run-local checkpoint folder left out),
// N, D and C, and its final and best losses. Reads on the GUI thread: one run list and one metric
// summary per run, a few milliseconds for hundreds of runs. runsChanged() reloads.
#pragma once

#include <QObject>
#include <QVector>

#include "params_view.h"

namespace seqscope::storage {
class Store;
}

namespace seqscope::gui {

class ParamsController : public QObject {
    Q_OBJECT
public:
    explicit ParamsController(widgets::ParamsView* view, QObject* parent = nullptr);

    void setStore(storage::Store* store);   // not owned; nullptr detaches (the view empties)
    void runsChanged();                     // runs finished, were added or removed: reload
    // The view's runs as read from `store` (tests compare them with the store's rows).
    static QVector<widgets::ParamsRun> load(storage::Store& store, QString* error);

signals:
    void errorOccurred(const QString& message);

private:
    widgets::ParamsView* m_view;
    storage::Store* m_store = nullptr;
};

}  // namespace seqscope::gui
