#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace kiln {
namespace studio {

// The Models tab: every registered model with its versions (stage, lineage version → run →
// dataset@version, verification, system evaluation), read from the registry on a pool thread.
// The details of the selected version sit below the tree: a stage combo (none, staging,
// production, archived), clickable lineage, verification and evaluation figures, Predict… and
// Serve….
class ModelsPage : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPage(QWidget* parent = nullptr);

    void setWorkspace(const QString& dir);
    // Reads the registry again; `select` ("NAME" or "NAME@VER") is selected once shown.
    void reload(const QString& select = {});
    bool isLoading() const { return m_loading; }
    QString error() const { return m_error; }
    QTreeWidget* tree() const { return m_tree; }
    QComboBox* stageCombo() const { return m_stage; }
    // Every version as the registry listed it ({"name", "version", "stage", "lineage", …}).
    QJsonArray versions() const;
    // The selected version's document, empty when none (or a model row) is selected.
    QJsonObject currentVersion() const;
    // Selects NAME (its newest version) or NAME@VER; false when it is not listed.
    bool select(const QString& reference);
    // Sets the stage of NAME@VER in the registry (in the pool), then reloads.
    void setStage(const QString& reference, const QString& stage);
    QString detailsText() const;

Q_SIGNALS:
    void loaded();
    void stageChanged(const QString& reference, const QString& stage, bool ok, const QString& error);
    void openRunRequested(const QString& runId);
    void openDatasetRequested(const QString& reference);
    // Predict… on version `reference` whose file is `onnxPath`.
    void predictRequested(const QString& reference, const QString& onnxPath);
    // Serve… on version `reference` ("NAME@VER").
    void serveRequested(const QString& reference);

protected:
    void changeEvent(QEvent* event) override;

private:
    void display(const QJsonObject& doc, const QString& error);
    void showDetails();
    void showContextMenu(const QPoint& pos);
    void retranslateUi();
    QString stageName(const QString& stage) const;

    QString m_workspace;
    QJsonObject m_doc;
    QString m_error;
    QString m_pendingSelect;
    bool m_loading = false;
    bool m_filling = false;
    int m_generation = 0;
    QLabel* m_title;
    QLabel* m_status;
    QPushButton* m_refresh;
    QTreeWidget* m_tree;
    QLabel* m_versionTitle;
    QLabel* m_stageLabel;
    QComboBox* m_stage;
    QPushButton* m_predict;
    QPushButton* m_serve;
    QLabel* m_lineage;
    QLabel* m_verification;
    QLabel* m_evaluation;
    QWidget* m_details;
};

// The stages a version can be in, in the order the combo lists them.
QStringList modelStages();

}  // namespace studio
}  // namespace kiln
