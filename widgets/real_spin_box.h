#pragma once

#include <QDoubleSpinBox>

namespace kiln {
namespace widgets {

// A spin box for rates and decays that writes numbers the short way ("0.001", "1e-05") instead
// of a fixed count of decimals, and reads them back in the same forms.
class RealSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit RealSpinBox(QWidget* parent = nullptr);

    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& position) const override;
};

}  // namespace widgets
}  // namespace kiln
