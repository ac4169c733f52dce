#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

namespace kiln {
namespace widgets {

// Paints a square matrix of values in [-1, 1] as coloured cells (blue negative, white zero, red
// positive) with the value written in each cell, row and column names, a title and a colour
// scale. NaN cells are grey with "–". Used by CorrelationHeatmap; paints only, computes nothing.
class HeatmapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapCanvas(QWidget* parent = nullptr);

    // `values` is row-major, names.size() squared.
    void setMatrix(const QStringList& names, const QVector<double>& values);
    void setTitle(const QString& title);
    const QVector<double>& values() const { return m_values; }
    // The colour of a value (NaN: grey).
    static QColor colourFor(double value);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Layout;
    Layout layoutFor() const;
    void paintCells(QPainter& painter, const Layout& l) const;
    void paintNames(QPainter& painter, const Layout& l) const;
    void paintScale(QPainter& painter, const Layout& l) const;

    QStringList m_names;
    QVector<double> m_values;
    QString m_title;
};

}  // namespace widgets
}  // namespace kiln
