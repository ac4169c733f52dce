#include "widgets/model_family.h"

#include <QCoreApplication>

namespace kiln {
namespace widgets {

QString modelFamilyName(const QString& family) {
    if (family == QLatin1String("auto"))
        return QCoreApplication::translate("kiln::widgets::ModelFamily", "auto");
    if (family == QLatin1String("linear"))
        return QCoreApplication::translate("kiln::widgets::ModelFamily", "linear");
    if (family == QLatin1String("mlp"))
        return QCoreApplication::translate("kiln::widgets::ModelFamily", "MLP");
    if (family == QLatin1String("cnn"))
        return QCoreApplication::translate("kiln::widgets::ModelFamily", "CNN");
    if (family == QLatin1String("boosted"))
        return QCoreApplication::translate("kiln::widgets::ModelFamily", "boosted trees");
    if (family == QLatin1String("forest"))
        return QCoreApplication::translate("kiln::widgets::ModelFamily", "random forest");
    if (family == QLatin1String("tree"))
        return QCoreApplication::translate("kiln::widgets::ModelFamily", "decision tree");
    return family;
}

bool isTreeFamilyName(const QString& family) {
    return family == QLatin1String("boosted") || family == QLatin1String("forest") ||
           family == QLatin1String("tree");
}

QString metricDisplayName(const QString& key) {
    if (key == QLatin1String("accuracy"))
        return QCoreApplication::translate("kiln::widgets::ModelFamily", "Accuracy");
    if (key == QLatin1String("macro_f1"))
        return QCoreApplication::translate("kiln::widgets::ModelFamily", "Macro F1");
    if (key == QLatin1String("roc_auc"))
        return QCoreApplication::translate("kiln::widgets::ModelFamily", "ROC AUC");
    if (key == QLatin1String("log_loss") || key == QLatin1String("loss"))
        return QCoreApplication::translate("kiln::widgets::ModelFamily", "Log loss");
    if (key == QLatin1String("rmse")) return QStringLiteral("RMSE");
    if (key == QLatin1String("mae")) return QStringLiteral("MAE");
    if (key == QLatin1String("r2")) return QStringLiteral("R²");
    return key;
}

}  // namespace widgets
}  // namespace kiln
