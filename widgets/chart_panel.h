#pragma once

#include <QColor>
#include <QWidget>

class QAbstractAxis;
class QChart;
class QChartView;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace kiln {
namespace widgets {

// The one layer between Kiln and the chart library (Qt Charts today): every Kiln chart is a
// ChartPanel with a row of controls, a canvas, a caption and a Save button (PNG or SVG). Charts
// made with Qt Charts get the house look from styleChart()/styleAxis(); other canvases (the
// heatmap) paint themselves. Subclasses compute in the pool and call setBusy()/setCaption().
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget* parent = nullptr);

    // Writes the canvas as it is drawn now, atomically (a temporary renamed into place); false
    // when the file cannot be written or is refused (a file inside a Kiln workspace, a folder,
    // a FIFO, a device), saveError() then says why in the user's language.
    bool savePng(const QString& path) const;
    bool saveSvg(const QString& path) const;
    QString saveError() const { return m_saveError; }
    QWidget* canvas() const { return m_canvas; }
    QString caption() const;
    // True while a computation for the chart is under way.
    bool isBusy() const { return m_busy; }
    // What hovering over the chart shows now (the values under the cursor), empty when nothing.
    QString tipText() const { return m_tip; }

    // A colour of the house palette (cycles after ten).
    static QColor seriesColor(int index);

Q_SIGNALS:
    // The chart shows the result of the latest computation (or its error).
    void updated();

protected:
    void setCanvas(QWidget* canvas);
    QHBoxLayout* controls() const { return m_controls; }
    void setCaption(const QString& text);
    void setBusy(bool busy);
    // Shows `text` beside the cursor (a hovered bar, box, point or bin); empty hides it.
    void showTip(const QString& text);
    // A number as the tips write it: up to 4 significant digits, grouped by the locale.
    static QString tipNumber(double value);
    void changeEvent(QEvent* event) override;
    virtual void retranslateUi();

    // A chart view with the house look; the panel takes it as its canvas.
    QChartView* createChartView();
    static void styleChart(QChart* chart, const QString& title);
    static void styleAxis(QAbstractAxis* axis, const QString& title);

private:
    void chooseFile(bool svg);
    // The path to write `path` to (links resolved), or empty with m_saveError set.
    QString checkedPath(const QString& path) const;

    QHBoxLayout* m_controls;
    QWidget* m_canvas = nullptr;
    QLabel* m_caption;
    QToolButton* m_save;
    bool m_busy = false;
    QString m_tip;
    mutable QString m_saveError;
};

}  // namespace widgets
}  // namespace kiln
