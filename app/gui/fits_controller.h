// SPDX-License-Identifier: MIT
// Feeds the Fits panel from the workspace's `fits` table: lists every stored fit (the CLI's and the
// views'), refreshes when a view stores one and every few seconds for fits stored by other processes,
// and deletes on request.
#pragma once

#include <QObject>
#include <QTimer>

namespace seqscope::storage {
class Store;
}
namespace seqscope::widgets {
class FitsPanel;
}

namespace seqscope::gui {

class FitsController : public QObject {
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 3000;   // fits stored by the CLI appear within this

    explicit FitsController(widgets::FitsPanel* panel, QObject* parent = nullptr);
    void setStore(storage::Store* store);   // not owned; nullptr detaches
    void refresh();                         // reads the table now (a view stored a fit)
    void deleteFit(qint64 id);              // the panel asked (and the user confirmed)

private:
    widgets::FitsPanel* m_panel;
    storage::Store* m_store = nullptr;
    QTimer m_timer;
    qint64 m_lastCount = -1, m_lastId = -1;   // what the panel shows, to skip redundant redraws
};

}  // namespace seqscope::gui
