#include "widgets/column_type_text.h"

#include <QCoreApplication>

namespace kiln {
namespace widgets {

namespace {

constexpr const char* kContext = "kiln::widgets::ColumnTypeText";

// Core's names, listed so lupdate offers them for translation (English keeps them as they are).
[[maybe_unused]] constexpr const char* kTypeNames[] = {
    QT_TRANSLATE_NOOP("kiln::widgets::ColumnTypeText", "integer"),
    QT_TRANSLATE_NOOP("kiln::widgets::ColumnTypeText", "float"),
    QT_TRANSLATE_NOOP("kiln::widgets::ColumnTypeText", "boolean"),
    QT_TRANSLATE_NOOP("kiln::widgets::ColumnTypeText", "date"),
    QT_TRANSLATE_NOOP("kiln::widgets::ColumnTypeText", "datetime"),
    QT_TRANSLATE_NOOP("kiln::widgets::ColumnTypeText", "categorical"),
    QT_TRANSLATE_NOOP("kiln::widgets::ColumnTypeText", "text"),
};

}  // namespace

QString columnTypeText(kiln::ColumnType type) {
    return QCoreApplication::translate(kContext, kiln::columnTypeName(type));
}

QString columnTypeText(const QString& coreName) {
    const QByteArray name = coreName.toLatin1();
    return QCoreApplication::translate(kContext, name.constData());
}

}  // namespace widgets
}  // namespace kiln
