#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

namespace kiln {
namespace widgets {

// A confusion matrix as a heatmap: rows are the actual classes, columns the predicted ones.
// Each cell shows its count and its share of the row (the recall of that row's class on the
// diagonal); the colour follows that share, so a good classifier has a dark diagonal.
// Paints only; the counts come from a run's report.
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

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Layout;
    Layout layoutFor() const;
    void paintCells(QPainter& painter, const Layout& l) const;
    void paintNames(QPainter& painter, const Layout& l) const;

    QStringList m_classes;
    QVector<qint64> m_counts;
    QString m_title;
};

}  // namespace widgets
}  // namespace kiln
