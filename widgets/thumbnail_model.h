#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QPixmap>
#include <QSet>
#include <QVector>

#include <memory>

namespace kiln {
class Table;
}

namespace kiln {
namespace widgets {

// The images of an image dataset as a list (for a QListView in icon mode), optionally only one
// class. Thumbnails are made or read from the cache (core's imageThumbnail) in the pool when a
// view first asks for them, decoded there, kept in memory and announced with dataChanged.
class ThumbnailModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int kThumbnailSize = 128;

    explicit ThumbnailModel(QObject* parent = nullptr);

    // `table` is an image listing (file, class, width, height, sha256 columns).
    void setImages(std::shared_ptr<const kiln::Table> table, const QString& objectsRoot,
                   const QString& cacheDir);
    // Shows only the images of `label` (empty: all of them).
    void setClassFilter(const QString& label);
    // Thumbnails decoded so far (of all classes).
    int loadedCount() const { return m_cache.size(); }
    // Images whose thumbnail could not be made.
    int failedCount() const { return m_failed.size(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    struct Loaded;
    QString hashOf(int row) const;
    void request(const QString& hash) const;
    void loadPending();
    void arrived(const QVector<Loaded>& loaded);

    std::shared_ptr<const kiln::Table> m_table;
    QString m_objectsRoot, m_cacheDir;
    int m_fileColumn = -1, m_classColumn = -1, m_hashColumn = -1;
    QVector<quint64> m_rows;  // table rows shown, in order
    QHash<QString, QPixmap> m_cache;
    QSet<QString> m_failed;
    mutable QSet<QString> m_pending;
    mutable QVector<QString> m_queue;
    mutable bool m_scheduled = false;
    QPixmap m_pendingPixmap;
};

}  // namespace widgets
}  // namespace kiln
