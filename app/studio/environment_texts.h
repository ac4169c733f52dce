// The run tab's "Environment and spec" page in words: the keys of core's environment report
// (core/env) as a person names them, and their values in the language chosen (yes/no, none, core's
// reasons said again through message_texts).
#pragma once

#include <QJsonValue>
#include <QString>

namespace kiln {
namespace studio {

// "cpu_cores" → "CPU cores", "hostname" → "Host name"; a key Kiln does not know stays as it is.
QString environmentKeyText(const QString& key);
// A value of the report: booleans as yes/no, an empty list as "none", sizes of `*_bytes` keys in
// KiB/MiB/GiB, core's sentences in the language chosen; other values as they are.
QString environmentValueText(const QString& key, const QJsonValue& value);

}  // namespace studio
}  // namespace kiln
