#pragma once

#include <QAbstractTableModel>

#include "core/data/csv_preview.h"

namespace kiln {
namespace widgets {

// The first rows of a CSV/TSV file as an import would read them: each header names the column
// and its type (marked when the user chose it, "(skipped)" for a column left out, whose cells are
// grey); missing markers are grey and italic.
class TablePreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TablePreviewModel(QObject* parent = nullptr);

    void setPreview(const kiln::TablePreview& preview);
    const kiln::TablePreview& preview() const { return m_preview; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    kiln::TablePreview m_preview;
};

}  // namespace widgets
}  // namespace kiln
