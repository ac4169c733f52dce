#pragma once

#include <QAbstractTableModel>
#include <QDialog>
#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace kiln {
struct PredictionTable;
}

namespace kiln {
namespace studio {

// Predictions as a table: row (or image path), label, then one probability column per class;
// or row and value for regression.
class PredictionModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit PredictionModel(QObject* parent = nullptr);
    ~PredictionModel() override;

    void setTable(std::shared_ptr<const kiln::PredictionTable> table);
    const kiln::PredictionTable* table() const { return m_table.get(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const kiln::PredictionTable> m_table;
};

// Predict…: which model version, and a CSV/TSV file or an image folder to run it on.
class PredictDialog : public QDialog {
    Q_OBJECT
public:
    PredictDialog(const QString& modelTitle, const QString& onnxPath, QWidget* parent = nullptr);

    QString dataPath() const;
    void setDataPath(const QString& path);
    QString onnxPath() const { return m_onnx; }

private:
    void update();

    QString m_onnx;
    QLineEdit* m_path;
    QPushButton* m_ok = nullptr;
};

// The results of a prediction, shown as a tab: a summary line, warnings, the table and
// Save as CSV….
class PredictionsView : public QWidget {
    Q_OBJECT
public:
    PredictionsView(const QString& modelTitle, const QString& dataPath,
                    std::shared_ptr<const kiln::PredictionTable> table, QWidget* parent = nullptr);

    PredictionModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString summaryText() const;
    // The model version the predictions came from ("wine@2"), as the tab title names it.
    QString reference() const { return m_title; }
    // Writes the predictions as CSV (row, label, p_<class>… or row, value); false when it cannot.
    bool saveCsv(const QString& file, QString* error = nullptr) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void chooseSave();
    void retranslateUi();

    QString m_title;
    QString m_data;
    PredictionModel* m_model;
    QTableView* m_view;
    QLabel* m_summary;
    QLabel* m_heading;
    QLabel* m_warnings;
    QPushButton* m_save;
};

}  // namespace studio
}  // namespace kiln
