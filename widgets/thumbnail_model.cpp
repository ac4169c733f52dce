#include "widgets/thumbnail_model.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QTimer>

#include <exception>

#include "core/modules/engine_module.h"
#include "core/data/table.h"
#include "core/store/object_store.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace widgets {

struct ThumbnailModel::Loaded {
    QString hash;
    QImage image;
};

namespace {

constexpr int kBatch = 24;

QPixmap pendingPixmap(int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xe8, 0xeb, 0xef));
    painter.drawRoundedRect(QRectF(8, 8, size - 16, size - 16), 6, 6);
    return pixmap;
}

}  // namespace

ThumbnailModel::ThumbnailModel(QObject* parent)
    : QAbstractListModel(parent), m_pendingPixmap(pendingPixmap(kThumbnailSize)) {}

void ThumbnailModel::setImages(std::shared_ptr<const kiln::Table> table, const QString& objectsRoot,
                               const QString& cacheDir) {
    m_table = std::move(table);
    m_objectsRoot = objectsRoot;
    m_cacheDir = cacheDir;
    m_fileColumn = m_table ? m_table->columnIndex("file") : -1;
    m_classColumn = m_table ? m_table->columnIndex("class") : -1;
    m_hashColumn = m_table ? m_table->columnIndex("sha256") : -1;
    setClassFilter({});
}

void ThumbnailModel::setClassFilter(const QString& label) {
    beginResetModel();
    m_rows.clear();
    if (m_table && m_hashColumn >= 0) {
        const std::string wanted = label.toStdString();
        for (std::uint64_t row = 0; row < m_table->rows(); ++row) {
            const bool match = label.isEmpty() || (m_classColumn >= 0 &&
                                                   m_table->column(std::size_t(m_classColumn)).text(row) == wanted);
            if (match) m_rows.push_back(row);
        }
    }
    endResetModel();
}

int ThumbnailModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ThumbnailModel::hashOf(int row) const {
    return QString::fromStdString(m_table->column(std::size_t(m_hashColumn)).text(m_rows[row]));
}

QVariant ThumbnailModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_table) return {};
    const quint64 row = m_rows[index.row()];
    const QString file = m_fileColumn >= 0
                             ? QString::fromStdString(m_table->column(std::size_t(m_fileColumn)).text(row))
                             : QString();
    if (role == Qt::DisplayRole) return QFileInfo(file).fileName();
    if (role == Qt::ToolTipRole) return file;
    if (role != Qt::DecorationRole) return {};
    const QString hash = hashOf(index.row());
    if (auto it = m_cache.constFind(hash); it != m_cache.constEnd()) return *it;
    if (!m_failed.contains(hash)) request(hash);
    return m_pendingPixmap;
}

void ThumbnailModel::request(const QString& hash) const {
    if (m_pending.contains(hash)) return;
    m_pending.insert(hash);
    m_queue.push_back(hash);
    if (m_scheduled) return;
    m_scheduled = true;
    // Collect what one paint asks for, then load it in batches.
    QTimer::singleShot(0, const_cast<ThumbnailModel*>(this), &ThumbnailModel::loadPending);
}

void ThumbnailModel::loadPending() {
    m_scheduled = false;
    while (!m_queue.isEmpty()) {
        const QVector<QString> batch = m_queue.mid(0, kBatch);
        m_queue.remove(0, batch.size());
        const std::string root = m_objectsRoot.toStdString(), cache = m_cacheDir.toStdString();
        runInPool<QVector<Loaded>>(
            this,
            [batch, root, cache] {
                QVector<Loaded> out;
                const kiln::ObjectStore store(root);
                auto engines = kiln::engineModule();
                for (const QString& hash : batch) {
                    Loaded loaded{hash, {}};
                    try {
                        auto path = engines ? (*engines)->imageThumbnail(store, hash.toStdString(), cache,
                                                                         kThumbnailSize)
                                            : kiln::Result<std::filesystem::path>(engines.error());
                        if (path) loaded.image = QImage(QString::fromStdString(path.value().string()));
                    } catch (const std::exception&) {
                        // A thumbnail that cannot be made keeps the pending picture.
                    }
                    out.push_back(std::move(loaded));
                }
                return out;
            },
            [this](QVector<Loaded> loaded) { arrived(loaded); });
    }
}

void ThumbnailModel::arrived(const QVector<Loaded>& loaded) {
    QSet<QString> done;
    for (const Loaded& l : loaded) {
        m_pending.remove(l.hash);
        if (l.image.isNull())
            m_failed.insert(l.hash);
        else
            m_cache.insert(l.hash, QPixmap::fromImage(l.image));
        done.insert(l.hash);
    }
    for (int r = 0; r < m_rows.size(); ++r)
        if (done.contains(hashOf(r))) Q_EMIT dataChanged(index(r), index(r), {Qt::DecorationRole});
}

}  // namespace widgets
}  // namespace kiln
