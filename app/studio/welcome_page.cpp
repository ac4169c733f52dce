#include "app/studio/welcome_page.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

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
    column->addWidget(buildCard(m_workspaceTitle, m_workspaceBody));
    column->addLayout(buttons);
    column->addStretch(1);

    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(40, 32, 40, 24);
    outer->addStretch(1);
    outer->addLayout(column, 8);
    outer->addStretch(1);

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
