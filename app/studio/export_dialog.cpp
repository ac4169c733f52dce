#include "app/studio/export_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFont>
#include <QEvent>
#include <QRegularExpression>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/message_texts.h"

namespace kiln {
namespace studio {

QString formatDifference(double value) {
    if (value == 0) return QStringLiteral("0");
    return QString::number(value, 'g', 3);
}

ExportResultDialog::ExportResultDialog(const ExportOutcome& outcome, QWidget* parent)
    : QDialog(parent), m_outcome(outcome), m_verdict(new QLabel(this)), m_form(new QFormLayout) {
    setObjectName(QStringLiteral("exportResultDialog"));
    const bool good = outcome.ok && outcome.passed;

    m_verdict->setObjectName(QStringLiteral("exportVerdict"));
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_verdict->setFont(big);
    m_verdict->setStyleSheet(
        good ? QStringLiteral("QLabel { color: #ffffff; background: #2e7d32; border-radius: 6px; "
                              "padding: 8px 14px; }")
             : QStringLiteral("QLabel { color: #ffffff; background: #b3261e; border-radius: 6px; "
                              "padding: 8px 14px; }"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("exportSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!good) m_summary->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_form->setLabelAlignment(Qt::AlignRight);
    m_form->setHorizontalSpacing(16);
    m_form->setVerticalSpacing(6);

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("exportFigures"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setLayout(m_form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    if (outcome.ok && !outcome.sha256.isEmpty()) {
        m_copy = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
        m_copy->setObjectName(QStringLiteral("copyShaButton"));
        connect(m_copy, &QPushButton::clicked, this,
                [this] { QApplication::clipboard()->setText(m_outcome.sha256); });
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 12);
    layout->setSpacing(12);
    layout->addWidget(m_verdict);
    layout->addWidget(m_summary);
    layout->addWidget(card);
    layout->addStretch(1);
    layout->addWidget(buttons);
    retranslateUi();
    resize(720, sizeHint().height());
}

// The texts, in the language chosen now: the verdict, the summary and the figures.
void ExportResultDialog::retranslateUi() {
    const ExportOutcome& outcome = m_outcome;
    const bool good = outcome.ok && outcome.passed;
    setWindowTitle(tr("ONNX Export"));
    m_verdict->setText(verdictText());
    if (good)
        m_summary->setText(
            tr("The file was checked and read back from disk; it reproduces the trained model on "
               "%1 held-out rows.")
                .arg(QLocale().toString(static_cast<int>(outcome.rows))));
    else
        m_summary->setText(kiln::widgets::localMessage(outcome.error.isEmpty() ? outcome.message : outcome.error));
    if (m_copy) m_copy->setText(tr("Copy SHA-256"));
    while (m_form->rowCount() > 0) m_form->removeRow(0);
    const QString yes = QStringLiteral("✔ "), no = QStringLiteral("✘ ");
    addRow(tr("Run"), outcome.runId, QStringLiteral("runValue"));
    addRow(tr("File"), outcome.file, QStringLiteral("fileValue"));
    if (!outcome.ok) return;
    addRow(tr("ONNX checker"), (outcome.checker.isEmpty() ? no : yes) + checkerText(outcome.checker),
           QStringLiteral("checkerValue"));
    addRow(tr("Rows compared"), QLocale().toString(outcome.rows), QStringLiteral("rowsValue"),
           tr("Held-out rows run through the file and through the trained model"));
    if (outcome.classification) {
        addRow(tr("Max |Δ probability|"),
               tr("%1 (tolerance %2)").arg(formatDifference(outcome.maxAbsDiff), formatDifference(outcome.tolerance)),
               QStringLiteral("diffValue"));
        addRow(tr("Labels differing"), QLocale().toString(outcome.labelMismatches), QStringLiteral("labelsValue"));
    } else {
        addRow(tr("Max relative error"),
               tr("%1 (tolerance %2)").arg(formatDifference(outcome.maxRelDiff), formatDifference(outcome.tolerance)),
               QStringLiteral("diffValue"));
        addRow(tr("Max |Δ value|"), formatDifference(outcome.maxAbsDiff), QStringLiteral("absDiffValue"));
    }
    addRow(tr("File size"),
           tr("%1 (%2 bytes)").arg(QLocale().formattedDataSize(outcome.bytes), QLocale().toString(outcome.bytes)),
           QStringLiteral("sizeValue"));
    addRow(tr("SHA-256"), outcome.sha256, QStringLiteral("shaValue"));
    addRow(tr("Time"),
           tr("%1 s in all, %2 s verifying")
               .arg(QString::number(outcome.seconds, 'f', 2), QString::number(outcome.verifySeconds, 'f', 2)),
           QStringLiteral("timeValue"));
}

QString ExportResultDialog::checkerText(const QString& line) {
    static const QRegularExpression passed(
        QStringLiteral("^onnx checker \\+ shape inference passed \\((.*), (\\d+) nodes\\)$"));
    const QRegularExpressionMatch m = passed.match(line);
    if (!m.hasMatch()) return line;
    return tr("the ONNX checker and shape inference passed (%1, %Ln node(s))", nullptr, m.captured(2).toInt())
        .arg(m.captured(1));
}

void ExportResultDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

QString ExportResultDialog::verdictText() const {
    if (m_outcome.ok && m_outcome.passed) return tr("✔ Verified — the ONNX file matches the trained model");
    return tr("✘ Export failed — the file was not written");
}

void ExportResultDialog::addRow(const QString& label, const QString& value, const QString& name,
                                const QString& tip) {
    auto* field = new QLabel(value, this);
    field->setObjectName(name);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    if (name == QLatin1String("shaValue") || name == QLatin1String("fileValue"))
        field->setFont(QFont(QStringLiteral("monospace")));
    if (!tip.isEmpty()) field->setToolTip(tip);
    auto* caption = new QLabel(label, this);
    caption->setEnabled(false);
    m_form->addRow(caption, field);
}

QString ExportResultDialog::fieldText(const QString& field) const {
    auto* label = findChild<QLabel*>(field);
    return label ? label->text() : QString();
}

}  // namespace studio
}  // namespace kiln
