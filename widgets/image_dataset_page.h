#pragma once

#include <QWidget>

#include "widgets/bar_chart_view.h"
#include "widgets/dataset_loader.h"

class QComboBox;
class QLabel;
class QListView;

namespace kiln {
namespace widgets {

class ScatterView;
class ThumbnailModel;

// The tab of an image dataset version: the class balance (images per class), the image sizes
// (width against height, coloured by class) and a thumbnail gallery with a class filter.
// The listing opens and the classes are counted in the pool; thumbnails load in the background.
class ImageDatasetPage : public QWidget {
    Q_OBJECT
public:
    ImageDatasetPage(const QString& workspaceDir, const QString& reference, QWidget* parent = nullptr);

    QString reference() const { return m_reference; }
    const LoadedDataset& dataset() const { return m_dataset; }
    bool isLoaded() const { return m_dataset.table != nullptr; }
    QString errorText() const { return m_dataset.error; }
    BarChartView* classBalance() const { return m_balance; }
    ScatterView* sizes() const { return m_sizes; }
    QListView* gallery() const { return m_gallery; }
    ThumbnailModel* thumbnails() const { return m_thumbnails; }
    QComboBox* classFilter() const { return m_classFilter; }

Q_SIGNALS:
    void loaded(bool ok);

protected:
    void changeEvent(QEvent* event) override;

public:
    struct Opened;  // what the pool opened (defined in the .cpp)

private:
    void buildUi();
    void load();
    void showResult(const Opened& opened);
    void retranslateUi();

    QString m_workspace, m_reference;
    LoadedDataset m_dataset;
    BarChartView::Counts m_counts;
    QLabel* m_header = nullptr;
    BarChartView* m_balance = nullptr;
    ScatterView* m_sizes = nullptr;
    QLabel* m_galleryLabel = nullptr;
    QComboBox* m_classFilter = nullptr;
    QListView* m_gallery = nullptr;
    ThumbnailModel* m_thumbnails = nullptr;
};

}  // namespace widgets
}  // namespace kiln
