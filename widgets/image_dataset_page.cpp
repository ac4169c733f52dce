#include "widgets/image_dataset_page.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QSplitter>
#include <QVBoxLayout>

#include <map>

#include "core/data/table.h"
#include "widgets/pool_task.h"
#include "widgets/scatter_view.h"
#include "widgets/thumbnail_model.h"

namespace kiln {
namespace widgets {

struct ImageDatasetPage::Opened {
    LoadedDataset dataset;
    BarChartView::Counts counts;
};

namespace {

BarChartView::Counts countClasses(const kiln::Table& table) {
    const int column = table.columnIndex("class");
    std::map<std::string, quint64> counts;
    for (std::uint64_t row = 0; row < table.rows(); ++row)
        ++counts[column < 0 || table.column(std::size_t(column)).isMissing(row)
                     ? std::string()
                     : table.column(std::size_t(column)).text(row)];
    BarChartView::Counts out;
    for (const auto& entry : counts)
        out.append({entry.first.empty() ? QStringLiteral("(unlabelled)") : QString::fromStdString(entry.first),
                    entry.second});
    return out;
}

}  // namespace

ImageDatasetPage::ImageDatasetPage(const QString& workspaceDir, const QString& reference, QWidget* parent)
    : QWidget(parent), m_workspace(workspaceDir), m_reference(reference) {
    setObjectName(QStringLiteral("imageDatasetPage"));
    buildUi();
    retranslateUi();
    load();
}

void ImageDatasetPage::buildUi() {
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_balance = new BarChartView(this);
    m_sizes = new ScatterView(this);
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_balance);
    charts->addWidget(m_sizes);
    m_galleryLabel = new QLabel(this);
    m_classFilter = new QComboBox(this);
    m_classFilter->setObjectName(QStringLiteral("galleryClass"));
    m_classFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_thumbnails = new ThumbnailModel(this);
    m_gallery = new QListView(this);
    m_gallery->setObjectName(QStringLiteral("gallery"));
    m_gallery->setViewMode(QListView::IconMode);
    m_gallery->setIconSize(QSize(ThumbnailModel::kThumbnailSize, ThumbnailModel::kThumbnailSize));
    m_gallery->setGridSize(QSize(ThumbnailModel::kThumbnailSize + 24, ThumbnailModel::kThumbnailSize + 30));
    m_gallery->setResizeMode(QListView::Adjust);
    m_gallery->setUniformItemSizes(true);
    m_gallery->setMovement(QListView::Static);
    m_gallery->setModel(m_thumbnails);
    auto* galleryBox = new QWidget(this);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_galleryLabel);
    filterRow->addWidget(m_classFilter);
    filterRow->addStretch(1);
    auto* galleryLayout = new QVBoxLayout(galleryBox);
    galleryLayout->setContentsMargins(8, 0, 8, 0);
    galleryLayout->addLayout(filterRow);
    galleryLayout->addWidget(m_gallery, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    split->addWidget(galleryBox);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_header);
    layout->addWidget(split, 1);
    connect(m_classFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_thumbnails->setClassFilter(m_classFilter->currentData().toString()); });
}

void ImageDatasetPage::load() {
    const QString dir = m_workspace, reference = m_reference;
    runInPool<Opened>(
        this,
        [dir, reference] {
            Opened opened{loadDataset(dir, reference), {}};
            if (opened.dataset.table) opened.counts = countClasses(*opened.dataset.table);
            return opened;
        },
        [this](Opened opened) { showResult(opened); });
}

void ImageDatasetPage::showResult(const Opened& opened) {
    m_dataset = opened.dataset;
    m_counts = opened.counts;
    retranslateUi();
    if (!m_dataset.ok()) {
        Q_EMIT loaded(false);
        return;
    }
    const auto& table = m_dataset.table;
    m_sizes->setTable(table);
    m_sizes->setColumns(table->columnIndex("width"), table->columnIndex("height"), table->columnIndex("class"));
    {
        const QSignalBlocker blocker(m_classFilter);
        for (const auto& c : m_counts)
            m_classFilter->addItem(QStringLiteral("%1 (%2)").arg(c.first).arg(c.second), c.first);
    }
    const QString cache = QDir(m_workspace).filePath(QStringLiteral("cache/thumbnails"));
    m_thumbnails->setImages(table, m_dataset.objectsRoot, cache);
    Q_EMIT loaded(true);
}

void ImageDatasetPage::retranslateUi() {
    m_galleryLabel->setText(tr("Gallery:"));
    if (m_classFilter->count() == 0 || m_classFilter->itemData(0).toString().isEmpty()) {
        if (m_classFilter->count() == 0) m_classFilter->addItem(QString(), QString());
        m_classFilter->setItemText(0, tr("All classes"));
    }
    m_balance->setCounts(tr("Class balance"), tr("Class"), m_counts);
    if (!m_dataset.table) {
        m_header->setText(m_dataset.error.isEmpty() ? tr("Opening %1…").arg(m_reference.toHtmlEscaped())
                                                    : tr("<b>%1</b> could not be opened: %2")
                                                          .arg(m_reference.toHtmlEscaped(), m_dataset.error.toHtmlEscaped()));
        return;
    }
    const kiln::DatasetVersion& v = m_dataset.version;
    m_header->setText(tr("<b style='font-size:13pt'>%1</b> &nbsp;version %2 · %3 images in %4 classes · "
                         "imported from <span style='color:#5f6670'>%5</span>")
                          .arg(QString::fromStdString(v.dataset).toHtmlEscaped())
                          .arg(v.version)
                          .arg(QLocale().toString(qulonglong(m_dataset.table->rows())))
                          .arg(m_counts.size())
                          .arg(QString::fromStdString(v.sourcePath).toHtmlEscaped()) +
                      descriptionLine(m_dataset.description));
}

void ImageDatasetPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
