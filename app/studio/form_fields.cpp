#include "app/studio/form_fields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

#include "widgets/real_spin_box.h"

namespace kiln {
namespace studio {

QComboBox* choiceBox(QWidget* parent, const char* name, const QStringList& values) {
    auto* box = new QComboBox(parent);
    box->setObjectName(QLatin1String(name));
    for (const QString& value : values) box->addItem(value, value);
    return box;
}

QSpinBox* intBox(QWidget* parent, const char* name, int min, int max, int value) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(min, max);
    box->setValue(value);
    return box;
}

QDoubleSpinBox* realBox(QWidget* parent, const char* name, double min, double max, double step,
                        int decimals, double value) {
    // Rates and decays (many decimals) are written the short way.
    QDoubleSpinBox* box =
        decimals > 4 ? new kiln::widgets::RealSpinBox(parent) : new QDoubleSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(min, max);
    if (decimals <= 4) box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setValue(value);
    return box;
}

QString choice(const QComboBox* box) {
    return box->currentData().toString();
}

void setLabel(QFormLayout* form, QWidget* field, const QString& text) {
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(field))) label->setText(text);
}

void setItemTexts(QComboBox* box, const QStringList& texts) {
    for (int i = 0; i < box->count() && i < texts.size(); ++i) box->setItemText(i, texts[i]);
}

FormSection::FormSection(QWidget* parent, const char* context, const char* title)
    : QGroupBox(parent), m_context(context), m_title(title), m_form(new QFormLayout(this)) {}

void FormSection::addRow(const char* label, QWidget* field) {
    m_form->addRow(QStringLiteral("-"), field);
    m_rows.push_back({field, label, false});
}

QComboBox* FormSection::choiceRow(const char* label, const char* name, const QStringList& values) {
    return row(label, choiceBox(this, name, values));
}

QSpinBox* FormSection::intRow(const char* label, const char* name, int min, int max, int value) {
    return row(label, intBox(this, name, min, max, value));
}

QDoubleSpinBox* FormSection::realRow(const char* label, const char* name, double min, double max,
                                     double step, int decimals, double value) {
    return row(label, realBox(this, name, min, max, step, decimals, value));
}

QCheckBox* FormSection::checkRow(const char* text, const char* name) {
    auto* box = new QCheckBox(this);
    box->setObjectName(QLatin1String(name));
    m_form->addRow(QString(), box);
    m_rows.push_back({box, text, true});
    return box;
}

QLabel* FormSection::noteRow(const char* name) {
    auto* note = new QLabel(this);
    note->setObjectName(QLatin1String(name));
    note->setWordWrap(true);
    m_form->addRow(note);
    m_rows.push_back({note, nullptr, false});
    return note;
}

void FormSection::setRowVisible(QWidget* field, bool visible) {
    m_form->setRowVisible(field, visible);
}

void FormSection::setRowLabel(QWidget* field, const char* label) {
    for (Row& row : m_rows)
        if (row.field == field) row.label = label;
    if (label) setLabel(m_form, field, translated(label));
}

QString FormSection::translated(const char* text) const {
    return QCoreApplication::translate(m_context, text);
}

void FormSection::retranslate() {
    setTitle(translated(m_title));
    for (const Row& row : m_rows) {
        if (!row.label) continue;
        if (row.check)
            static_cast<QCheckBox*>(row.field)->setText(translated(row.label));
        else
            setLabel(m_form, row.field, translated(row.label));
    }
}

}  // namespace studio
}  // namespace kiln
