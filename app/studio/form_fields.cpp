#include "app/studio/form_fields.h"

#include <QComboBox>
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

}  // namespace studio
}  // namespace kiln
