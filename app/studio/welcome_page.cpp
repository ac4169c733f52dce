#include "app/studio/welcome_page.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "app/studio/sample_texts.h"

namespace kiln {
namespace studio {
namespace {

QLabel* makeLabel(QWidget* parent, int pointDelta, bool bold) {
    auto* label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() + pointDelta);
    font.setBold(bold);
    label->setFont(font);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent),
      m_icon(new QLabel(this)),
      m_title(makeLabel(this, 9, true)),
      m_subtitle(makeLabel(this, 1, false)),
      m_import(new QPushButton(this)),
      m_open(new QPushButton(this)) {
    setObjectName(QStringLiteral("welcomePage"));
    m_icon->setPixmap(QIcon(QStringLiteral(":/icons/kiln.svg")).pixmap(88, 88));
    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    header->addWidget(m_icon);
    header->addSpacing(16);
    header->addLayout(titles, 1);

    auto* buttons = new QHBoxLayout;
    m_import->setDefault(true);
    buttons->addWidget(m_import);
    buttons->addWidget(m_open);
    buttons->addStretch(1);

    auto* column = new QVBoxLayout;
    column->addLayout(header);
    column->addSpacing(12);
    column->addWidget(buildCard(m_startTitle, m_startBody));
    QWidget* samples = buildCard(m_samplesTitle, m_samplesBody);
    samples->setObjectName(QStringLiteral("welcomeCard"));
    m_sampleRows = new QGridLayout;
    m_sampleRows->setColumnStretch(0, 1);
    m_sampleRows->setHorizontalSpacing(16);
    m_sampleRows->setVerticalSpacing(10);
    static_cast<QVBoxLayout*>(samples->layout())->addLayout(m_sampleRows);
    column->addWidget(samples);
    column->addWidget(buildCard(m_workspaceTitle, m_workspaceBody));
    column->addLayout(buttons);
    column->addStretch(1);

    // The page scrolls rather than squeezing its cards when the window is short.
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("welcomeContent"));
    auto* outer = new QHBoxLayout(content);
    outer->setContentsMargins(40, 24, 40, 16);
    outer->addStretch(1);
    outer->addLayout(column, 8);
    outer->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(0, 0, 0, 0);
    page->addWidget(scroll);

    connect(m_import, &QPushButton::clicked, this, &WelcomePage::importRequested);
    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openWorkspaceRequested);
    retranslateUi();
}

QWidget* WelcomePage::buildCard(QLabel*& title, QLabel*& body) {
    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("welcomeCard"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setStyleSheet(QStringLiteral(
        "QFrame#welcomeCard { background: palette(base); border: 1px solid palette(mid);"
        " border-radius: 8px; }"));
    title = makeLabel(card, 2, true);
    body = makeLabel(card, 0, false);
    body->setTextFormat(Qt::RichText);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->addWidget(title);
    layout->addWidget(body);
    return card;
}

void WelcomePage::setWorkspace(const QString& path) {
    m_workspace = path;
    m_haveCounts = false;
    retranslateUi();
}

void WelcomePage::setCounts(const kiln::CatalogCounts& counts) {
    m_counts = counts;
    m_haveCounts = true;
    retranslateUi();
}

void WelcomePage::setSamples(const std::vector<kiln::Sample>& samples) {
    m_samples = samples;
    while (QLayoutItem* item = m_sampleRows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QWidget* card = m_samplesTitle->parentWidget();
    for (int row = 0; row < int(m_samples.size()); ++row) {
        const QString name = QString::fromStdString(m_samples[row].name);
        auto* text = makeLabel(card, 0, false);
        text->setTextFormat(Qt::RichText);
        text->setObjectName(QStringLiteral("sampleText_") + name);
        auto* open = new QPushButton(card);
        open->setObjectName(QStringLiteral("openSample_") + name);
        connect(open, &QPushButton::clicked, this, [this, name] { Q_EMIT sampleRequested(name); });
        m_sampleRows->addWidget(text, row, 0);
        m_sampleRows->addWidget(open, row, 1, Qt::AlignVCenter);
    }
    retranslateSamples();
}

void WelcomePage::retranslateSamples() {
    m_samplesTitle->setText(tr("Try a sample"));
    m_samplesBody->setText(
        m_samples.empty()
            ? tr("Kiln's sample datasets are not installed here.")
            : tr("Datasets that come with Kiln, to train a first model within a minute. Opening "
                 "one imports it into this workspace."));
    const QString quiet = m_samplesBody->palette().color(QPalette::PlaceholderText).name();
    for (int row = 0; row < m_sampleRows->rowCount(); ++row) {
        QLayoutItem* textItem = m_sampleRows->itemAtPosition(row, 0);
        QLayoutItem* buttonItem = m_sampleRows->itemAtPosition(row, 1);
        if (!textItem || !buttonItem || row >= int(m_samples.size())) continue;
        const kiln::Sample& sample = m_samples[row];
        static_cast<QLabel*>(textItem->widget())
            ->setText(QStringLiteral("<b>%1</b> · %2<br><span style='color:%4'>%3</span>")
                          .arg(sampleTitle(sample).toHtmlEscaped(),
                               sampleSummary(sample).toHtmlEscaped(),
                               sampleDescription(sample).toHtmlEscaped(), quiet));
        static_cast<QPushButton*>(buttonItem->widget())->setText(tr("Open"));
    }
}

QString WelcomePage::countsText() const {
    if (m_workspace.isEmpty()) return tr("No workspace is open.");
    if (!m_haveCounts) return tr("Reading the catalog…");
    return tr("Datasets: %1 (versions: %2) · Runs: %3 · Models: %4 · Remote hosts: %5")
        .arg(m_counts.datasets)
        .arg(m_counts.datasetVersions)
        .arg(m_counts.runs)
        .arg(m_counts.models)
        .arg(m_counts.hosts);
}

void WelcomePage::retranslateUi() {
    m_title->setText(tr("Welcome to Kiln Studio"));
    m_subtitle->setText(
        tr("Explore datasets, train models on this machine or a remote one, compare runs and "
           "export verified ONNX models."));
    m_startTitle->setText(tr("Bring in data"));
    m_startBody->setText(
        tr("Drag CSV or TSV files, or a folder of images with one sub-folder per class, anywhere "
           "onto this window. Or choose <b>File ▸ Import…</b>. Several files at once are fine."));
    retranslateSamples();
    m_workspaceTitle->setText(tr("Workspace"));
    const QString path = m_workspace.isEmpty() ? tr("none") : m_workspace.toHtmlEscaped();
    m_workspaceBody->setText(QStringLiteral("<code>%1</code><br>%2").arg(path, countsText()));
    m_import->setText(tr("Import…"));
    m_open->setText(tr("Open Workspace…"));
}

void WelcomePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
