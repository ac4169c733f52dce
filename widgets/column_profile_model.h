#pragma once

#include <QAbstractTableModel>

#include <memory>

namespace kiln {
struct ColumnProfile;
struct TableProfile;
}  // namespace kiln

namespace kiln {
namespace widgets {

// One row per column of a profile: name, type, missing, distinct, mean, std, min, max and the
// histogram (SparklineRole, drawn by SparklineDelegate). Dates and date-times read as dates.
class ColumnProfileModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Type, Missing, Distinct, Mean, Std, Min, Max, Distribution, ColumnCount };
    // The histogram counts (QList<qreal>) of a numeric column, or the top counts of the others.
    static constexpr int SparklineRole = Qt::UserRole + 1;

    explicit ColumnProfileModel(QObject* parent = nullptr);

    void setProfile(std::shared_ptr<const kiln::TableProfile> profile);
    const kiln::TableProfile* profile() const { return m_profile.get(); }
    const kiln::ColumnProfile* columnProfile(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A value of a column as a person reads it: dates as dates, numbers to 4 significant digits.
    static QString formatValue(const kiln::ColumnProfile& column, double value);
    // A spread (std) in the column's unit: days for dates.
    static QString formatSpread(const kiln::ColumnProfile& column, double value);

private:
    QVariant display(const kiln::ColumnProfile& column, int field) const;

    std::shared_ptr<const kiln::TableProfile> m_profile;
};

}  // namespace widgets
}  // namespace kiln
