#pragma once

#include <QJsonObject>
#include <QString>
#include <QVector>

#include "widgets/chart_panel.h"

class QComboBox;
class QLabel;

namespace kiln {
namespace widgets {

class ImportanceCanvas;

// A run's feature importance from report.json's "importance": permutation importance (how much
// the test metric drops when one input column is shuffled, mean ± std over the repeats; every
// table family) and, for tree families, the total gain of the splits on each input column.
// Horizontal bars, the most important on top, the std drawn as a whisker and every value written
// at its bar; the most important kImportanceBars are shown and the caption says how many there
// are. A toggle picks the kind when both exist (gain first for trees is not assumed: permutation
// is shown first, as it compares families on one scale).
class ImportanceChart : public ChartPanel {
    Q_OBJECT
public:
    enum class Kind { Permutation, Gain };
    static constexpr int kImportanceBars = 20;

    explicit ImportanceChart(QWidget* parent = nullptr);

    // `importance` is report.json's "importance" object; an empty one shows nothing.
    void setImportance(const QJsonObject& importance);
    bool hasKind(Kind kind) const;
    Kind kind() const { return m_kind; }
    void setKind(Kind kind);
    // True when there is anything to show.
    bool hasImportance() const { return hasKind(Kind::Permutation) || hasKind(Kind::Gain); }
    QComboBox* kindBox() const { return m_kindBox; }

    // The bars drawn now, top to bottom.
    int barCount() const;
    QString barLabel(int index) const;
    double barValue(int index) const;

protected:
    void retranslateUi() override;

private:
    struct Bar {
        QString feature;
        double value = 0;
        double std = 0;  // 0 for gain
    };
    void draw();

    QJsonObject m_importance;
    QVector<Bar> m_permutation, m_gain;
    Kind m_kind = Kind::Permutation;
    QLabel* m_kindLabel;
    QComboBox* m_kindBox;
    ImportanceCanvas* m_canvas;
};

}  // namespace widgets
}  // namespace kiln
