#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <vector>

#include "core/samples/sample_library.h"

class QMenu;
class QTabWidget;
class QWidget;

namespace kiln {
namespace studio {

class ImportController;
class TrainingUi;

// The sample datasets shipped with Kiln, in Studio: File ▸ Open Sample and the welcome page's
// samples. Opening one imports it (a second open finds the same content and makes no new
// version) with its source and licence as the dataset's description, and leaves its tab in
// front with the Train panel beside it, the sample's target chosen: a first model is one click
// away.
class SamplesUi : public QObject {
    Q_OBJECT
public:
    SamplesUi(ImportController* imports, TrainingUi* training, QTabWidget* tabs, QWidget* window);

    void setWorkspace(const QString& dir) { m_workspace = dir; }
    QMenu* menu() const { return m_menu; }
    const std::vector<kiln::Sample>& samples() const { return m_samples; }
    // Why there are no samples (not installed, a broken list), or empty.
    QString unavailableReason() const { return m_unavailable; }

    // Imports sample `name` and opens it; false (with a message box) when it cannot start.
    bool openSample(const QString& name);

Q_SIGNALS:
    // Sample `name` was imported (or found imported) as dataset version `reference`.
    void sampleOpened(const QString& name, const QString& reference);
    void statusMessage(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void datasetImported(const QString& reference, const QString& kind);
    void rebuildMenu();

    ImportController* m_imports;
    TrainingUi* m_training;
    QTabWidget* m_tabs;
    QWidget* m_window;
    QMenu* m_menu;
    QString m_workspace;
    QString m_unavailable;
    std::vector<kiln::Sample> m_samples;
    QHash<QString, kiln::Sample> m_pending;  // dataset name → the sample importing under it
};

}  // namespace studio
}  // namespace kiln
