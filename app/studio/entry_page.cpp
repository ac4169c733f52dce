#include "app/studio/entry_page.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace kiln {
namespace studio {

using kiln::widgets::CatalogKind;

EntryPage::EntryPage(const kiln::widgets::CatalogEntry& entry, QWidget* parent)
    : QWidget(parent), m_entry(entry), m_title(new QLabel(this)), m_details(new QLabel(this)) {
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() + 6);
    font.setBold(true);
    m_title->setFont(font);
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addStretch(1);
    retranslateUi();
}

QString EntryPage::keyFor(const kiln::widgets::CatalogEntry& entry) {
    return QString::number(int(entry.kind)) + QLatin1Char(':') + entry.id;
}

void EntryPage::retranslateUi() {
    QString kind;
    QString comingNext;
    switch (m_entry.kind) {
        case CatalogKind::Dataset:
            kind = tr("Dataset");
            comingNext = tr("The table, column profiles and charts of this dataset open here.");
            break;
        case CatalogKind::Run:
            kind = tr("Run");
            comingNext = tr("The curves, log and evaluation of this run open here.");
            break;
        case CatalogKind::Model:
            kind = tr("Model");
            comingNext = tr("The versions, lineage and ONNX export of this model open here.");
            break;
        case CatalogKind::Sweep:
            kind = tr("Sweep");
            comingNext = tr("The comparison of this sweep's trials opens here.");
            break;
        case CatalogKind::Pipeline:
            kind = tr("Pipeline");
            comingNext = tr("The steps, runs and drift of this pipeline open here.");
            break;
    }
    m_title->setText(m_entry.name);
    m_details->setText(
        tr("<p><b>%1</b> · id <code>%2</code></p><p>%3</p><p style='color:gray'>%4</p>")
            .arg(kind, m_entry.id.toHtmlEscaped(), m_entry.detail.toHtmlEscaped(), comingNext));
}

void EntryPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
