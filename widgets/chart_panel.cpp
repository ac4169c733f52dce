#include "widgets/chart_panel.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QLocale>
#include <QToolButton>
#include <QToolTip>
#include <QCursor>
#include <QVBoxLayout>

#include <cmath>

#include "core/store/output_file.h"
#include "widgets/recent_folder.h"

namespace kiln {
namespace widgets {
namespace {

// Tableau 10: distinct, colour-blind-friendly hues that read on white.
constexpr QRgb kPalette[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                             0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};

}  // namespace

ChartPanel::ChartPanel(QWidget* parent)
    : QWidget(parent),
      m_controls(new QHBoxLayout),
      m_caption(new QLabel(this)),
      m_save(new QToolButton(this)) {
    m_save->setObjectName(QStringLiteral("saveChartButton"));
    m_save->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_save);
    menu->addAction(QString(), this, [this] { chooseFile(false); });
    menu->addAction(QString(), this, [this] { chooseFile(true); });
    m_save->setMenu(menu);
    m_controls->setContentsMargins(0, 0, 0, 0);
    m_controls->setSpacing(8);
    m_caption->setObjectName(QStringLiteral("chartCaption"));
    m_caption->setWordWrap(true);
    m_caption->setStyleSheet(QStringLiteral("color: #5f6670;"));
    auto* top = new QHBoxLayout;
    top->addLayout(m_controls, 1);
    top->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_caption);
    retranslateUi();
}

void ChartPanel::setCanvas(QWidget* canvas) {
    m_canvas = canvas;
    canvas->setContextMenuPolicy(Qt::ActionsContextMenu);
    canvas->addActions(m_save->menu()->actions());
    static_cast<QVBoxLayout*>(layout())->insertWidget(1, canvas, 1);
}

QChartView* ChartPanel::createChartView() {
    auto* chart = new QChart;
    auto* view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 240);
    setCanvas(view);
    return view;
}

void ChartPanel::styleChart(QChart* chart, const QString& title) {
    chart->setTheme(QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(6, 6, 6, 6));
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(11.5);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(QColor(0x22, 0x28, 0x30));
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(9);
    chart->legend()->setFont(legendFont);
    chart->setAnimationOptions(QChart::NoAnimation);
}

void ChartPanel::styleAxis(QAbstractAxis* axis, const QString& title) {
    QFont font = axis->titleFont();
    font.setPointSizeF(9.5);
    font.setBold(false);
    axis->setTitleFont(font);
    axis->setTitleText(title);
    axis->setTitleBrush(QColor(0x3a, 0x40, 0x48));
    QFont labels = axis->labelsFont();
    labels.setPointSizeF(8.5);
    axis->setLabelsFont(labels);
    axis->setLabelsColor(QColor(0x4a, 0x50, 0x58));
    axis->setGridLineColor(QColor(0xe4, 0xe7, 0xeb));
    axis->setLinePenColor(QColor(0xa0, 0xa6, 0xad));
}

QColor ChartPanel::seriesColor(int index) {
    const int count = int(sizeof(kPalette) / sizeof(kPalette[0]));
    return QColor(kPalette[((index % count) + count) % count]);
}

QString ChartPanel::checkedPath(const QString& path) const {
    m_saveError.clear();
    auto checked = kiln::checkOutputPath(path.toStdString());
    if (checked) return QString::fromStdString(checked->string());
    switch (kiln::outputRefusal(checked.error())) {
        case kiln::OutputRefusal::InsideWorkspace:
            m_saveError =
                tr("%1 is inside a Kiln workspace; Kiln does not save charts among its own "
                   "files. Choose another folder.")
                    .arg(path);
            break;
        case kiln::OutputRefusal::NotRegularFile:
            m_saveError = tr("%1 is not a regular file (a folder, a pipe or a device).").arg(path);
            break;
        case kiln::OutputRefusal::MissingFolder:
            m_saveError = tr("The folder of %1 does not exist.").arg(path);
            break;
        case kiln::OutputRefusal::None:
            m_saveError = tr("Could not write %1").arg(path);
            break;
    }
    return QString();
}

bool ChartPanel::savePng(const QString& path) const {
    if (!m_canvas) return false;
    const QString target = checkedPath(path);
    if (target.isEmpty()) return false;
    const qreal ratio = 2.0;  // crisp on high-density screens and in documents
    QImage image(m_canvas->size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    QPainter painter(&image);
    m_canvas->render(&painter);
    painter.end();
    QSaveFile file(target);
    if (file.open(QIODevice::WriteOnly) && image.save(&file, "PNG") && file.commit()) return true;
    m_saveError = tr("Could not write %1: %2").arg(path, file.errorString());
    return false;
}

bool ChartPanel::saveSvg(const QString& path) const {
    if (!m_canvas) return false;
    const QString target = checkedPath(path);
    if (target.isEmpty()) return false;
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly)) {
        m_saveError = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(m_canvas->size());
    generator.setViewBox(QRect(QPoint(0, 0), m_canvas->size()));
    generator.setTitle(windowTitle());
    QPainter painter;
    if (!painter.begin(&generator)) return false;
    m_canvas->render(&painter);
    if (painter.end() && file.commit()) return true;
    m_saveError = tr("Could not write %1: %2").arg(path, file.errorString());
    return false;
}

void ChartPanel::chooseFile(bool svg) {
    const QString filter = svg ? tr("SVG image (*.svg)") : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Save Chart"),
                                                recentFolder(QStringLiteral("chart")), filter);
    if (path.isEmpty()) return;
    rememberFolder(QStringLiteral("chart"), path);
    const QString suffix = svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    if (!path.endsWith(suffix, Qt::CaseInsensitive)) path += suffix;
    const bool saved = svg ? saveSvg(path) : savePng(path);
    if (!saved)
        setCaption(m_saveError.isEmpty() ? tr("Could not write %1").arg(path) : m_saveError);
}

QString ChartPanel::caption() const { return m_caption->text(); }

void ChartPanel::setCaption(const QString& text) {
    m_caption->setText(text);
    m_caption->setVisible(!text.isEmpty());
}

void ChartPanel::setBusy(bool busy) {
    m_busy = busy;
    if (busy) setCaption(tr("Computing…"));
    if (!busy) Q_EMIT updated();
}

void ChartPanel::showTip(const QString& text) {
    m_tip = text;
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text, m_canvas);
}

QString ChartPanel::tipNumber(double value) {
    const double magnitude = std::fabs(value);
    if (value == std::floor(value) && magnitude < 1e15) return QLocale().toString(qlonglong(value));
    return QLocale().toString(value, 'g', magnitude >= 1e-3 && magnitude < 1e6 ? 4 : 3);
}

void ChartPanel::retranslateUi() {
    m_save->setText(tr("Save"));
    m_save->setToolTip(tr("Save the chart as an image"));
    const QList<QAction*> actions = m_save->menu()->actions();
    actions.at(0)->setText(tr("Save as PNG…"));
    actions.at(1)->setText(tr("Save as SVG…"));
}

void ChartPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
