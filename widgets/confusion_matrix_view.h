#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

namespace kiln {
namespace widgets {

// A confusion matrix as a heatmap: rows are the actual classes, columns the predicted ones.
// Each cell shows its count and its share of the row (the recall of that row's class on the
// diagonal); the colour follows that share, so a good classifier has a dark diagonal. Cells too
// small for both (ten classes in a laptop window) show the one chosen (counts, or shares with
// setSharesFirst), and hovering any cell says both. The counts come from a run's report.
class ConfusionMatrixView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    // `counts` is row-major, classes.size() squared (rows: actual, columns: predicted).
    void setMatrix(const QStringList& classes, const QVector<qint64>& counts);
    void setTitle(const QString& title);
    int classCount() const { return m_classes.size(); }
    qint64 count(int actual, int predicted) const;
    // The share of row `actual` predicted as `predicted` (0 for an empty row).
    double rowShare(int actual, int predicted) const;
    // The colour of a cell whose row share is `share` (0..1).
    static QColor colourFor(double share);
    // Shares (row percentages) as the main number of each cell, counts under them or in the tip.
    void setSharesFirst(bool shares);
    bool sharesFirst() const { return m_sharesFirst; }
    // Whether the class names under the grid read upwards (wider than a cell, so not cut).
    bool turnsColumnNames() const;
    // Whether each cell has room for both numbers at the present size.
    bool showsBothNumbers() const;
    // What hovering the cell says: "Actual 3, predicted 4: 3 rows (10% of actual 3)".
    QString cellTip(int actual, int predicted) const;
    // The cell under `point` as {actual, predicted}, or {-1, -1}.
    QPoint cellAt(const QPoint& point) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Layout;
    Layout layoutFor() const;
    void paintCells(QPainter& painter, const Layout& l) const;
    void paintNames(QPainter& painter, const Layout& l) const;

    QStringList m_classes;
    QVector<qint64> m_counts;
    QString m_title;
    bool m_sharesFirst = false;
};

}  // namespace widgets
}  // namespace kiln
