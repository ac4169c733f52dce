#include "app/studio/environment_texts.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "widgets/message_texts.h"

namespace kiln {
namespace studio {

namespace {

class EnvironmentTexts {
    Q_DECLARE_TR_FUNCTIONS(kiln::studio::EnvironmentTexts)

public:
    static QString key(const QString& key) {
        // Names of libraries and products stay as they are written.
        if (key == QLatin1String("blas")) return QStringLiteral("BLAS");
        if (key == QLatin1String("kiln")) return QStringLiteral("Kiln");
        if (key == QLatin1String("libtorch")) return QStringLiteral("LibTorch");
        if (key == QLatin1String("opencv")) return QStringLiteral("OpenCV");
        if (key == QLatin1String("qt")) return QStringLiteral("Qt");
        if (key == QLatin1String("sqlite")) return QStringLiteral("SQLite");
        if (key == QLatin1String("xgboost")) return QStringLiteral("XGBoost");
        if (key == QLatin1String("onnx")) return QStringLiteral("ONNX");
        if (key == QLatin1String("compiler")) return tr("Compiler");
        if (key == QLatin1String("cpu")) return tr("Processor");
        if (key == QLatin1String("cpu_cores")) return tr("CPU cores");
        if (key == QLatin1String("cuda_available")) return tr("CUDA available");
        if (key == QLatin1String("cuda_reason")) return tr("CUDA");
        if (key == QLatin1String("cuda_version")) return tr("CUDA version");
        if (key == QLatin1String("gpus")) return tr("GPUs");
        if (key == QLatin1String("hostname")) return tr("Host name");
        if (key == QLatin1String("kernel")) return tr("Kernel");
        if (key == QLatin1String("memory_bytes")) return tr("Memory");
        if (key == QLatin1String("os")) return tr("Operating system");
        if (key == QLatin1String("torch_threads")) return tr("Torch threads");
        return key;
    }

    static QString value(const QString& key, const QJsonValue& value) {
        if (value.isBool()) return value.toBool() ? tr("yes") : tr("no");
        if (value.isDouble() && key.endsWith(QLatin1String("_bytes")))
            return QLocale().formattedDataSize(qint64(value.toDouble()));
        if (value.isDouble()) return QString::number(value.toDouble(), 'g', 12);
        if (value.isString() && value.toString().isEmpty()) return QStringLiteral("–");
        if (value.isString()) return kiln::widgets::localMessage(value.toString());
        if (value.isArray() && value.toArray().isEmpty()) return tr("none");
        if (value.isArray())
            return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        if (value.isObject())
            return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        return {};
    }
};

}  // namespace

QString environmentKeyText(const QString& key) { return EnvironmentTexts::key(key); }

QString environmentValueText(const QString& key, const QJsonValue& value) {
    return EnvironmentTexts::value(key, value);
}

}  // namespace studio
}  // namespace kiln
