#pragma once

#include <QString>

#include "core/data/column_type.h"

namespace kiln {
namespace widgets {

// A column's type as a person reads it in the language chosen ("float" in English, "실수" in
// Korean); core's names (columnTypeName) stay what files, specs and the CLI use.
QString columnTypeText(kiln::ColumnType type);
// The same for a type named as core names it ("categorical"); an unknown name is shown as is.
QString columnTypeText(const QString& coreName);

}  // namespace widgets
}  // namespace kiln
