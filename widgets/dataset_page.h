#pragma once

#include <QWidget>

#include <memory>

#include "widgets/dataset_loader.h"

class QLabel;
class QPushButton;
class QTabWidget;
class QAction;
class QTableView;

namespace kiln {
namespace widgets {

class BarChartView;
class BoxPlotView;
class ColumnProfilePanel;
class CorrelationHeatmap;
class DatasetTableModel;
class DriftView;
class HistogramView;
class ScatterView;
class TableQueryBar;
class ValidationView;

// The tab of a table dataset version: the virtual table with the column profile beside it,
// the charts (histogram, box plot, bars, scatter, correlation heatmap), validation and drift;
// Refresh from Source when the dataset recorded where it came from.
// The table opens in the pool and shows as soon as it is mapped; the profile (cached per
// version) follows and fills the rest in.
class DatasetPage : public QWidget {
    Q_OBJECT
public:
    // Opens `reference` ("NAME" or "NAME@3") of the workspace at `workspaceDir`.
    DatasetPage(const QString& workspaceDir, const QString& reference, QWidget* parent = nullptr);

    QString reference() const { return m_reference; }
    const LoadedDataset& dataset() const { return m_dataset; }
    bool isLoaded() const { return m_dataset.table != nullptr; }
    bool hasProfile() const { return m_profile.profile != nullptr; }
    const LoadedProfile& profile() const { return m_profile; }
    QString errorText() const { return m_dataset.error; }

    QTabWidget* sections() const { return m_sections; }
    QTableView* tableView() const { return m_tableView; }
    DatasetTableModel* tableModel() const { return m_model; }
    TableQueryBar* queryBar() const { return m_queryBar; }
    ColumnProfilePanel* profilePanel() const { return m_profilePanel; }
    QTabWidget* chartTabs() const { return m_charts; }
    HistogramView* histogram() const { return m_histogram; }
    BoxPlotView* boxPlot() const { return m_boxPlot; }
    BarChartView* barChart() const { return m_barChart; }
    ScatterView* scatter() const { return m_scatter; }
    CorrelationHeatmap* heatmap() const { return m_heatmap; }
    ValidationView* validation() const { return m_validation; }
    DriftView* drift() const { return m_drift; }
    QPushButton* refreshButton() const { return m_refresh; }

Q_SIGNALS:
    void loaded(bool ok);
    void profileReady();
    // Refresh from Source: read the dataset's source again (a new version only if it changed).
    void refreshRequested(const QString& dataset);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    QWidget* buildTableSection();
    void load();
    void showDataset(const LoadedDataset& dataset);
    void chooseChartColumns();
    void showProfile(const LoadedProfile& profile);
    void showProfileStatus();  // how long the profile took, in the language chosen now
    void retranslateUi();

    QString m_workspace;
    QString m_reference;
    LoadedDataset m_dataset;
    LoadedProfile m_profile;
    QLabel* m_header = nullptr;
    QPushButton* m_refresh = nullptr;
    QTabWidget* m_sections = nullptr;
    QTableView* m_tableView = nullptr;
    QAction* m_copyCells = nullptr;
    DatasetTableModel* m_model = nullptr;
    TableQueryBar* m_queryBar = nullptr;
    ColumnProfilePanel* m_profilePanel = nullptr;
    QTabWidget* m_charts = nullptr;
    HistogramView* m_histogram = nullptr;
    BoxPlotView* m_boxPlot = nullptr;
    BarChartView* m_barChart = nullptr;
    ScatterView* m_scatter = nullptr;
    CorrelationHeatmap* m_heatmap = nullptr;
    ValidationView* m_validation = nullptr;
    DriftView* m_drift = nullptr;
};

}  // namespace widgets
}  // namespace kiln
