#pragma once

#include <QDialog>
#include <QString>

class QFormLayout;
class QLabel;
class QPushButton;

namespace kiln {
namespace studio {

// What an export (or a registration's export) produced, as the result dialog shows it. Filled
// from kiln::ExportResult on success; on failure `ok` is false and `error` holds core's message
// (a failed verification names its figures there).
struct ExportOutcome {
    bool ok = false;
    QString runId;
    QString file;
    QString error;
    QString sha256;
    qint64 bytes = 0;
    bool passed = false;
    QString checker;
    qint64 rows = 0;
    bool classification = true;
    double maxAbsDiff = 0;
    double maxRelDiff = 0;
    qint64 labelMismatches = 0;
    double tolerance = 1e-4;
    double verifySeconds = 0;
    double seconds = 0;
    QString message;
};

// The result of Export ONNX…: a plain verdict (verified / failed) and the figures behind it:
// ONNX checker, held-out rows compared, max |Δ probability| (or relative error for regression),
// labels differing, file size, SHA-256 and time. A failure shows the reason and what is known.
class ExportResultDialog : public QDialog {
    Q_OBJECT
public:
    // Core's checker line ("onnx checker + shape inference passed (…, 13 nodes)") in the language
    // chosen (the Models tab says it too); another line is shown as core wrote it.
    static QString checkerText(const QString& line);
    explicit ExportResultDialog(const ExportOutcome& outcome, QWidget* parent = nullptr);

    const ExportOutcome& outcome() const { return m_outcome; }
    // The verdict line ("Verified", "Verification failed").
    QString verdictText() const;
    // The value shown for the field whose object name is `field` (e.g. "rowsValue").
    QString fieldText(const QString& field) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void addRow(const QString& label, const QString& value, const QString& name,
                const QString& tip = {});

    ExportOutcome m_outcome;
    QLabel* m_verdict;
    QLabel* m_summary = nullptr;
    QPushButton* m_copy = nullptr;
    QFormLayout* m_form;
};

// "1.2e-07", "0" — a small difference written so a person can compare it with the tolerance.
QString formatDifference(double value);

}  // namespace studio
}  // namespace kiln
