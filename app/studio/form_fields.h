#pragma once

#include <QStringList>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
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

}  // namespace studio
}  // namespace kiln
