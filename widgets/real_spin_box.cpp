#include "widgets/real_spin_box.h"

namespace kiln {
namespace widgets {

RealSpinBox::RealSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
    // Rounding happens in the text, not in the value.
    setDecimals(12);
}

QString RealSpinBox::textFromValue(double value) const {
    return locale().toString(value, 'g', 6);
}

double RealSpinBox::valueFromText(const QString& text) const {
    return locale().toDouble(text);
}

QValidator::State RealSpinBox::validate(QString& text, int&) const {
    bool ok = false;
    const double value = locale().toDouble(text, &ok);
    if (!ok) return QValidator::Intermediate;
    return value >= minimum() && value <= maximum() ? QValidator::Acceptable
                                                    : QValidator::Intermediate;
}

}  // namespace widgets
}  // namespace kiln
