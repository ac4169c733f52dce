#pragma once

#include <QGroupBox>
#include <QStringList>
#include <QVector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;
class QWidget;

namespace kiln {
namespace studio {

// Small builders for form fields (the Train panel's), named so tests can find them.

// A combo box whose items carry `values` as data (their texts are set on translation).
QComboBox* choiceBox(QWidget* parent, const char* name, const QStringList& values);
QSpinBox* intBox(QWidget* parent, const char* name, int min, int max, int value);
// More than 4 decimals makes a RealSpinBox (0.001, 1e-05) instead of fixed decimals.
QDoubleSpinBox* realBox(QWidget* parent, const char* name, double min, double max, double step,
                        int decimals, double value);
// The data of the current item.
QString choice(const QComboBox* box);
// Sets the text of the label in front of `field`.
void setLabel(QFormLayout* form, QWidget* field, const QString& text);
// Sets item texts in order.
void setItemTexts(QComboBox* box, const QStringList& texts);

// One titled group of labelled fields (a QGroupBox over a QFormLayout). Each row is declared once,
// with its label's source text marked QT_TR_NOOP in the owner's class, whose translation context
// the section is given; retranslate() sets the title and every label (and check box text) in the
// current language. Rows are laid out in the order they are added.
class FormSection : public QGroupBox {
public:
    // `context` is the owner's translation context ("kiln::studio::TrainPanel"); `title` and the
    // labels are its source texts and must outlive the section (string literals).
    FormSection(QWidget* parent, const char* context, const char* title);

    QFormLayout* form() const { return m_form; }

    // A labelled row for `field` (made by the caller); returns it.
    template <typename Field>
    Field* row(const char* label, Field* field) {
        addRow(label, field);
        return field;
    }
    QComboBox* choiceRow(const char* label, const char* name, const QStringList& values);
    QSpinBox* intRow(const char* label, const char* name, int min, int max, int value);
    QDoubleSpinBox* realRow(const char* label, const char* name, double min, double max,
                            double step, int decimals, double value);
    // A check box across the row; `text` is its own text.
    QCheckBox* checkRow(const char* text, const char* name);
    // A word-wrapped note across the row (its text is the caller's).
    QLabel* noteRow(const char* name);

    void setRowVisible(QWidget* field, bool visible);
    // Replaces the source text of `field`'s label (a label that depends on other choices).
    void setRowLabel(QWidget* field, const char* label);
    void retranslate();

private:
    struct Row {
        QWidget* field;
        const char* label;  // null: no label (a note)
        bool check;         // the label is the check box's own text
    };
    void addRow(const char* label, QWidget* field);
    QString translated(const char* text) const;

    const char* m_context;
    const char* m_title;
    QFormLayout* m_form;
    QVector<Row> m_rows;
};

}  // namespace studio
}  // namespace kiln
